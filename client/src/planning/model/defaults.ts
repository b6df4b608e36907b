/** Sensible values for a new iteration: right after the last one, two weeks long, numbered on. */
import { addCalendarDays, calendarWeekday, type Iteration } from '@opsboard/shared';

export interface IterationDraft {
  name: string;
  goal: string;
  startDate: string;
  endDate: string;
  pointsPerPerson: number;
}

/** The next Monday on or after `date` (iterations usually start on a Monday). */
export function mondayOnOrAfter(date: string): string {
  const weekday = calendarWeekday(date); // 1 = Monday … 7 = Sunday
  return weekday === 1 ? date : addCalendarDays(date, 8 - weekday);
}

/** Two weeks from `start`: a Monday start ends on the Friday of the following week, as the server's default. */
export function twoWeeksFrom(start: string): string {
  return addCalendarDays(start, 11);
}

function nextName(iterations: readonly Iteration[]): string {
  const numbers = iterations.map((i) => /(\d+)\s*$/.exec(i.name)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  const next = numbers.length > 0 ? Math.max(...numbers) + 1 : iterations.length + 1;
  return `Iteration ${next}`;
}

/** Starts after the latest iteration (or on the coming Monday), lasts two weeks, keeps the last points per person. */
export function nextIterationDraft(iterations: readonly Iteration[], today: string): IterationDraft {
  const latest = [...iterations].sort((a, b) => a.endDate.localeCompare(b.endDate)).at(-1);
  const after = latest && latest.endDate >= today ? addCalendarDays(latest.endDate, 1) : today;
  const startDate = mondayOnOrAfter(after);
  return { name: nextName(iterations), goal: '', startDate, endDate: twoWeeksFrom(startDate), pointsPerPerson: latest?.pointsPerPerson ?? 8 };
}

/** Working-day count words for a date range ("10 working days"). */
export function lengthWords(startDate: string, endDate: string): string {
  if (endDate < startDate) return 'ends before it starts';
  let days = 0;
  for (let d = startDate; d <= endDate; d = addCalendarDays(d, 1)) if (calendarWeekday(d) <= 5) days += 1;
  return `${days} working ${days === 1 ? 'day' : 'days'}`;
}
