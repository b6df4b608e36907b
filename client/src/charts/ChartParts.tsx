/** The pieces every chart shares: the figure with its caption and legend, the tooltip, and the data table for screen readers. */
import { useId, type ReactNode, type RefObject } from 'react';

export type SwatchKind = 'line' | 'bar' | 'reference' | 'marker';
export type BarVariant = 'solid' | 'light' | 'hatched';

export interface LegendEntry {
  label: string;
  color: string;
  kind: SwatchKind;
  dashed?: boolean;
  variant?: BarVariant;
}

/** A small drawing of how a series looks, for the legend and the tooltip. */
export function Swatch({ entry }: { entry: Omit<LegendEntry, 'label'> }) {
  const { color, kind, dashed, variant } = entry;
  return (
    <svg className="chart-swatch" viewBox="0 0 24 12" aria-hidden="true" focusable="false">
      {kind === 'bar' ? (
        <rect x="5" y="1" width="14" height="10" rx="1.5" fill={variant === 'solid' || variant === undefined ? color : '#fff'} stroke={color} strokeWidth="1.5" />
      ) : kind === 'marker' ? (
        <path d="M12 1 L17 8 L7 8 Z" fill={color} />
      ) : (
        <line x1="1" y1="6" x2="23" y2="6" stroke={color} strokeWidth={kind === 'reference' ? 2 : 3} strokeDasharray={dashed || kind === 'reference' ? '4 3' : undefined} strokeLinecap="round" />
      )}
      {kind === 'bar' && variant === 'hatched' && <path d="M7 11 L13 1 M12 11 L18 1" stroke={color} strokeWidth="1.5" />}
      {kind === 'bar' && variant === 'light' && <rect x="5" y="1" width="14" height="10" rx="1.5" fill={color} opacity="0.25" />}
    </svg>
  );
}

export function Legend({ entries }: { entries: readonly LegendEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label="Legend">
      {entries.map((e) => (
        <li key={e.label} className="chart-legend__item">
          <Swatch entry={e} />
          {e.label}
        </li>
      ))}
    </ul>
  );
}

export interface TooltipRow {
  label: string;
  value: string;
  swatch?: Omit<LegendEntry, 'label'>;
}

/**
 * The values at one x, beside what is being read: flipped to the left in the right part of the chart so
 * it never leaves the box. `clear` is the half-width to keep uncovered on either side (a bar group).
 */
export function ChartTooltip({ x, clear = 0, top, width, heading, rows, notes }: { x: number; clear?: number; top: number; width: number; heading: string; rows: readonly TooltipRow[]; notes?: readonly string[] }) {
  const flip = x > width * 0.6;
  const style = flip ? { right: Math.max(0, width - (x - clear) + 12), top } : { left: x + clear + 12, top };
  return (
    <div className="chart-tooltip" style={style} aria-hidden="true" data-testid="chart-tooltip">
      <p className="chart-tooltip__heading">{heading}</p>
      <table className="chart-tooltip__rows">
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">
                {r.swatch && <Swatch entry={r.swatch} />}
                {r.label}
              </th>
              <td>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes?.map((n) => (
        <p key={n} className="chart-tooltip__note">
          {n}
        </p>
      ))}
    </div>
  );
}

/** What the tooltip shows, as one sentence (spoken when the keyboard moved to it). */
export function tooltipText(heading: string, rows: readonly TooltipRow[], notes: readonly string[] = []): string {
  return [`${heading}:`, rows.map((r) => `${r.label} ${r.value}`).join(', '), ...notes].join(' ');
}

export interface TableData {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

interface FigureProps {
  title: string;
  hideTitle: boolean;
  legend: readonly LegendEntry[];
  table: TableData;
  /** Extra words under the table caption (an average, a note). */
  tableNote?: string;
  boxRef: RefObject<HTMLDivElement | null>;
  /** Spoken when the keyboard reads a value. */
  live: string;
  testId?: string;
  className?: string;
  children: (hintId: string) => ReactNode;
}

/**
 * A figure: visible caption and legend, the drawing (whose svg is role="img"
 * with a summary), and the same numbers as a table only screen readers see.
 */
export function ChartFigure({ title, hideTitle, legend, table, tableNote, boxRef, live, testId, className, children }: FigureProps) {
  const hintId = useId();
  return (
    <figure className={`chart${className ? ` ${className}` : ''}`} data-testid={testId}>
      <figcaption className={hideTitle ? 'visually-hidden' : 'chart__title'}>{title}</figcaption>
      <Legend entries={legend} />
      <div className="chart__box" ref={boxRef}>
        {children(hintId)}
      </div>
      <p id={hintId} className="visually-hidden">
        Focus the chart and use the arrow keys to hear the values one at a time. A table with every value follows.
      </p>
      <div className="visually-hidden" role="status" aria-live="polite">
        {live}
      </div>
      {/* Hidden by its box: a table is never narrower than its content, so hidden itself it would widen the page. */}
      <div className="visually-hidden">
        <table>
          <caption>
            {title}
            {tableNote ? ` (${tableNote})` : ''}
          </caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
