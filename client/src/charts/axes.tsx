/** Gridlines, tick labels and axis titles, drawn from a Frame. */
import type { Frame } from './frame';

export function YAxis({ frame, title }: { frame: Frame; title?: string }) {
  const { left, right, top, bottom, fontPx, yTicks } = frame;
  return (
    <g className="chart-axis chart-axis--y" aria-hidden="true">
      {yTicks.values.map((v) => {
        const y = frame.y(v);
        return (
          <g key={v}>
            <line className={v === 0 ? 'chart-axis__zero' : 'chart-axis__grid'} x1={left} x2={right} y1={y} y2={y} />
            <text className="chart-axis__tick" x={left - fontPx * 0.5} y={y} dy="0.32em" textAnchor="end">
              {frame.yTickLabel(v)}
            </text>
          </g>
        );
      })}
      {title && (
        <text className="chart-axis__title" transform={`translate(${fontPx * 0.9} ${(top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
          {title}
        </text>
      )}
    </g>
  );
}

export function XAxis({ frame, positions, labels, shown, title }: { frame: Frame; positions: readonly number[]; labels: readonly string[]; shown: readonly number[]; title?: string }) {
  const { left, right, bottom, fontPx } = frame;
  return (
    <g className="chart-axis chart-axis--x" aria-hidden="true">
      <line className="chart-axis__line" x1={left} x2={right} y1={bottom} y2={bottom} />
      {shown.map((i) => (
        <g key={i}>
          <line className="chart-axis__mark" x1={positions[i]} x2={positions[i]} y1={bottom} y2={bottom + fontPx * 0.4} />
          <text className="chart-axis__tick" x={positions[i]} y={bottom + fontPx * 1.5} textAnchor="middle">
            {labels[i]}
          </text>
        </g>
      ))}
      {title && (
        <text className="chart-axis__title" x={(left + right) / 2} y={bottom + fontPx * 3.2} textAnchor="middle">
          {title}
        </text>
      )}
    </g>
  );
}
