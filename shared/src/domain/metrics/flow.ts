/**
 * Flow metrics over each card's column history: cumulative flow, cycle time,
 * throughput, WIP ageing and flow efficiency. Times are epoch milliseconds.
 *
 * Rules, so every chart agrees:
 * - A card is where its last step put it. A step into a column outside the
 *   scope (another board, when the scope is one board) takes it out of scope.
 * - Archiving a card in a done column keeps it done (archiving finished work is
 *   tidying up); archiving it anywhere else takes it off the board until restored.
 * - A card starts when it first enters a doing column, or a done column if it
 *   skipped every doing column. It finishes when it enters the done stretch it
 *   is still in at the end of the range, so moving back out of done and in again
 *   counts the last finish only, once.
 */
import type { ColumnCategory } from '../../schema/entities.js';

export const DAY_MS = 86_400_000;

export interface MetricColumn {
  id: string;
  boardId: string;
  name: string;
  category: ColumnCategory;
}

/** One fact about a card: where it was (and whether archived or blocked) from `at` on. */
export interface Step {
  at: number;
  columnId: string;
  archived: boolean;
  blocked: boolean;
}

/** A card's steps in time order. */
export interface CardHistory {
  cardId: string;
  steps: readonly Step[];
}

export type ColumnsById = ReadonlyMap<string, MetricColumn>;

/** Where a step leaves the card for metrics: a column in scope, or nowhere. */
export function locationOf(step: Step, columns: ColumnsById): MetricColumn | null {
  const column = columns.get(step.columnId);
  if (!column) return null;
  if (step.archived && column.category !== 'done') return null;
  return column;
}

/** Index of the last step at or before `at`, or -1. Steps are sorted by time. */
function lastStepIndex(steps: readonly Step[], at: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]!.at <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface CardCycle {
  cardId: string;
  startedAt: number | null;
  finishedAt: number | null;
  /** Where the card is at the time asked about (null: not in scope). */
  column: MetricColumn | null;
  blocked: boolean;
}

/** A card's start, finish and place as of `asOf`. */
export function cycleOf(history: CardHistory, columns: ColumnsById, asOf: number): CardCycle {
  const { steps } = history;
  const last = lastStepIndex(steps, asOf);
  if (last < 0) return { cardId: history.cardId, startedAt: null, finishedAt: null, column: null, blocked: false };
  const column = locationOf(steps[last]!, columns);
  let finishedAt: number | null = null;
  if (column?.category === 'done') {
    let i = last;
    while (i > 0 && locationOf(steps[i - 1]!, columns)?.category === 'done') i--;
    finishedAt = steps[i]!.at;
  }
  let startedAt: number | null = null;
  for (let i = 0; i <= last; i++) {
    const category = locationOf(steps[i]!, columns)?.category;
    if (category === 'doing' || category === 'done') {
      startedAt = steps[i]!.at;
      break;
    }
  }
  return { cardId: history.cardId, startedAt, finishedAt, column, blocked: steps[last]!.blocked };
}

export interface CycleTimePoint {
  cardId: string;
  startedAt: number;
  finishedAt: number;
  /** Elapsed days from start to finish, to two decimals. */
  days: number;
}

const toDays = (ms: number) => Math.round((ms / DAY_MS) * 100) / 100;

/** One point per card finished in [from, to), as things stood at `to`. */
export function cycleTimes(histories: readonly CardHistory[], columns: ColumnsById, from: number, to: number): CycleTimePoint[] {
  const out: CycleTimePoint[] = [];
  for (const h of histories) {
    const c = cycleOf(h, columns, to - 1);
    if (c.finishedAt === null || c.startedAt === null || c.finishedAt < from || c.finishedAt >= to) continue;
    out.push({ cardId: h.cardId, startedAt: c.startedAt, finishedAt: c.finishedAt, days: toDays(c.finishedAt - c.startedAt) });
  }
  return out.sort((a, b) => a.finishedAt - b.finishedAt || a.cardId.localeCompare(b.cardId));
}

export interface TimeBucket {
  label: string;
  from: number;
  to: number;
}

/** How many instants fall in each bucket (buckets sorted, not overlapping). */
export function countPerBucket(instants: readonly number[], buckets: readonly TimeBucket[]): number[] {
  const counts = buckets.map(() => 0);
  for (const t of instants) {
    const i = buckets.findIndex((b) => t >= b.from && t < b.to);
    if (i >= 0) counts[i]!++;
  }
  return counts;
}

/** Finished cards per bucket (week), from cycle-time points. */
export function throughput(points: readonly CycleTimePoint[], buckets: readonly TimeBucket[]): { label: string; count: number }[] {
  const counts = countPerBucket(points.map((p) => p.finishedAt), buckets);
  return buckets.map((b, i) => ({ label: b.label, count: counts[i]! }));
}

export interface CfdDay {
  date: string;
  /** The instant the day ends: the card counts where it is then. */
  end: number;
}

/**
 * Cumulative flow: for each day, how many cards sit in each band at the end of
 * that day. `bandOf` maps a column to its band index (a column on a board
 * chart, a category on a team chart) or -1 to leave it out.
 */
