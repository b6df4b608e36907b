/**
 * Points on a time axis against a value (cycle time: finish date against
 * days), with horizontal percentile lines. Every point is focusable (Tab
 * moves between them, Enter opens it) and shows its tooltip on hover or focus.
 */
import { useMemo, useState } from 'react';
import { YAxis } from './axes';
import { ChartFigure, ChartTooltip, type LegendEntry } from './ChartParts';
import { shortDate, longDate } from './format';
import { chartFrame } from './frame';
import { SERIES_COLORS, type SeriesColor } from './palette';
import { formatValue } from './scale';
import { textWidth, useChartSize } from './use-chart-size';

export interface ScatterPoint {
  id: string;
  /** ISO date-time or date on the x axis. */
  at: string;
  value: number;
  /** What the point is ("#12 Rotate TLS certificates"). */
  label: string;
  /** Drawn hollow (a blocked card, say). */
  hollow?: boolean;
}

export interface ScatterChartProps {
  title: string;
  summary: string;
  points: readonly ScatterPoint[];
  /** Horizontal lines (percentiles). */
  lines?: readonly { value: number; label: string; color?: SeriesColor }[];
  yLabel?: string;
  xLabel?: string;
  formatY?: (value: number) => string;
  heightRem?: number;
  onOpen?: (point: ScatterPoint) => void;
  emptyText?: string;
  testId?: string;
}

export function ScatterChart(props: ScatterChartProps) {
  const { title, summary, points, lines = [], yLabel, xLabel, formatY = formatValue, heightRem = 18, onOpen, emptyText = 'No data yet.', testId } = props;
  const [boxRef, size] = useChartSize<HTMLDivElement>();
  const [active, setActive] = useState<number | null>(null);
  const height = heightRem * size.rem;

  const geo = useMemo(() => {
    const times = points.map((p) => Date.parse(p.at));
    const t0 = times.length ? Math.min(...times) : 0;
    const t1 = times.length ? Math.max(...times) : 1;
    const span = Math.max(1, t1 - t0);
    const peak = Math.max(1, ...points.map((p) => p.value), ...lines.map((l) => l.value));
    const ticks = [t0, t0 + span / 2, t1].map((t) => new Date(t).toISOString().slice(0, 10));
    const frame = chartFrame({ width: size.width, height, rem: size.rem, yMin: 0, yMax: peak, formatY, xLabels: ticks.map(shortDate), yTitle: Boolean(yLabel), xTitle: Boolean(xLabel), topLabels: false, measure: textWidth });
    const pad = 8;
    const x = (t: number) => frame.left + pad + ((t - t0) / span) * Math.max(1, frame.right - frame.left - 2 * pad);
    return { frame, xs: times.map(x), ticks, tickXs: [t0, t0 + span / 2, t1].map(x) };
  }, [points, lines, size.width, size.rem, height, formatY, yLabel, xLabel]);

  const { frame, xs, ticks, tickXs } = geo;
  const legend: LegendEntry[] = [
    { label: 'Card', color: SERIES_COLORS.blue, kind: 'marker' },
    ...lines.map((l): LegendEntry => ({ label: l.label, color: SERIES_COLORS[l.color ?? 'slate'], kind: 'reference' })),
  ];
  const table = { columns: ['Item', 'Date', yLabel ?? 'Value'], rows: points.map((p) => [p.label, longDate(p.at.slice(0, 10)), formatY(p.value)]) };
  const ready = size.width > 0 && points.length > 0;
  const current = active !== null ? points[active] : undefined;
  const r = Math.max(4, size.rem * 0.35);

  return (
    <ChartFigure title={title} hideTitle={false} legend={legend} table={table} boxRef={boxRef} live={current ? `${current.label}: ${formatY(current.value)}` : ''} testId={testId}>
      {(hintId) =>
        points.length === 0 ? (
          <p className="chart__empty">{emptyText}</p>
        ) : (
          <>
            <svg className="chart__svg" width={size.width} height={height} viewBox={`0 0 ${Math.max(1, size.width)} ${height}`} role="group" aria-label={summary} aria-describedby={hintId}>
              {ready && (
                <>
                  <YAxis frame={frame} title={yLabel} />
                  <g className="chart-axis chart-axis--x" aria-hidden="true">
                    <line className="chart-axis__line" x1={frame.left} x2={frame.right} y1={frame.bottom} y2={frame.bottom} />
                    {ticks.map((d, i) => (
                      <text key={i} className="chart-axis__tick" x={tickXs[i]} y={frame.bottom + frame.fontPx * 1.5} textAnchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'}>
                        {shortDate(d)}
                      </text>
                    ))}
                  </g>
                  {lines.map((l) => {
                    const color = SERIES_COLORS[l.color ?? 'slate'];
                    return (
                      <g key={l.label} className="chart-reference" aria-hidden="true">
                        <line x1={frame.left} x2={frame.right} y1={frame.y(l.value)} y2={frame.y(l.value)} stroke={color} strokeWidth="2" strokeDasharray="6 4" />
                        <text x={frame.right} y={frame.y(l.value) - frame.fontPx * 0.45} textAnchor="end" fill={color} className="chart-reference__label">
                          {l.label}
                        </text>
                      </g>
                    );
                  })}
                  {points.map((p, i) => (
                    <circle
                      key={p.id}
                      className="chart-point"
                      data-testid="scatter-point"
                      cx={xs[i]}
                      cy={frame.y(p.value)}
                      r={active === i ? r * 1.5 : r}
                      fill={p.hollow ? 'var(--surface, #fff)' : SERIES_COLORS.blue}
                      fillOpacity={p.hollow ? 1 : 0.8}
                      stroke={SERIES_COLORS.blue}
                      strokeWidth="2"
                      tabIndex={0}
                      role={onOpen ? 'link' : 'img'}
                      aria-label={`${p.label}: ${formatY(p.value)}, ${longDate(p.at.slice(0, 10))}`}
                      style={{ cursor: onOpen ? 'pointer' : undefined }}
                      onPointerEnter={() => setActive(i)}
                      onPointerLeave={() => setActive(null)}
                      onFocus={() => setActive(i)}
                      onBlur={() => setActive(null)}
                      onClick={() => onOpen?.(p)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onOpen?.(p);
                        }
                      }}
                    />
                  ))}
                </>
              )}
            </svg>
            {ready && current && active !== null && (
              <ChartTooltip x={xs[active]!} clear={r * 2} top={frame.top} width={size.width} heading={current.label} rows={[{ label: yLabel ?? 'Value', value: formatY(current.value) }, { label: 'Date', value: longDate(current.at.slice(0, 10)) }]} />
            )}
          </>
        )
      }
    </ChartFigure>
  );
}
