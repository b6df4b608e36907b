/**
 * Monte Carlo forecasts for a team from its recent daily throughput: "how
 * many cards by date D?" and "when will N cards (or a feature's remaining
 * cards) be done?", with the measured interrupt share taken out of capacity.
 */
import { sql } from 'drizzle-orm';
import {
  addCalendarDays,
  calendarDaysBetween,
  compareWaiting,
  cycleTimes,
  dailyCounts,
  FORECAST_TRIALS,
  forecastHowMany,
  forecastWhen,
  instantToZoned,
  isWaitingCategory,
  share,
  zonedWallTimeToInstant,
  type ForecastAnswer,
  type ForecastQuery,
  type MetricColumn,
} from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { invalidField, ok, type Result } from '../http/result.js';
import { historiesUntil, scopeColumns, teamSteps } from './history.js';

const DEFAULT_SEED = 20_260_101;

async function remainingCards(db: Queryable, teamId: string, featureId: string): Promise<Result<number>> {
  const feature = await db.execute<{ id: string }>(sql`SELECT id FROM features WHERE id = ${featureId} AND team_id = ${teamId}`);
  if (feature.rows.length === 0) return invalidField('featureId', 'is not a feature of this team');
  const result = await db.execute<{ n: string | number }>(sql`
    SELECT count(*) AS n FROM cards c JOIN columns col ON col.id = c.column_id
    WHERE c.team_id = ${teamId} AND c.feature_id = ${featureId} AND c.archived_at IS NULL AND col.category <> 'done'
  `);
  return ok(Number(result.rows[0]?.n ?? 0));
}

/**
 * The cards ahead of a waiting card, and itself: on its board, every open card in a to-do column
 * (ready, so taken first), then the backlog by rank down to it. Columns in board order, cards by rank.
 */
async function queueDownTo(db: Queryable, teamId: string, cardId: string): Promise<Result<number>> {
  const target = await db.execute<{ board_id: string; category: string }>(sql`
    SELECT c.board_id, col.category FROM cards c JOIN columns col ON col.id = c.column_id
    WHERE c.id = ${cardId} AND c.team_id = ${teamId} AND c.archived_at IS NULL
  `);
  const card = target.rows[0];
  if (!card) return invalidField('untilCardId', 'is not an open card of this team');
  if (!isWaitingCategory(card.category)) return invalidField('untilCardId', 'is not waiting in a backlog or to-do column');
  // The board's waiting cards, put in the order they will be taken by the rule the page's picker uses too.
  const waiting = await db.execute<{ id: string; rank: string; category: string; column_id: string; column_rank: string }>(sql`
    SELECT c.id, c.rank, col.category, col.id AS column_id, col.rank AS column_rank FROM cards c JOIN columns col ON col.id = c.column_id
    WHERE c.board_id = ${card.board_id} AND c.archived_at IS NULL AND col.archived_at IS NULL AND col.category IN ('todo', 'backlog')
  `);
  const queue = waiting.rows.map((r) => ({ id: r.id, rank: r.rank, category: r.category, columnId: r.column_id, columnRank: r.column_rank })).sort(compareWaiting);
  const place = queue.findIndex((c) => c.id === cardId);
  return place < 0 ? invalidField('untilCardId', 'is not waiting in a backlog or to-do column') : ok(place + 1);
}

export async function forecast(db: Queryable, teamId: string, timezone: string, query: ForecastQuery, now: Date): Promise<Result<ForecastAnswer>> {
  const today = instantToZoned(now, timezone).date;
  if (query.date !== undefined && query.date <= today) return invalidField('date', 'must be after today');
  // One question at a time: the second one given is the field named.
  const asked = (['items', 'date', 'featureId', 'untilCardId'] as const).filter((name) => query[name] !== undefined);
  if (asked.length > 1) return invalidField(asked[1]!, `ask one question at a time: ${asked[0]} or ${asked[1]}, not both`);
  let items = query.items ?? null;
  if (query.date === undefined && items === null) {
    if (!query.featureId && !query.untilCardId) return invalidField('items', 'give items, date, featureId or untilCardId');
    const counted = query.featureId ? await remainingCards(db, teamId, query.featureId) : await queueDownTo(db, teamId, query.untilCardId!);
    if (!counted.ok) return counted;
    items = counted.value;
  }

  const weeks = query.historyWeeks ?? 12;
  const firstDay = addCalendarDays(today, -7 * weeks);
  const dayStarts: number[] = [];
  for (let d = firstDay; d < today; d = addCalendarDays(d, 1)) dayStarts.push(zonedWallTimeToInstant(d, '00:00', timezone).getTime());
  const end = zonedWallTimeToInstant(today, '00:00', timezone);

  const scoped = await scopeColumns(db, { teamId, boardId: null }, query.boardKind);
  const columns = new Map<string, MetricColumn>(scoped.map((c) => [c.id, c]));
  const interruptColumns = new Set(
    (await db.execute<{ id: string }>(sql`SELECT c.id FROM columns c JOIN boards b ON b.id = c.board_id WHERE b.team_id = ${teamId} AND b.kind = 'interrupts'`)).rows.map((r) => r.id),
  );
  const histories = historiesUntil(await teamSteps(db, teamId), end, null);
  const points = cycleTimes(histories, columns, dayStarts[0]!, end.getTime());
  const daily = dailyCounts(points.map((p) => p.finishedAt), dayStarts, end.getTime());

  let interruptShare = query.interruptShare;
  if (interruptShare === undefined) {
    const types = await db.execute<{ id: string; type: string }>(sql`SELECT id, type FROM cards WHERE team_id = ${teamId} AND type = 'interrupt'`);
    const interruptCards = new Set(types.rows.map((r) => r.id));
    const lastColumn = new Map(histories.map((h) => [h.cardId, h.steps.at(-1)?.columnId]));
    const interruptsDone = points.filter((p) => interruptCards.has(p.cardId) || interruptColumns.has(lastColumn.get(p.cardId) ?? '')).length;
    interruptShare = query.boardKind === 'interrupts' ? 0 : Math.min(share(interruptsDone, points.length) ?? 0, 0.95);
  }
  const seed = query.seed ?? DEFAULT_SEED;
  const input = { dailyThroughput: daily, interruptShare, seed, trials: FORECAST_TRIALS };
  const base = { historyDays: daily.length, interruptShare, trials: FORECAST_TRIALS, seed };
  if (query.date !== undefined) {
    const f = forecastHowMany(input, calendarDaysBetween(today, query.date));
    return ok({ question: 'how_many', items: null, date: query.date, ...base, p50: f.percentiles[50], p85: f.percentiles[85], p95: f.percentiles[95], dates: null, distribution: f.distribution });
  }
  const f = forecastWhen(input, items!);
  const dateAfter = (days: number | null) => (days === null ? null : addCalendarDays(today, days));
  return ok({
    question: 'when',
    items,
    date: null,
    ...base,
    p50: f.percentiles[50],
    p85: f.percentiles[85],
    p95: f.percentiles[95],
    dates: { p50: dateAfter(f.percentiles[50]), p85: dateAfter(f.percentiles[85]), p95: dateAfter(f.percentiles[95]) },
    distribution: f.distribution,
  });
}
