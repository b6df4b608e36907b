/**
 * The one definition of a date and an instant the API accepts: a real
 * calendar date, an RFC 3339 instant without leap seconds, both between 1900
 * and 2999. Everything the server derives from them (the end of an iteration,
 * the week a swap lands in, a shift's hand-off) then stays far inside what
 * JavaScript dates, ISO strings and PostgreSQL represent.
 */

export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2999-12-31';

const EARLIEST_MS = Date.UTC(1900, 0, 1);
/** Exclusive: the first instant of 3000-01-01. */
const END_MS = Date.UTC(3000, 0, 1);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function realDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 'YYYY-MM-DD', a day that exists, from EARLIEST_DATE to LATEST_DATE. */
export function isAcceptableDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDay(year, month, day) && text >= EARLIEST_DATE && text <= LATEST_DATE;
}

/**
 * An RFC 3339 date-time with seconds and an offset, on a day that exists,
 * with no leap second (JavaScript cannot represent 23:59:60), naming an
 * instant from 1900-01-01T00:00Z to before 3000-01-01T00:00Z.
 */
export function isAcceptableInstant(text: string): boolean {
  const m = INSTANT.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (!realDay(year!, month!, day!) || hour! > 23 || minute! > 59 || second! > 59) return false;
  if (m[9] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return false;
  const ms = Date.parse(text);
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms < END_MS;
}

/** What a refused date or instant should have been, for error messages. */
export const DATE_RULE = `a calendar date YYYY-MM-DD from ${EARLIEST_DATE} to ${LATEST_DATE}`;
export const INSTANT_RULE = `an ISO 8601 instant such as 2026-03-02T09:00:00Z, from ${EARLIEST_DATE} to ${LATEST_DATE}, without leap seconds`;
