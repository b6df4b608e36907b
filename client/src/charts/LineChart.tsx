/**
 * Lines over dates or categories: burndown (remaining vs ideal), burnup
 * (scope vs completed), any trend. Dashed and step series, shaded areas,
 * labelled markers for events (scope added, today), a guide line with the
 * values under the pointer or the arrow keys. `stacked` draws the series as
 * bands on top of each other (a cumulative flow diagram): each band's height
 * is its value, the top edge the running total.
 */
import { useMemo } from 'react';
import { XAxis, YAxis } from './axes';
import { ChartFigure, ChartTooltip, tooltipText, type LegendEntry, type TooltipRow } from './ChartParts';
import { xLabel } from './format';
import { chartFrame, fittingLabels, type YScale } from './frame';
import { seriesColor, type SeriesColor } from './palette';
import { formatValue, linePath, stack, xPositions } from './scale';
import { textWidth, useChartSize } from './use-chart-size';
import { useChartFocus } from './use-chart-focus';

export interface LineSeries {
  /** Stable key for React and tests. */
  id: string;
  /** The series' name in the legend, tooltip and table. */
  label: string;
  /** One value per x value; null leaves a gap (no data, or not yet). */
  values: readonly (number | null)[];
  /** A palette colour; the next one in order when left out. */
  color?: SeriesColor;
  /** Dashed stroke, for targets such as the ideal line. */
  dashed?: boolean;
  /** Holds each value until the next x, a staircase for totals that change in jumps. */
  step?: boolean;
  /** Shades the area under the line. */
  area?: boolean;
}

export interface ChartMarker {
  /** The x value (a date or category) the marker stands at. */
  at: string;
  /** A few characters drawn above the plot ("+3", "Today"). */
  label: string;
  /** The sentence for the tooltip and the table ("3 points added"). */
  detail?: string;
  /** Colour cue: added scope, removed scope or a plain note. */
  tone?: 'note' | 'added' | 'removed';
}

export interface LineChartProps {
  /** The chart's name: the figure caption and the table caption. */
  title: string;
  /** Keeps the caption for screen readers only, when a heading right above says the same. */
  hideTitle?: boolean;
  /** One or two sentences a screen reader says for the drawing (the gist, with the latest figures). */
  summary: string;
  /** The x values: ISO dates (spaced by real time) or categories (evenly spaced), with an optional axis title. */
  x: { kind: 'date' | 'category'; values: readonly string[]; label?: string };
  /** The lines, drawn in order (later ones on top). */
  series: readonly LineSeries[];
  /** Title of the y axis ("Points"). */
  yLabel?: string;
  /** The y axis reaches at least this high (so an empty burnup still shows the capacity). */
  yMax?: number;
  /** Height of the drawing in rem (grows with large mode); 16 by default. */
  heightRem?: number;
  /** How y values read on the axis and in the tooltip. */
  formatY?: (value: number) => string;
  /** `duration`: values are milliseconds, ticked at round durations (formatY still words exact values). */
  yScale?: YScale;
  /** Labelled vertical markers: scope changes, today, a start. */
  markers?: readonly ChartMarker[];
  /** Bands stacked in series order from the bottom (null counts as 0); the tooltip adds the total. */
  stacked?: boolean;
  /** Shown instead of the drawing when there are no x values. */
  emptyText?: string;
  /** data-testid of the figure. */
  testId?: string;
  className?: string;
}

const TONE_COLOR = { note: '#475569', added: '#c2410c', removed: '#7e22ce' } as const;

