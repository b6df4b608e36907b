/**
 * Where a card lands and whether it may: the one guarded path every entry
 * into a column goes through (create, move, restore, cross-board move,
 * webhook intake). Callers hold the card's row lock; this takes the column,
 * lane and per-person locks in a fixed order (columns by id, lanes by id,
 * people by id), so concurrent entries serialise instead of racing the count.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { selectList } from '../db/raw.js';
import { checkWip, needsRebalance, rankBetween, spreadRanks, type WipPolicy, type WipRefusal, type WipScope } from '@opsboard/shared';
import type { Tx } from '../db/database.js';
import type { ColumnRow, LaneRow } from '../boards/mappers.js';
import { refuse, type Refusal } from '../http/result.js';
import { columns as columnsTable, lanes as lanesTable } from '../db/schema.js';

export interface Anchors {
  afterCardId?: string | null | undefined;
  beforeCardId?: string | null | undefined;
  position?: number | undefined;
}

export interface EntryRequest {
  boardId: string;
  /**
   * The boards the entry writes to (the target; for a cross-board move the
   * source too). Re-read after the column locks: a board archived meanwhile
   * (which locks all its columns, boards/archive.ts) refuses the entry.
   */
  boardIds: readonly string[];
  /** The card entering (an id not yet inserted, for creates). */
  cardId: string;
  toColumn: ColumnRow;
  toLane: LaneRow | null;
  /** Where the card is now (its column row, locked), or null when it is new to this board. */
  from: { column: ColumnRow; laneId: string | null } | null;
  assigneeIds: readonly string[];
  personWipLimit: number | null;
  personWipPolicy: WipPolicy;
  anchors: Anchors;
  overrideReason: string | null | undefined;
}

export type EntryDecision =
  | { ok: true; rank: string; overridden: boolean; rebalance: boolean }
  | { ok: false; refusal: WipRefusal | Refusal };

/** Locks the given columns (and returns them by id) in id order. */
const COLUMN_COLUMNS = selectList(columnsTable, 'col');

export async function lockColumns(tx: Tx, ids: readonly string[]): Promise<Map<string, ColumnRow>> {
  const unique = [...new Set(ids)].sort();
  const result = await tx.execute<ColumnRow>(sql`
    SELECT ${COLUMN_COLUMNS} FROM columns col WHERE col.id = ANY(${sql.param(unique)}::uuid[]) ORDER BY col.id FOR UPDATE
  `);
  return new Map(result.rows.map((r) => [r.id, r]));
}

export async function lockLane(tx: Tx, id: string): Promise<LaneRow | null> {
  const [row] = await tx.select().from(lanesTable).where(eq(lanesTable.id, id)).for('update');
  return row ?? null;
}

/** Advisory locks per (board, person): serialise changes to what one person holds in progress. */
async function lockPeople(tx: Tx, boardId: string, userIds: readonly string[]): Promise<void> {
  for (const userId of [...new Set(userIds)].sort()) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${boardId}:${userId}`}, 0))`);
  }
}

/** Columns whose cards count as work under way, for swimlane limits. */
const ACTIVE: readonly string[] = ['todo', 'doing'];

type Neighbourhood = {
  board_archived: boolean;
  column_count: string | number;
  after_rank: string | null;
  after_next: string | null;
  before_rank: string | null;
  before_prev: string | null;
  last_rank: string | null;
};

const liveIn = (columnId: string, cardId: string) => sql`column_id = ${columnId} AND archived_at IS NULL AND id <> ${cardId}`;

/**
 * Decides whether the card may enter `toColumn` (and `toLane`) and at which
 * rank. Keys come from the real neighbours read under the column lock, so two
 * entries into the same gap can never get the same key.
 */
export async function decideEntry(tx: Tx, req: EntryRequest): Promise<EntryDecision> {
  const { toColumn, toLane, from, cardId } = req;
  const sameColumn = from !== null && from.column.id === toColumn.id;
  const live = liveIn(toColumn.id, cardId);
  const result = await tx.execute<Neighbourhood>(sql`
    WITH a AS (SELECT rank FROM cards WHERE id = ${req.anchors.afterCardId ?? null} AND ${live}),
         b AS (SELECT rank FROM cards WHERE id = ${req.anchors.beforeCardId ?? null} AND ${live})
    SELECT
      EXISTS (SELECT 1 FROM boards WHERE id = ANY(${sql.param([...req.boardIds])}::uuid[]) AND archived_at IS NOT NULL) AS board_archived,
      (SELECT count(*) FROM cards WHERE ${live}) AS column_count,
      (SELECT rank FROM a) AS after_rank,
      (SELECT min(rank) FROM cards WHERE ${live} AND rank > (SELECT rank FROM a)) AS after_next,
      (SELECT rank FROM b) AS before_rank,
      (SELECT max(rank) FROM cards WHERE ${live} AND rank < (SELECT rank FROM b)) AS before_prev,
      (SELECT max(rank) FROM cards WHERE ${live}) AS last_rank
  `);
  const n = result.rows[0]!;
  if (n.board_archived) return refuse('conflict', 'The board is archived; restore it first.');

  const scopes: WipScope[] = [];
  if (!sameColumn) {
    scopes.push({ kind: 'column', id: toColumn.id, name: toColumn.name, limit: toColumn.wipLimit, policy: toColumn.wipPolicy, count: Number(n.column_count) });
  }
  if (toLane && toLane.wipLimit !== null && ACTIVE.includes(toColumn.category)) {
    const alreadyCounted = from !== null && from.laneId === toLane.id && ACTIVE.includes(from.column.category);
    if (!alreadyCounted) {
      const laneCount = await tx.execute<{ n: string | number }>(sql`
        SELECT count(*) AS n FROM cards c JOIN columns col ON col.id = c.column_id
        WHERE c.lane_id = ${toLane.id} AND c.archived_at IS NULL AND c.id <> ${cardId} AND col.category IN ('todo', 'doing')
      `);
      scopes.push({ kind: 'lane', id: toLane.id, name: toLane.name, limit: toLane.wipLimit, policy: toLane.wipPolicy, count: Number(laneCount.rows[0]!.n) });
    }
  }
  const wasDoing = from !== null && from.column.category === 'doing';
  if (req.personWipLimit !== null && toColumn.category === 'doing' && !wasDoing && req.assigneeIds.length > 0) {
    scopes.push(...(await personScopes(tx, req.boardId, cardId, req.assigneeIds, req.personWipLimit, req.personWipPolicy)));
  }

  const decision = checkWip(scopes, req.overrideReason);
  if (!decision.ok) return decision;

  const rank = await chooseRank(tx, req, n);
  return { ok: true, rank, overridden: decision.overridden, rebalance: needsRebalance(rank) };
}

