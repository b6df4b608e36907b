/**
 * Flow metrics of a team or one board over a date range: cumulative flow,
 * cycle time, throughput, WIP ageing and flow efficiency, from the team's
 * card steps (history.ts keeps them in memory and reads only the events
 * appended since its last read). Answers are cached per (database handle,
 * scope, query, latest event), so a wall display polling an unchanged board
 * costs one tiny query.
 */
import {
  addCalendarDays,
  calendarDaysBetween,
  COLUMN_CATEGORIES,
  cumulativeFlow,
  cycleTimes,
  flowEfficiency,
  instantToZoned,
  METRIC_CHARTS,
  percentile,
  throughput,
  weekStart,
  wipAgeing,
  zonedWallTimeToInstant,
  type MetricChart,
  type MetricColumn,
  type MetricsQuery,
  type MetricsReport,
} from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { invalidField, ok, type Result } from '../http/result.js';
import { cardInfo, historiesUntil, matchingCards, scopeColumns, teamSteps, type Scope } from './history.js';

/** A year and a day: the longest range one answer covers. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 84;

export interface Range {
  from: string;
  to: string;
  fromInstant: Date;
  /** The first instant after the range (start of the day after `to`), or now if sooner. */
  end: Date;
}

/** Checks and fills in the date range: bad ones are a 400 naming the field. */
export function resolveRange(query: { from?: string | undefined; to?: string | undefined }, timezone: string, now: Date): Result<Range> {
  const today = instantToZoned(now, timezone).date;
  const to = query.to ?? today;
  const from = query.from ?? addCalendarDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) return invalidField(query.from ? 'from' : 'to', `must be on or before ${query.to ? 'to' : to}`);
  if (calendarDaysBetween(from, to) + 1 > MAX_RANGE_DAYS) return invalidField('from', `the range may cover at most ${MAX_RANGE_DAYS} days`);
  if (from > today) return invalidField('from', 'must not be in the future');
  const endOfTo = zonedWallTimeToInstant(addCalendarDays(to, 1), '00:00', timezone);
  return ok({ from, to, fromInstant: zonedWallTimeToInstant(from, '00:00', timezone), end: endOfTo < now ? endOfTo : now });
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const percentiles = (values: number[]) => ({ p50: round(percentile(values, 50)), p85: round(percentile(values, 85)), p95: round(percentile(values, 95)) });

/** The latest answer per question (scope, query, range): a newer event replaces it, so stale answers never pile up. */
const caches = new WeakMap<Queryable, Map<string, { at: number; seq: string; report: MetricsReport }>>();
const CACHE_LIMIT = 200;

export async function metricsReport(db: Queryable, scope: Scope, timezone: string, query: MetricsQuery, now: Date): Promise<Result<MetricsReport>> {
  const range = resolveRange(query, timezone, now);
  if (!range.ok) return range;
  const { from, to, fromInstant, end } = range.value;
  const charts = new Set<MetricChart>(query.chart ?? METRIC_CHARTS);

  // The answer changes with any new event, and with the day (a range ending today grows; ages grow).
  const key = JSON.stringify([scope, query, timezone, from, to, [...charts].sort()]);
  const steps = await teamSteps(db, scope.teamId);
  const seq = steps.version;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.seq === seq && now.getTime() - hit.at < 60_000) return ok(hit.report);

  const [scoped, only] = await Promise.all([scopeColumns(db, scope, scope.boardId ? undefined : query.boardKind), matchingCards(db, scope.teamId, query)]);
  const columns = new Map<string, MetricColumn>(scoped.map((c) => [c.id, c]));
  const histories = historiesUntil(steps, end, only);

  const report: MetricsReport = {
    teamId: scope.teamId,
    boardId: scope.boardId,
    from,
    to,
    timezone,
    columns: scoped.map((c) => ({ id: c.id, boardId: c.boardId, name: c.name, category: c.category })),
  };
  // Finished cards feed four charts; a question about the others skips them.
  const points =
    charts.has('cycleTime') || charts.has('throughput') || charts.has('wipAgeing') || charts.has('flowEfficiency') ? cycleTimes(histories, columns, fromInstant.getTime(), end.getTime()) : [];
  const cyclePercentiles = percentiles(points.map((p) => p.days));
  const ageing = charts.has('wipAgeing') ? wipAgeing(histories, columns, end.getTime()) : [];
  const fe = charts.has('flowEfficiency') ? flowEfficiency(histories, columns, fromInstant.getTime(), end.getTime(), points) : null;

  // Titles and numbers of the cards the answer lists, and only those.
  const listed = new Set<string>();
  if (charts.has('cycleTime')) for (const p of points) listed.add(p.cardId);
  for (const c of ageing) listed.add(c.cardId);
  if (fe) for (const c of fe.cards) listed.add(c.cardId);
  const cards = await cardInfo(db, [...listed]);
  const info = (cardId: string) => {
    const card = cards.get(cardId);
    return { cardId, boardId: card?.boardId ?? '', number: card?.number ?? 0, title: card?.title ?? '' };
  };

  if (charts.has('cfd')) {
    // A board shows its own columns; a team, the categories its columns share.
    const bands = scope.boardId
      ? scoped.filter((c) => !c.archived).map((c) => ({ key: c.id, name: c.name }))
      : COLUMN_CATEGORIES.filter((cat) => scoped.some((c) => c.category === cat)).map((cat) => ({ key: cat, name: cat }));
    const index = new Map(bands.map((b, i) => [b.key, i]));
    const days = [];
    for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
      if (zonedWallTimeToInstant(d, '00:00', timezone) > now) break;
      const dayEnd = zonedWallTimeToInstant(addCalendarDays(d, 1), '00:00', timezone).getTime() - 1;
      days.push({ date: d, end: Math.min(dayEnd, now.getTime()) });
    }
    const counts = cumulativeFlow(histories, columns, (c) => index.get(scope.boardId ? c.id : c.category) ?? -1, bands.length, days);
    report.cfd = { bands, days: days.map((d, i) => ({ date: d.date, counts: counts[i]! })) };
  }
  if (charts.has('cycleTime')) {
    report.cycleTime = {
      points: points.map((p) => ({ ...info(p.cardId), startedAt: new Date(p.startedAt).toISOString(), finishedAt: new Date(p.finishedAt).toISOString(), days: p.days })),
      percentiles: cyclePercentiles,
    };
  }
  if (charts.has('throughput')) {
    const weeks = [];
    for (let w = weekStart(fromInstant, timezone); w <= to; w = addCalendarDays(w, 7)) {
      weeks.push({ label: w, from: zonedWallTimeToInstant(w, '00:00', timezone).getTime(), to: zonedWallTimeToInstant(addCalendarDays(w, 7), '00:00', timezone).getTime() });
    }
    report.throughput = throughput(points, weeks).map((w) => ({ week: w.label, count: w.count }));
  }
  if (charts.has('wipAgeing')) {
    report.wipAgeing = {
      cards: ageing.map((c) => ({ ...info(c.cardId), columnId: c.columnId, ageDays: c.ageDays, blocked: c.blocked })),
      percentiles: cyclePercentiles,
    };
  }
  if (fe) {
    report.flowEfficiency = {
      efficiency: fe.efficiency,
      constraintColumnId: fe.constraintColumnId,
      columns: fe.columns,
      cards: fe.cards.map((c) => ({ ...info(c.cardId), activeMs: c.activeMs, waitingMs: c.waitingMs, blockedMs: c.blockedMs, efficiency: c.efficiency })),
    };
  }
  cache.delete(key);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: now.getTime(), seq, report });
  return ok(report);
}
