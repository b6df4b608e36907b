/**
 * Bars per category, grouped or stacked: velocity (committed vs completed per
 * iteration, with the average as a reference line), interrupts by source per
 * week. Series differ by fill as well as colour (solid, light, hatched).
 */
import { useId, useMemo } from 'react';
import { XAxis, YAxis } from './axes';
import { ChartFigure, ChartTooltip, tooltipText, type BarVariant, type LegendEntry, type TooltipRow } from './ChartParts';
import { xLabel } from './format';
import { chartFrame, fittingLabels, type YScale } from './frame';
import { seriesColor, SERIES_COLORS, type SeriesColor } from './palette';
import { bands, formatValue, stack } from './scale';
import { textWidth, useChartSize } from './use-chart-size';
import { useChartFocus } from './use-chart-focus';

export interface BarSeries {
  /** Stable key for React and tests. */
  id: string;
  /** The series' name in the legend, tooltip and table. */
  label: string;
  /** One value per category. */
  values: readonly number[];
  /** A palette colour; the next one in order when left out. */
  color?: SeriesColor;
  /** solid (default), light (pale fill, strong outline) or hatched: a second cue besides colour. */
  variant?: BarVariant;
}

export interface ReferenceLine {
  /** Where the line sits on the y axis. */
  value: number;
  /** Its name ("Average 17.5"), drawn at the line's right end and in the legend. */
  label: string;
  /** A palette colour; slate by default. */
  color?: SeriesColor;
}

export interface BarChartProps {
  /** The chart's name: the figure caption and the table caption. */
  title: string;
  /** Keeps the caption for screen readers only, when a heading right above says the same. */
  hideTitle?: boolean;
  /** One or two sentences a screen reader says for the drawing. */
  summary: string;
  /** The categories (iteration names, or ISO dates such as week starts), with an optional axis title. */
  x: { kind: 'date' | 'category'; values: readonly string[]; label?: string };
  /** The series; grouped side by side or stacked in this order from the bottom. */
  series: readonly BarSeries[];
  /** Side by side (default) or on top of each other. */
  mode?: 'grouped' | 'stacked';
  /** A horizontal line across the bars, such as the average. */
  reference?: ReferenceLine;
  /** Title of the y axis ("Points"). */
  yLabel?: string;
  /** Height of the drawing in rem (grows with large mode); 16 by default. */
  heightRem?: number;
  /** How values read on the axis, on the bars and in the tooltip. */
  formatY?: (value: number) => string;
  /** `duration`: values are milliseconds, ticked at round durations (formatY still words exact values). */
  yScale?: YScale;
  /** Writes each bar's value (each stack's total) above it when there is room. */
  showValues?: boolean;
  /** Shown instead of the drawing when there are no categories. */
  emptyText?: string;
  /** data-testid of the figure. */
  testId?: string;
  className?: string;
}

