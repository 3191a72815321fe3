import { Typography, theme } from 'antd';

export type DailyBar = { day: string; label: string; parts: { count: number; color: string }[] };

const BAR = 10;
const GAP = 3;
const HEIGHT = 64;

/**
 * One thin column per day, its parts stacked (e.g. accepted under refused). The drawing is one
 * image for assistive technology, described by `description`; each column's title says its day.
 */
export function DailyBars({ title, bars, description }: { title: string; bars: readonly DailyBar[]; description: string }) {
  const { token } = theme.useToken();
  const total = (bar: DailyBar) => bar.parts.reduce((sum, part) => sum + part.count, 0);
  const max = Math.max(1, ...bars.map(total));
  const width = bars.length * (BAR + GAP);
  return (
    <figure style={{ margin: 0, width, maxWidth: '100%' }}>
      <figcaption>
        <Typography.Text strong>{title}</Typography.Text>
      </figcaption>
      <svg role="img" aria-label={description} viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" style={{ maxWidth: width, display: 'block' }}>
        {bars.map((bar, index) => {
          const x = index * (BAR + GAP);
          let top = HEIGHT;
          return (
            <g key={bar.day}>
              <title>{bar.label}</title>
              <rect x={x} y={0} width={BAR} height={HEIGHT} fill={token.colorFillQuaternary} />
              {bar.parts.map((part, partIndex) => {
                const height = part.count === 0 ? 0 : Math.max(2, (part.count / max) * HEIGHT);
                top -= height;
                return <rect key={partIndex} x={x} y={top} width={BAR} height={height} fill={part.color} />;
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
