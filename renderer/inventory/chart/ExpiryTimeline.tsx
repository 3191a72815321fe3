import { Typography, theme } from 'antd';
import { formatDisplayDate } from '../../../shared/domain';
import type { ExpiryDay } from '../../../shared/inventory';
import { visuallyHidden } from '../../common/styles';

const DAY_WIDTH = 7;
const AXIS_LEFT = 28;
const PLOT_HEIGHT = 100;
const AXIS_HEIGHT = 22;
const TICK_EVERY = 15;

const dayMonth = (iso: string): string => formatDisplayDate(iso).slice(0, 5);
const tokensWord = (n: number): string => (n === 1 ? 'token' : 'tokens');

export function timelineDescription(days: readonly ExpiryDay[]): string {
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const span = `Expiry timeline for the next ${days.length} days`;
  const first = days.find((day) => day.count > 0);
  if (total === 0 || first === undefined) return `${span}: no token expires.`;
  const busiest = days.reduce((top, day) => (day.count > top.count ? day : top), first);
  return `${span}: ${total} ${tokensWord(total)} expire, the first on ${formatDisplayDate(first.date)}, the most (${busiest.count}) on ${formatDisplayDate(busiest.date)}.`;
}

/**
 * How many tokens stop working on each of the coming days (in the organisation's zone). The
 * days with expiries are also listed in a table for screen readers.
 */
export function ExpiryTimeline({ days }: { days: readonly ExpiryDay[] }) {
  const { token } = theme.useToken();
  const max = Math.max(1, ...days.map((day) => day.count));
  const width = AXIS_LEFT + days.length * DAY_WIDTH + 8;
  const height = PLOT_HEIGHT + AXIS_HEIGHT;
  const expiring = days.filter((day) => day.count > 0);
  return (
    <figure style={{ margin: 0, width, maxWidth: '100%' }}>
      <figcaption>
        <Typography.Text strong>Expiries in the next {days.length} days</Typography.Text>
      </figcaption>
      <svg role="img" aria-label={timelineDescription(days)} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, display: 'block' }}>
        <line x1={AXIS_LEFT} y1={PLOT_HEIGHT} x2={width - 8} y2={PLOT_HEIGHT} stroke={token.colorBorder} />
        <text x={AXIS_LEFT - 6} y={10} textAnchor="end" fontSize={11} fill={token.colorTextSecondary}>
          {max}
        </text>
        <text x={AXIS_LEFT - 6} y={PLOT_HEIGHT} textAnchor="end" fontSize={11} fill={token.colorTextSecondary}>
          0
        </text>
        {days.map((day, index) => {
          const x = AXIS_LEFT + index * DAY_WIDTH;
          const barHeight = (day.count / max) * (PLOT_HEIGHT - 8);
          return (
            <g key={day.date}>
              {day.count > 0 && (
                <rect x={x + 1} y={PLOT_HEIGHT - barHeight} width={DAY_WIDTH - 2} height={barHeight} fill={token.colorWarning} />
              )}
              {index % TICK_EVERY === 0 && (
                <text x={x} y={PLOT_HEIGHT + 15} fontSize={11} fill={token.colorTextSecondary}>
                  {dayMonth(day.date)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <table style={visuallyHidden}>
        <caption>Tokens expiring in the next {days.length} days</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Tokens expiring</th>
          </tr>
        </thead>
        <tbody>
          {expiring.length === 0 ? (
            <tr>
              <td colSpan={2}>None</td>
            </tr>
          ) : (
            expiring.map((day) => (
              <tr key={day.date}>
                <td>{formatDisplayDate(day.date)}</td>
                <td>{day.count}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </figure>
  );
}
