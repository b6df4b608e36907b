/**
 * A 5-field cron subset for recurring cards: minute hour day-of-month month
 * day-of-week, each `*`, a number, a range `a-b`, a list `a,b` or a step
 * (`*\/n`, `a-b/n`). Read as local wall time in a time zone: a time skipped by
 * a spring-forward gap fires once just after it, an ambiguous fall-back time
 * fires once (the earlier instant), so DST never doubles or drops a chore.
 */
import { addCalendarDays, calendarWeekday, instantToZoned, zonedWallTimeToInstant } from './rotation.js';

export interface CronSchedule {
  minutes: number[];
  hours: number[];
  days: number[];
  months: number[];
  /** 0 = Sunday … 6 = Saturday (7 is read as Sunday too). */
  weekdays: number[];
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

function parseField(text: string, min: number, max: number, name: string): number[] | string {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) return `${name}: "${part}" is not a number, range, list or step`;
    const step = m[4] === undefined ? 1 : Number(m[4]);
    const from = m[1] === '*' ? min : Number(m[2]);
    const to = m[1] === '*' ? max : m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? max : from;
    if (step < 1) return `${name}: the step must be at least 1`;
    if (from < min || to > max || from > to) return `${name}: ${part} is outside ${min}-${max}`;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/** Parses a schedule, or says which field is wrong. */
export function parseCron(expression: string): { ok: true; value: CronSchedule } | { ok: false; message: string } {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return { ok: false, message: 'needs 5 fields: minute hour day-of-month month day-of-week' };
  const values: number[][] = [];
  for (const [i, f] of FIELDS.entries()) {
    const v = parseField(parts[i]!, f.min, f.max, f.name);
    if (typeof v === 'string') return { ok: false, message: v };
    values.push(v);
  }
  const weekdays = [...new Set(values[4]!.map((d) => d % 7))].sort((a, b) => a - b);
  return {
    ok: true,
    value: { minutes: values[0]!, hours: values[1]!, days: values[2]!, months: values[3]!, weekdays, dayRestricted: parts[2] !== '*', weekdayRestricted: parts[4] !== '*' },
  };
}

function dayMatches(s: CronSchedule, date: string): boolean {
  const month = Number(date.slice(5, 7));
  if (!s.months.includes(month)) return false;
  const dom = s.days.includes(Number(date.slice(8, 10)));
  const dow = s.weekdays.includes(calendarWeekday(date) % 7);
  // Classic cron: with both restricted, either one matching is enough.
  if (s.dayRestricted && s.weekdayRestricted) return dom || dow;
  return dom && dow;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first instant strictly after `after` the schedule fires at, in `timezone`; null when none within 5 years (e.g. 31 February). */
export function nextOccurrence(s: CronSchedule, after: Date, timezone: string): Date | null {
  const start = instantToZoned(after, timezone).date;
  const times = s.hours.flatMap((h) => s.minutes.map((m) => h * 60 + m));
  for (let i = 0; i < 366 * 5; i++) {
    const date = addCalendarDays(start, i);
    if (!dayMatches(s, date)) continue;
    let best: Date | null = null;
    for (const t of times) {
      // After the first day every time is later than `after`: only a DST gap (at most a couple of hours) can reorder them.
      if (i > 0 && best !== null && t > times[0]! + 180) break;
      const at = zonedWallTimeToInstant(date, `${pad(Math.floor(t / 60))}:${pad(t % 60)}`, timezone);
      if (at.getTime() > after.getTime() && (best === null || at < best)) best = at;
    }
    if (best) return best;
  }
  return null;
}