export function BarChart(props: BarChartProps) {
  const { title, hideTitle = false, summary, x, series, mode = 'grouped', reference, yLabel, heightRem = 16, formatY = formatValue, yScale = 'linear', showValues = false, emptyText = 'No data yet.', testId, className } = props;
  const [boxRef, size] = useChartSize<HTMLDivElement>();
  const patternId = `bars${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const height = heightRem * size.rem;
  const colors = series.map((s, i) => seriesColor(s.color, i));
  const count = x.values.length;

  const geo = useMemo(() => {
    const stacks = stack(
      series.map((s) => s.values),
      count,
    );
    const totals = Array.from({ length: count }, (_, i) => stacks.at(-1)?.[i]?.top ?? 0);
    const peak = mode === 'stacked' ? Math.max(0, ...totals) : Math.max(0, ...series.flatMap((s) => s.values));
    const shortLabels = x.values.map((v) => xLabel(x.kind, v, 'short'));
    const frame = chartFrame({
      width: size.width,
      height,
      rem: size.rem,
      yMin: 0,
      yMax: Math.max(1, peak, reference?.value ?? 0),
      formatY,
      yScale,
      xLabels: shortLabels,
      yTitle: Boolean(yLabel),
      xTitle: Boolean(x.label),
      topLabels: showValues,
      measure: textWidth,
    });
    // Few categories on a wide screen would make slabs: a group is at most 4rem per series.
    const slots = bands(count, frame.left, frame.right, count < 4 ? 0.45 : 0.3, size.rem * 4 * Math.max(1, mode === 'grouped' ? series.length : 1.2));
    const positions = slots.map((b) => b.center);
    const shown = fittingLabels(positions, shortLabels, frame.fontPx, textWidth);
    return { frame, slots, positions, shortLabels, shown, stacks, totals };
  }, [series, x, count, mode, size.width, size.rem, height, reference?.value, formatY, yScale, yLabel, showValues]);

  const { frame, slots, positions, shortLabels, shown, stacks, totals } = geo;
  const focus = useChartFocus(positions);
  const index = focus.index;
  const refColor = SERIES_COLORS[reference?.color ?? 'slate'];

  const legend: LegendEntry[] = [
    ...series.map((s, i): LegendEntry => ({ label: s.label, color: colors[i]!, kind: 'bar', variant: s.variant ?? 'solid' })),
    ...(reference ? [{ label: reference.label, color: refColor, kind: 'reference' as const }] : []),
  ];
  const rowsAt = (i: number): TooltipRow[] => [
    ...series.map((s, k) => ({ label: s.label, value: formatY(s.values[i] ?? 0), swatch: legend[k]! })),
    ...(mode === 'stacked' && series.length > 1 ? [{ label: 'Total', value: formatY(totals[i] ?? 0) }] : []),
  ];
  const notes = reference ? [reference.label] : [];
  const table = {
    columns: [x.label ?? (x.kind === 'date' ? 'Date' : 'Item'), ...series.map((s) => s.label), ...(mode === 'stacked' && series.length > 1 ? ['Total'] : [])],
    rows: x.values.map((v, i) => [
      xLabel(x.kind, v, 'long'),
      ...series.map((s) => formatY(s.values[i] ?? 0)),
      ...(mode === 'stacked' && series.length > 1 ? [formatY(totals[i] ?? 0)] : []),
    ]),
  };
  const heading = index !== null ? xLabel(x.kind, x.values[index]!, 'long') : '';
  const live = index !== null && focus.spoken ? tooltipText(heading, rowsAt(index), notes) : '';
  const ready = size.width > 0 && count > 0;
  const groupWidth = (b: { width: number }) => b.width / Math.max(1, series.length);

  const bar = (k: number, i: number) => {
    const s = series[k]!;
    const b = slots[i]!;
    const variant = s.variant ?? 'solid';
    let x0: number, w: number, y0: number, y1: number;
    if (mode === 'stacked') {
      x0 = b.start;
      w = b.width;
      y0 = frame.y(stacks[k]![i]!.top);
      y1 = frame.y(stacks[k]![i]!.bottom);
    } else {
      w = groupWidth(b);
      x0 = b.start + k * w;
      y0 = frame.y(Math.max(0, s.values[i] ?? 0));
      y1 = frame.y(0);
    }
    const h = Math.max(0, y1 - y0);
    const inset = mode === 'grouped' && series.length > 1 ? Math.min(3, w * 0.08) : 0;
    const fill = variant === 'solid' ? colors[k] : variant === 'hatched' ? `url(#${patternId}-${k})` : colors[k];
    return (
      <g key={`${s.id}-${i}`}>
        <rect x={x0 + inset / 2} y={y0} width={Math.max(0, w - inset)} height={h} fill={fill} fillOpacity={variant === 'light' ? 0.22 : 1} stroke={variant === 'solid' ? 'none' : colors[k]} strokeWidth="1.5" />
        {showValues && mode === 'grouped' && h >= 0 && w >= textWidth(formatY(s.values[i] ?? 0), frame.fontPx) && (
          <text className="chart-bar__value" x={x0 + w / 2} y={y0 - frame.fontPx * 0.4} textAnchor="middle">
            {formatY(s.values[i] ?? 0)}
          </text>
        )}
      </g>
    );
  };

  return (
    <ChartFigure title={title} hideTitle={hideTitle} legend={legend} table={table} tableNote={reference?.label} boxRef={boxRef} live={live} testId={testId} className={className}>
      {(hintId) =>
        count === 0 ? (
          <p className="chart__empty">{emptyText}</p>
        ) : (
          <>
            <svg className="chart__svg" width={size.width} height={height} viewBox={`0 0 ${Math.max(1, size.width)} ${height}`} role="img" aria-label={summary} aria-describedby={hintId} {...focus.handlers}>
              <defs>
                {series.map((s, k) =>
                  s.variant === 'hatched' ? (
                    <pattern key={s.id} id={`${patternId}-${k}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                      <rect width="6" height="6" fill="#fff" />
                      <line x1="0" y1="0" x2="0" y2="6" stroke={colors[k]} strokeWidth="3" />
                    </pattern>
                  ) : null,
                )}
              </defs>
              {ready && (
                <>
                  <YAxis frame={frame} title={yLabel} />
                  {index !== null && slots[index] && <rect className="chart-focus__band" x={slots[index].start - 4} width={slots[index].width + 8} y={frame.top} height={frame.bottom - frame.top} />}
                  <g aria-hidden="true">{series.map((_, k) => x.values.map((_, i) => bar(k, i)))}</g>
                  {showValues && mode === 'stacked' &&
                    slots.map((b, i) => (
                      <text key={i} className="chart-bar__value" x={b.center} y={frame.y(totals[i] ?? 0) - frame.fontPx * 0.4} textAnchor="middle" aria-hidden="true">
                        {formatY(totals[i] ?? 0)}
                      </text>
                    ))}
                  <XAxis frame={frame} positions={positions} labels={shortLabels} shown={shown} title={x.label} />
                  {reference && (
                    <g className="chart-reference" aria-hidden="true">
                      <line x1={frame.left} x2={frame.right} y1={frame.y(reference.value)} y2={frame.y(reference.value)} stroke={refColor} strokeWidth="2" strokeDasharray="6 4" />
                      <text x={frame.right} y={frame.y(reference.value) - frame.fontPx * 0.45} textAnchor="end" fill={refColor} className="chart-reference__label">
                        {reference.label}
                      </text>
                    </g>
                  )}
                </>
              )}
            </svg>
            {ready && index !== null && <ChartTooltip x={positions[index]!} clear={(slots[index]?.width ?? 0) / 2 + 4} top={frame.top} width={size.width} heading={heading} rows={rowsAt(index)} notes={notes} />}
          </>
        )
      }
    </ChartFigure>
  );
}
