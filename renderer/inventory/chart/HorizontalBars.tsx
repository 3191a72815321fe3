import { Typography, theme } from 'antd';

export type Bar = { label: string; count: number; color: string };

const ROW = 26;
const LABEL_WIDTH = 170;
const BAR_SPACE = 240;
const COUNT_SPACE = 56;
const WIDTH = LABEL_WIDTH + BAR_SPACE + COUNT_SPACE;

/**
 * One labelled bar per line, counts at the bar's end. The drawing is one image for assistive
 * technology, described by `description` (every label with its count).
 */
export function HorizontalBars({ title, bars, description }: { title: string; bars: readonly Bar[]; description: string }) {
  const { token } = theme.useToken();
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const height = bars.length * ROW;
  return (
    // Its own width in the wrapping row: a percentage-wide drawing in a shrink-to-fit box
    // would be drawn at a fraction of its size, text and all.
    <figure style={{ margin: 0, width: WIDTH, maxWidth: '100%' }}>
      <figcaption>
        <Typography.Text strong>{title}</Typography.Text>
      </figcaption>
      <svg role="img" aria-label={description} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH, display: 'block' }}>
        {bars.map((bar, index) => {
          const y = index * ROW;
          const length = bar.count === 0 ? 0 : Math.max(2, (bar.count / max) * BAR_SPACE);
          return (
            <g key={bar.label}>
              <text x={0} y={y + ROW / 2} dominantBaseline="middle" fontSize={12} fill={token.colorText}>
                {bar.label}
              </text>
              <rect x={LABEL_WIDTH} y={y + 5} width={BAR_SPACE} height={ROW - 10} rx={3} fill={token.colorFillQuaternary} />
              <rect x={LABEL_WIDTH} y={y + 5} width={length} height={ROW - 10} rx={3} fill={bar.color} />
              <text x={LABEL_WIDTH + BAR_SPACE + 8} y={y + ROW / 2} dominantBaseline="middle" fontSize={12} fill={token.colorText}>
                {bar.count}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