/** How many cards in `doing` columns each person holds on the board, under per-person locks. */
export async function personScopes(
  tx: Tx,
  boardId: string,
  cardId: string,
  userIds: readonly string[],
  limit: number,
  policy: WipPolicy,
): Promise<WipScope[]> {
  await lockPeople(tx, boardId, userIds);
  const rows = await tx.execute<{ id: string; name: string; n: string | number }>(sql`
    SELECT u.id, u.name, (
      SELECT count(*) FROM cards c JOIN columns col ON col.id = c.column_id
      WHERE c.board_id = ${boardId} AND c.archived_at IS NULL AND c.id <> ${cardId}
        AND col.category = 'doing' AND u.id = ANY(c.assignee_ids)
    ) AS n
    FROM users u WHERE u.id = ANY(${sql.param([...userIds])}::uuid[])
    ORDER BY u.id
  `);
  return rows.rows.map((r) => ({ kind: 'person' as const, id: r.id, name: r.name, limit, policy, count: Number(r.n) }));
}

async function oneRank(tx: Tx, query: SQL): Promise<string | null> {
  const r = await tx.execute<{ rank: string | null }>(query);
  return r.rows[0]?.rank ?? null;
}

/** After the named card, else before the named card, else at the index within the cell, else at the end. */
async function chooseRank(tx: Tx, req: EntryRequest, n: Neighbourhood): Promise<string> {
  if (n.after_rank !== null) return rankBetween(n.after_rank, n.after_next);
  if (n.before_rank !== null) return rankBetween(n.before_prev, n.before_rank);
  const position = req.anchors.position;
  if (position === undefined) return rankBetween(n.last_rank, null);

  // The index counts cards of the cell (column + lane); the other neighbour is
  // read across the whole column, so the key cannot equal another lane's key.
  const live = liveIn(req.toColumn.id, req.cardId);
  const cell = sql`${live} AND lane_id IS NOT DISTINCT FROM ${req.toLane?.id ?? null}`;
  if (position === 0) {
    const first = await oneRank(tx, sql`SELECT min(rank) AS rank FROM cards WHERE ${cell}`);
    if (first === null) return rankBetween(n.last_rank, null);
    const prev = await oneRank(tx, sql`SELECT max(rank) AS rank FROM cards WHERE ${live} AND rank < ${first}`);
    return rankBetween(prev, first);
  }
  const prev = await oneRank(tx, sql`SELECT rank FROM cards WHERE ${cell} ORDER BY rank, id OFFSET ${position - 1} LIMIT 1`);
  if (prev === null) return rankBetween(n.last_rank, null);
  const next = await oneRank(tx, sql`SELECT min(rank) AS rank FROM cards WHERE ${live} AND rank > ${prev}`);
  return rankBetween(prev, next);
}

/**
 * Rewrites every live card's key in the column to short, evenly spread keys,
 * keeping their order. Two passes: the unique (column, rank) index is checked
 * row by row, so keys first move to temporary values that cannot collide.
 */
export async function rebalanceColumn(tx: Tx, columnId: string): Promise<{ cardId: string; rank: string }[]> {
  const rows = await tx.execute<{ id: string }>(sql`
    SELECT id FROM cards WHERE column_id = ${columnId} AND archived_at IS NULL ORDER BY rank, id FOR UPDATE
  `);
  const ids = rows.rows.map((r) => r.id);
  const keys = spreadRanks(ids.length);
  await tx.execute(sql`UPDATE cards SET rank = '~' || id::text WHERE column_id = ${columnId} AND archived_at IS NULL`);
  await tx.execute(sql`
    UPDATE cards SET rank = v.rank
    FROM unnest(${sql.param(ids)}::uuid[], ${sql.param(keys)}::text[]) AS v(id, rank)
    WHERE cards.id = v.id
  `);
  return ids.map((cardId, i) => ({ cardId, rank: keys[i]! }));
}
