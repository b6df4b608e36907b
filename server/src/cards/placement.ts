/**
 * Where a card lands and whether it may: the one guarded path every entry
 * into a column goes through (create, move, restore, cross-board move,
 * webhook intake). Callers hold the card's row lock; this takes the column,
 * lane and per-person locks in a fixed order (columns by id, lanes by id,
 * people by id), so concurrent entries serialise instead of racing the count.
 * Which limits an entry hits is the shared rule (`entryScopes`); this only counts.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { selectList } from '../db/raw.js';
import { checkWip, entryScopes, LANE_WIP_CATEGORIES, needsRebalance, rankBetween, spreadRanks, type PersonLimit, type WipRefusal, type WipScope } from '@opsboard/shared';
import type { Tx } from '../db/database.js';
import type { ColumnRow, LaneRow } from '../boards/mappers.js';
import { refuse, type Refusal } from '../http/result.js';
import { columns as columnsTable, lanes as lanesTable } from '../db/schema.js';
import { countPeople } from './person-wip.js';

export interface Anchors {
  afterCardId?: string | null | undefined;
  beforeCardId?: string | null | undefined;
  position?: number | undefined;
}

export interface EntryRequest {
  /**
   * The boards the entry writes to (the target; for a cross-board move the
   * source too). Re-read after the column locks: a board archived meanwhile
   * (which locks all its columns, boards/archive.ts) refuses the entry.
   */
  boardIds: readonly string[];
  /** The team whose boards per-person limits count across. */
  teamId: string;
  /** The card entering (an id not yet inserted, for creates). */
  cardId: string;
  toColumn: ColumnRow;
  toLane: LaneRow | null;
  /** Where the card is now, on any board of the team (its column row, locked), or null when it is new or back from the archive. */
  from: { column: ColumnRow; laneId: string | null } | null;
  assigneeIds: readonly string[];
  /** The per-person limit of the board the card enters. */
  person: PersonLimit;
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
  const toCount = entryScopes({
    from: from && { columnId: from.column.id, category: from.column.category, laneId: from.laneId },
    to: { column: toColumn, lane: toLane },
    assigneeIds: req.assigneeIds,
    person: req.person,
  });
  for (const scope of toCount) {
    if (scope.kind === 'column') scopes.push({ ...scope, count: Number(n.column_count) });
    if (scope.kind === 'lane') {
      const laneCount = await tx.execute<{ n: string | number }>(sql`
        SELECT count(*) AS n FROM cards c JOIN columns col ON col.id = c.column_id
        WHERE c.lane_id = ${scope.id} AND c.archived_at IS NULL AND c.id <> ${cardId}
          AND col.category = ANY(${sql.param([...LANE_WIP_CATEGORIES])}::text[])
      `);
      scopes.push({ ...scope, count: Number(laneCount.rows[0]!.n) });
    }
  }
  scopes.push(...(await countPeople(tx, req.teamId, cardId, toCount.filter((s) => s.kind === 'person'))));

  const decision = checkWip(scopes, req.overrideReason);
  if (!decision.ok) return decision;

  const rank = await chooseRank(tx, req, n);
  return { ok: true, rank, overridden: decision.overridden, rebalance: needsRebalance(rank) };
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
