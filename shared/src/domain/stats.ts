/**
 * Small statistics for the metric charts (cycle-time percentiles, interrupt share, weekly buckets).
 * Empty input gives null rather than NaN so a chart can show "no data".
 */
import { addCalendarDays, instantToZoned } from './rotation.js';

/** Rounds half away from zero at a decimal place, without the 1.005 → 1.00 binary drift of `x * 100`. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // toPrecision(15) drops the binary noise (1.005 * 100 = 100.49999999999999) before rounding.
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor || 0;
}

/** Percentile by linear interpolation between closest ranks (R-7, Excel PERCENTILE.INC); p in [0, 100]. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`Percentile must be within 0-100, got ${p}.`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * p) / 100;
  const lower = Math.floor(rank);
  const low = sorted[lower]!;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)]!;
  return low + (rank - lower) * (high - low);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

export interface Summary {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  percentiles: Record<number, number | null>;
}

export function summary(values: readonly number[], ps: readonly number[] = [50, 85, 95]): Summary {
  const percentiles: Record<number, number | null> = {};
  for (const p of ps) percentiles[p] = percentile(values, p);
  if (values.length === 0) return { count: 0, min: null, max: null, mean: null, percentiles };
  return {
    count: values.length,
    // A loop rather than Math.min(...values): spreading tens of thousands of cycle times overflows the stack.
    min: values.reduce((a, b) => Math.min(a, b)),
    max: values.reduce((a, b) => Math.max(a, b)),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    percentiles,
  };
}

/** `part / whole` rounded to 3 decimals; null when `whole` is 0. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : roundTo(part / whole, 3);
}

/** Local date (YYYY-MM-DD) starting the week that contains `at`, weeks starting on ISO `weekday`. */
export function weekStart(at: Date, timezone: string, weekday = 1): string {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new RangeError(`weekday must be 1-7, got ${weekday}.`);
  const local = instantToZoned(at, timezone);
  return addCalendarDays(local.date, -((local.weekday - weekday + 7) % 7));
}
