/** Axis and tooltip wording for chart values: short dates, readable numbers. */
import { formatValue } from './scale';

const short = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const long = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** "16 Nov": for axis ticks. */
export function shortDate(date: string): string {
  return short.format(utc(date));
}

/** "Mon, 16 Nov 2026": for tooltips and the data table. */
export function longDate(date: string): string {
  return long.format(utc(date));
}

/** The label of an x value in the given style. */
export function xLabel(kind: 'date' | 'category', value: string, style: 'short' | 'long'): string {
  if (kind === 'category') return value;
  return style === 'short' ? shortDate(value) : longDate(value);
}

export { formatValue };