export function LineChart(props: LineChartProps) {
  const { title, hideTitle = false, summary, x, series, yLabel, yMax = 0, heightRem = 16, formatY = formatValue, yScale = 'linear', markers = [], stacked = false, emptyText = 'No data yet.', testId, className } = props;
  const [boxRef, size] = useChartSize<HTMLDivElement>();
  const height = heightRem * size.rem;
  const colors = series.map((s, i) => seriesColor(s.color, i));

  const geo = useMemo(() => {
    const stacks = stacked
      ? stack(
          series.map((s) => s.values.map((v) => v ?? 0)),
          x.values.length,
        )
      : null;
    const all = stacks ? [0, ...(stacks.at(-1)?.map((b) => b.top) ?? [])] : series.flatMap((s) => s.values.filter((v): v is number => v !== null));
    const shortLabels = x.values.map((v) => xLabel(x.kind, v, 'short'));
    const frame = chartFrame({
      width: size.width,
      height,
      rem: size.rem,
      yMin: Math.min(0, ...all),
      yMax: Math.max(yMax, ...all, 1),
      formatY,
      yScale,
      xLabels: shortLabels,
      yTitle: Boolean(yLabel),
      xTitle: Boolean(x.label),
      topLabels: markers.length > 0,
      measure: textWidth,
    });
    const positions = xPositions(x.kind, x.values, frame.left + size.rem * 0.5, frame.right);
    const shown = fittingLabels(positions, shortLabels, frame.fontPx, textWidth);
    return { frame, positions, shortLabels, shown, stacks };
  }, [series, x, stacked, size.width, size.rem, height, yMax, formatY, yScale, yLabel, markers.length]);

  const { frame, positions, shortLabels, shown, stacks } = geo;
  const focus = useChartFocus(positions);
  const index = focus.index;

  const legend: LegendEntry[] = series.map((s, i) => (stacks ? { label: s.label, color: colors[i]!, kind: 'bar', variant: 'solid' } : { label: s.label, color: colors[i]!, kind: 'line', dashed: s.dashed ?? false }));
  const totalAt = (i: number) => stacks?.at(-1)?.[i]?.top ?? 0;
  const markerIndex = (m: ChartMarker) => x.values.indexOf(m.at);
  const notesAt = (i: number) => markers.filter((m) => markerIndex(m) === i).map((m) => m.detail ?? m.label);
  // Stacked bands read top band first, as they are drawn, then the total.
  const rowsAt = (i: number): TooltipRow[] => {
    const rows = series.flatMap((s, k) => {
      const v = s.values[i];
      return v === null || v === undefined ? [] : [{ label: s.label, value: formatY(v), swatch: legend[k]! }];
    });
    return stacks ? [...rows.reverse(), { label: 'Total', value: formatY(totalAt(i)) }] : rows;
  };
  const table = {
    columns: [x.label ?? (x.kind === 'date' ? 'Date' : 'Item'), ...series.map((s) => s.label), ...(stacks ? ['Total'] : []), ...(markers.length > 0 ? ['Notes'] : [])],
    rows: x.values.map((v, i) => [
      xLabel(x.kind, v, 'long'),
      ...series.map((s) => (s.values[i] == null ? '–' : formatY(s.values[i]!))),
      ...(stacks ? [formatY(totalAt(i))] : []),
      ...(markers.length > 0 ? [notesAt(i).join('; ')] : []),
    ]),
  };
  const heading = index !== null ? xLabel(x.kind, x.values[index]!, 'long') : '';
  const live = index !== null && focus.spoken ? tooltipText(heading, rowsAt(index), notesAt(index)) : '';
  const ready = size.width > 0 && x.values.length > 0;

  return (
    <ChartFigure title={title} hideTitle={hideTitle} legend={legend} table={table} boxRef={boxRef} live={live} testId={testId} className={className}>
      {(hintId) =>
        x.values.length === 0 ? (
          <p className="chart__empty">{emptyText}</p>
        ) : (
          <>
            <svg
              className="chart__svg"
              width={size.width}
              height={height}
              viewBox={`0 0 ${Math.max(1, size.width)} ${height}`}
              role="img"
              aria-label={summary}
              aria-describedby={hintId}
              {...focus.handlers}
            >
              {ready && (
                <>
                  <YAxis frame={frame} title={yLabel} />
                  <XAxis frame={frame} positions={positions} labels={shortLabels} shown={shown} title={x.label} />
                  {markers.map((m) => {
                    const at = markerIndex(m);
                    const px = at >= 0 ? positions[at]! : null;
                    if (px === null) return null;
                    const color = TONE_COLOR[m.tone ?? 'note'];
                    // A label near either end is anchored inwards, so it stays inside the box.
                    const half = textWidth(m.label, frame.fontPx) / 2;
                    const anchor = px + half > size.width ? 'end' : px - half < 0 ? 'start' : 'middle';
                    return (
                      <g key={`${m.at}-${m.label}`} className="chart-marker" aria-hidden="true">
                        <line x1={px} x2={px} y1={frame.top - frame.fontPx * 0.4} y2={frame.bottom} stroke={color} strokeDasharray="2 3" />
                        <text x={px} y={frame.top - frame.fontPx * 0.7} textAnchor={anchor} fill={color} className="chart-marker__label">
                          {m.label}
                        </text>
                      </g>
                    );
                  })}
                  {stacks &&
                    series.map((s, k) => {
                      const band = stacks[k]!;
                      const top = band.map((b, i) => `${positions[i]},${frame.y(b.top)}`);
                      const bottom = band.map((b, i) => `${positions[i]},${frame.y(b.bottom)}`).reverse();
                      return (
                        <g key={s.id} data-series={s.id} className="chart-band" aria-hidden="true">
                          <path d={`M${top.join('L')}L${bottom.join('L')}Z`} fill={colors[k]} fillOpacity="0.78" />
                          <path d={`M${top.join('L')}`} fill="none" stroke={colors[k]} strokeWidth="1.5" strokeLinejoin="round" />
                        </g>
                      );
                    })}
                  {!stacks && series.map((s, k) => {
                    const ys = s.values.map((v) => (v === null ? null : frame.y(v)));
                    const d = linePath(positions, ys, s.step ?? false);
                    const firstI = s.values.findIndex((v) => v !== null);
                    const lastI = s.values.findLastIndex((v) => v !== null);
                    return (
                      <g key={s.id} data-series={s.id} aria-hidden="true">
                        {s.area && firstI >= 0 && <path d={`${d}V${frame.y(0)}H${positions[firstI]}Z`} fill={colors[k]} opacity="0.1" />}
                        <path d={d} fill="none" stroke={colors[k]} strokeWidth={s.dashed ? 2 : 2.75} strokeDasharray={s.dashed ? '6 4' : undefined} strokeLinejoin="round" strokeLinecap="round" />
                        {!s.dashed && lastI >= 0 && <circle cx={positions[lastI]} cy={ys[lastI]!} r={3.5} fill={colors[k]} />}
                      </g>
                    );
                  })}
                  {index !== null && (
                    <g className="chart-focus" aria-hidden="true">
                      <line x1={positions[index]} x2={positions[index]} y1={frame.top} y2={frame.bottom} className="chart-focus__guide" />
                      {series.map((s, k) => {
                        const v = stacks ? stacks[k]![index]!.top : s.values[index];
                        return v === null || v === undefined ? null : <circle key={s.id} cx={positions[index]} cy={frame.y(v)} r={5} fill={colors[k]} stroke="#fff" strokeWidth="2" />;
                      })}
                    </g>
                  )}
                </>
              )}
            </svg>
            {ready && index !== null && (
              <ChartTooltip x={positions[index]!} top={frame.top} width={size.width} heading={heading} rows={rowsAt(index)} notes={notesAt(index)} />
            )}
          </>
        )
      }
    </ChartFigure>
  );
}
