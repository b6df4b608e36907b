/**
 * Burndown and burnup series over the whole iteration: the server's points
 * up to today, the ideal line drawn on to the end date (same rule as the
 * server: straight over the working days, flat on weekends), and a marker
 * on each day the scope changed after the start.
 */
import { addCalendarDays, workingDays, type IterationDetail } from '@opsboard/shared';

export interface ScopeMarker {
  at: string;
  label: string;
  detail: string;
  tone: 'note' | 'added' | 'removed';
}

export interface BurnView {
  dates: string[];
  remaining: (number | null)[];
  completed: (number | null)[];
  scope: (number | null)[];
  ideal: (number | null)[];
  markers: ScopeMarker[];
  committed: number;
  /** Totals as of the last point: scope added and removed after the start (carry-over at the close apart). */
  added: number;
  removed: number;
  carried: number;
  last: { date: string; scope: number; completed: number; remaining: number } | null;
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;
const pts = (n: number) => `${r3(n)} ${n === 1 ? 'point' : 'points'}`;

/** The ideal remaining points on `date`: committed falling to zero over the working days. */
export function idealOn(date: string, committed: number, working: readonly string[], endDate: string): number | null {
  if (date > endDate) return null;
  const steps = working.length - 1;
  if (steps <= 0) return date < endDate ? committed : 0;
  const elapsed = working.filter((day) => day > working[0]! && day <= date).length;
  return r3(committed * (1 - elapsed / steps));
}

/**
 * `carried`: points of the cards carried over when the iteration closed. They leave the scope on the
 * last day like a removal, but they are the iteration ending, not a scope change, so they are named apart.
 */
export function burnView(detail: Pick<IterationDetail, 'iteration' | 'burn' | 'committed'>, today: string | null, carried = 0): BurnView {
  const { startDate, endDate } = detail.iteration;
  const committed = (detail.committed ?? []).reduce((sum, c) => sum + (c.points ?? 0), 0);
  const working = workingDays(startDate, endDate);
  const byDate = new Map(detail.burn.map((p) => [p.date, p]));
  const dates: string[] = [];
  for (let d = startDate; d <= endDate; d = addCalendarDays(d, 1)) dates.push(d);

  const markers: ScopeMarker[] = [];
  let prevAdded = 0;
  let prevRemoved = 0;
  const closing = detail.iteration.state === 'closed' && carried > 0 ? (detail.burn.at(-1)?.date ?? null) : null;
  for (const p of detail.burn) {
    const plus = r3(p.added - prevAdded);
    const carriedToday = p.date === closing ? carried : 0;
    const minus = r3(Math.max(0, p.removed - prevRemoved - carriedToday));
    prevAdded = p.added;
    prevRemoved = p.removed;
    const parts: string[] = [];
    const details: string[] = [];
    if (plus > 0) {
      parts.push(`+${plus}`);
      details.push(`${pts(plus)} added to the scope`);
    }
    if (minus > 0) {
      parts.push(`−${minus}`);
      details.push(`${pts(minus)} taken out of the scope`);
    }
    if (carriedToday > 0) {
      parts.push(`${r3(carriedToday)} carried over`);
      details.push(`${pts(carriedToday)} unfinished, carried over at the close`);
    }
    if (parts.length > 0) markers.push({ at: p.date, label: parts.join(' '), detail: details.join('; '), tone: plus > 0 && minus === 0 && carriedToday === 0 ? 'added' : minus > 0 && plus === 0 && carriedToday === 0 ? 'removed' : 'note' });
  }
  if (today && today >= startDate && today <= endDate && detail.iteration.state === 'active') {
    const same = markers.find((m) => m.at === today);
    if (same) same.label = `Today ${same.label}`;
    else markers.push({ at: today, label: 'Today', detail: 'Today', tone: 'note' });
  }

  const last = detail.burn.at(-1) ?? null;
  return {
    dates,
    remaining: dates.map((d) => byDate.get(d)?.remaining ?? null),
    completed: dates.map((d) => byDate.get(d)?.completed ?? null),
    scope: dates.map((d) => byDate.get(d)?.scope ?? null),
    ideal: detail.iteration.startedAt ? dates.map((d) => byDate.get(d)?.ideal ?? idealOn(d, committed, working, endDate)) : dates.map(() => null),
    markers,
    committed,
    added: last?.added ?? 0,
    removed: r3(Math.max(0, (last?.removed ?? 0) - (closing ? carried : 0))),
    carried: closing ? carried : 0,
    last: last && { date: last.date, scope: last.scope, completed: last.completed, remaining: last.remaining },
  };
}

/** A sentence for screen readers summing up the burndown. */
export function burnSummary(view: BurnView): string {
  if (!view.last) return 'No burndown yet: the iteration has not started.';
  const change = view.added > 0 || view.removed > 0 ? ` Since the start, ${pts(view.added)} were added and ${pts(view.removed)} taken out.` : ' The scope has not changed since the start.';
  const carried = view.carried > 0 ? ` At the close, ${pts(view.carried)} were carried over.` : '';
  return `Committed ${pts(view.committed)}. On ${view.last.date}, ${pts(view.last.remaining)} remain of ${pts(view.last.scope)}, ${pts(view.last.completed)} done.${change}${carried}`;
}
