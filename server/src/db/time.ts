/**
 * Timestamps come back from Postgres as text in the session's UTC zone
 * ("2026-11-26 00:45:45.7+00"); the API speaks ISO 8601 with milliseconds,
 * exactly as `Date#toISOString` writes it, so values written from the clock
 * and values read back compare equal.
 */
export function iso(value: string): string;
export function iso(value: string | null): string | null;
export function iso(value: string | null): string | null {
  if (value === null) return null;
  if (value.length >= 22 && value[10] === ' ' && value.endsWith('+00')) {
    const hms = value.slice(11, 19);
    const frac = value.length > 23 ? value.slice(20, -3) : '';
    return `${value.slice(0, 10)}T${hms}.${(frac + '000').slice(0, 3)}Z`;
  }
  return new Date(value).toISOString();
}
