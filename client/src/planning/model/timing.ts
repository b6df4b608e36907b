/** Where an iteration stands against today (the team's calendar date): days left, or how long overdue. */
import { calendarDaysBetween, daysOverdue, instantToZoned, type Iteration } from '@opsboard/shared';

/** Today's date where the team works, which is what iteration dates mean. */
export function teamToday(timezone: string, now: Date = new Date()): string {
  return instantToZoned(now, timezone).date;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export interface Timing {
  tone: 'ok' | 'warn';
  /** "4 days left", "last day", "overdue 3 days"; null for iterations that are not running. */
  words: string | null;
  overdue: number;
}

export function timing(iteration: Pick<Iteration, 'state' | 'endDate'>, today: string): Timing {
  const overdue = daysOverdue(iteration, today);
  if (overdue > 0) return { tone: 'warn', words: `overdue ${days(overdue)}`, overdue };
  if (iteration.state !== 'active') return { tone: 'ok', words: null, overdue: 0 };
  const left = calendarDaysBetween(today, iteration.endDate);
  return { tone: 'ok', words: left === 0 ? 'last day' : `${days(left)} left`, overdue: 0 };
}

/** The running iteration, if any (one at a time per team). */
export function activeIteration<T extends Pick<Iteration, 'state'>>(iterations: Iterable<T>): T | null {
  for (const i of iterations) if (i.state === 'active') return i;
  return null;
}

/** Link that opens an iteration with its close dialog. */
export const CLOSE_QUERY = '?close=1';