export function cumulativeFlow(
  histories: readonly CardHistory[],
  columns: ColumnsById,
  bandOf: (column: MetricColumn) => number,
  bandCount: number,
  days: readonly CfdDay[],
): number[][] {
  // Difference arrays: a step holds from its day to the next step's day, so the work is per step, not per card-day.
  const diff = Array.from({ length: days.length + 1 }, () => new Array<number>(bandCount).fill(0));
  const firstDayEndingAtOrAfter = (at: number) => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]!.end >= at) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  for (const h of histories) {
    for (let i = 0; i < h.steps.length; i++) {
      const column = locationOf(h.steps[i]!, columns);
      if (!column) continue;
      const band = bandOf(column);
      if (band < 0) continue;
      const start = firstDayEndingAtOrAfter(h.steps[i]!.at);
      const next = h.steps[i + 1];
      const stop = next ? firstDayEndingAtOrAfter(next.at) : days.length;
      if (stop <= start) continue;
      diff[start]![band]!++;
      diff[stop]![band]!--;
    }
  }
  const out: number[][] = [];
  const running = new Array<number>(bandCount).fill(0);
  for (let d = 0; d < days.length; d++) {
    for (let b = 0; b < bandCount; b++) running[b]! += diff[d]![b]!;
    out.push([...running]);
  }
  return out;
}

export interface AgeingCard {
  cardId: string;
  columnId: string;
  /** Days since the card started. */
  ageDays: number;
  blocked: boolean;
}

/** Every card in a doing column at `asOf`, oldest first. */
export function wipAgeing(histories: readonly CardHistory[], columns: ColumnsById, asOf: number): AgeingCard[] {
  const out: AgeingCard[] = [];
  for (const h of histories) {
    const c = cycleOf(h, columns, asOf);
    if (c.column?.category !== 'doing' || c.startedAt === null) continue;
    out.push({ cardId: h.cardId, columnId: c.column.id, ageDays: toDays(asOf - c.startedAt), blocked: c.blocked });
  }
  return out.sort((a, b) => b.ageDays - a.ageDays || a.cardId.localeCompare(b.cardId));
}

export interface TimeSplit {
  activeMs: number;
  waitingMs: number;
  blockedMs: number;
}

export interface CardEfficiency extends TimeSplit {
  cardId: string;
  /** active / (active + waiting + blocked), null for a zero-length cycle. */
  efficiency: number | null;
}

export interface ColumnTime extends TimeSplit {
  columnId: string;
  /** Cards that spent time in the column during their cycle. */
  cards: number;
  /** Mean time a visiting card spent there. */
  meanMs: number;
}

export interface FlowEfficiency {
  cards: CardEfficiency[];
  columns: ColumnTime[];
  /** active / total over all cards; null without finished cards. */
  efficiency: number | null;
  /** The column (not done) holding cards longest on average: the constraint. */
  constraintColumnId: string | null;
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/**
 * Active (doing, not blocked), blocked (blocked anywhere) and waiting (any other
 * place, including off the board) time of each card finished in [from, to),
 * from its start to its finish, per card and per column.
 */
export function flowEfficiency(
  histories: readonly CardHistory[],
  columns: ColumnsById,
  from: number,
  to: number,
  /** `cycleTimes(histories, columns, from, to)`, when the caller has it already. */
  finished: readonly CycleTimePoint[] = cycleTimes(histories, columns, from, to),
): FlowEfficiency {
  const byHistory = new Map(histories.map((h) => [h.cardId, h]));
  const perColumn = new Map<string, ColumnTime>();
  const cards: CardEfficiency[] = [];
  for (const point of finished) {
    const steps = byHistory.get(point.cardId)!.steps;
    const split: TimeSplit = { activeMs: 0, waitingMs: 0, blockedMs: 0 };
    const visited = new Set<string>();
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      const segFrom = Math.max(step.at, point.startedAt);
      const segTo = Math.min(steps[i + 1]?.at ?? point.finishedAt, point.finishedAt);
      if (segTo <= segFrom) continue;
      const ms = segTo - segFrom;
      const column = locationOf(step, columns);
      const kind: keyof TimeSplit = step.blocked ? 'blockedMs' : column?.category === 'doing' ? 'activeMs' : 'waitingMs';
      split[kind] += ms;
      if (column) {
        let entry = perColumn.get(column.id);
        if (!entry) {
          entry = { columnId: column.id, activeMs: 0, waitingMs: 0, blockedMs: 0, cards: 0, meanMs: 0 };
          perColumn.set(column.id, entry);
        }
        entry[kind] += ms;
        if (!visited.has(column.id)) {
          visited.add(column.id);
          entry.cards++;
        }
      }
    }
    cards.push({ cardId: point.cardId, ...split, efficiency: ratio(split.activeMs, split.activeMs + split.waitingMs + split.blockedMs) });
  }
  const columnTimes = [...perColumn.values()].map((c) => ({ ...c, meanMs: Math.round((c.activeMs + c.waitingMs + c.blockedMs) / c.cards) }));
  let constraint: ColumnTime | null = null;
  for (const c of columnTimes) {
    if (columns.get(c.columnId)?.category === 'done') continue;
    if (!constraint || c.meanMs > constraint.meanMs) constraint = c;
  }
  const active = cards.reduce((s, c) => s + c.activeMs, 0);
  const total = cards.reduce((s, c) => s + c.activeMs + c.waitingMs + c.blockedMs, 0);
  return { cards, columns: columnTimes, efficiency: ratio(active, total), constraintColumnId: constraint?.columnId ?? null };
}
