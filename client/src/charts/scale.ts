/**
 * Chart maths without the DOM: nice axis ticks, linear and band scales, date
 * positions and which tick labels fit. Pure, so the charts' geometry is
 * unit-tested and the components only draw.
 */

export interface Ticks {
  /** The axis domain, widened to whole steps. */
  min: number;
  max: number;
  step: number;
  values: number[];
}

/** A step of 1, 2, 2.5 or 5 × 10^n that splits `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Round-number ticks covering [min, max]; about `count` of them. A flat or
 * empty range still gets an axis (0..1), so an all-zero series draws on the floor.
 */
export function niceTicks(min: number, max: number, count = 5): Ticks {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo, count);
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const values: number[] = [];
  // Counting steps (not adding floats) keeps 0.1 + 0.2 noise out of the labels.
  for (let i = 0; first + i * step <= last + step / 1e6; i++) values.push(roundTick(first + i * step, step));
  return { min: roundTick(first, step), max: roundTick(last, step), step, values };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Steps a person reads as round on a time axis: whole minutes, hours that divide a day, days and weeks. */
const DURATION_STEPS: readonly number[] = [
  ...[1, 2, 5, 10, 15, 30].map((m) => m * MINUTE),
  ...[1, 2, 3, 6, 12].map((h) => h * HOUR),
  ...[1, 2, 7, 14, 28].map((d) => d * DAY),
];

/**
 * Ticks for durations in milliseconds: the smallest round step (see
 * DURATION_STEPS) that splits the range into at most about `count` parts,
 * so the axis reads "12 h, 24 h, 36 h" or "7 d, 14 d", never "6 d 22 h".
 * Beyond four-week steps it counts whole days with niceStep.
 */
export function durationTicks(min: number, max: number, count = 5): Ticks {
  let lo = Number.isFinite(min) ? Math.max(0, min) : 0;
  let hi = Number.isFinite(max) ? Math.max(0, max) : 0;
  if (hi < lo) [lo, hi] = [hi, lo];
  const raw = (hi - lo) / Math.max(1, count);
  const step = DURATION_STEPS.find((s) => s >= raw) ?? niceStep((hi - lo) / DAY, count) * DAY;
  const first = Math.floor(lo / step) * step;
  const last = Math.max(first + step, Math.ceil(hi / step) * step);
  const values: number[] = [];
  for (let i = 0; first + i * step <= last; i++) values.push(first + i * step);
  return { min: first, max: last, step, values };
}

/** The unit a duration axis speaks in: the largest of day, hour and minute that divides its step. */
export function durationUnit(step: number): { ms: number; label: string } {
  if (step % DAY === 0) return { ms: DAY, label: 'd' };
  if (step % HOUR === 0) return { ms: HOUR, label: 'h' };
  return { ms: MINUTE, label: 'min' };
}

/** A tick label on a duration axis, in the one unit of its step: "0", "30 min", "36 h", "14 d". */
export function durationTickLabel(value: number, step: number): string {
  if (value === 0) return '0';
  const unit = durationUnit(step);
  return `${formatValue(value / unit.ms)} ${unit.label}`;
}

function roundTick(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}

/** Maps a domain onto a pixel range linearly (range may run backwards, as a y axis does). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** Days since 1970-01-01 of a calendar date 'YYYY-MM-DD' (no time zone: a date is a date). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000);
}

/** x positions (px) for each category or date, inside [left, right]. */
export function xPositions(kind: 'date' | 'category', values: readonly string[], left: number, right: number): number[] {
  if (values.length === 0) return [];
  if (values.length === 1) return [(left + right) / 2];
  if (kind === 'date') {
    const days = values.map(dayNumber);
    const scale = linearScale([days[0]!, days.at(-1)!], [left, right]);
    return days.map(scale);
  }
  const scale = linearScale([0, values.length - 1], [left, right]);
  return values.map((_, i) => scale(i));
}

export interface Band {
  /** Left edge of the category's band (px). */
  start: number;
  width: number;
  center: number;
}

/** Equal bands for categories with `padding` (0..1 of a band) between them, each at most `maxWidth` wide. */
export function bands(count: number, left: number, right: number, padding = 0.3, maxWidth = Infinity): Band[] {
  if (count <= 0) return [];
  const step = (right - left) / count;
  const width = Math.min(step * (1 - padding), maxWidth);
  return Array.from({ length: count }, (_, i) => {
    const start = left + i * step + (step - width) / 2;
    return { start, width, center: start + width / 2 };
  });
}

/**
 * Which of `count` labels to show so none overlap: every k-th, always the
 * first, and the last when it does not crowd the one before it.
 */
export function labelIndices(positions: readonly number[], labelWidth: number, gap = 8): number[] {
  const count = positions.length;
  if (count === 0) return [];
  const span = count > 1 ? Math.abs(positions.at(-1)! - positions[0]!) / (count - 1) : Infinity;
  const every = Math.max(1, Math.ceil((labelWidth + gap) / span));
  const shown: number[] = [];
  for (let i = 0; i < count; i += every) shown.push(i);
  const last = count - 1;
  const prev = shown.at(-1)!;
  if (prev !== last) {
    if (Math.abs(positions[last]! - positions[prev]!) >= labelWidth + gap) shown.push(last);
    else if (shown.length > 1) shown[shown.length - 1] = last;
  }
  return shown;
}

/** The index whose position is closest to x (positions ascending). */
export function nearestIndex(positions: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < positions.length; i++) {
    if (Math.abs(positions[i]! - x) < Math.abs(positions[best]! - x)) best = i;
  }
  return best;
}

/** Cumulative bottoms and tops per series for stacked bars (negative values count as zero). */
export function stack(series: readonly (readonly number[])[], count: number): { bottom: number; top: number }[][] {
  const base = new Array<number>(count).fill(0);
  return series.map((values) =>
    Array.from({ length: count }, (_, i) => {
      const bottom = base[i]!;
      const top = bottom + Math.max(0, values[i] ?? 0);
      base[i] = top;
      return { bottom, top };
    }),
  );
}

/** An SVG path through the points; null values break the line; `step` holds each value until the next x. */
export function linePath(xs: readonly number[], ys: readonly (number | null)[], step = false): string {
  let d = '';
  let open = false;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y === null || y === undefined) {
      open = false;
      continue;
    }
    const x = xs[i]!;
    if (!open) d += `M${fmt(x)} ${fmt(y)}`;
    else if (step) d += `H${fmt(x)}V${fmt(y)}`;
    else d += `L${fmt(x)} ${fmt(y)}`;
    open = true;
  }
  return d;
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Numbers as people read them on an axis: no trailing zeros, at most one decimal unless tiny. */
export function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  return abs < 1 ? String(Number(value.toFixed(2))) : String(Number(value.toFixed(1)));
}
