/**
 * Archiving a column, a swimlane or a board, against cards entering it at the
 * same moment. Every entry (create, move, restore, cross-board move, intake)
 * locks its target column and lane rows first and only then reads their state
 * (cards/placement.ts). Archiving locks the same rows before it counts or
 * flips anything, so the two serialise: an entry that got there first is
 * counted, one that waited finds the column, lane or board archived.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { refuse, type Result } from '../http/result.js';

export type Container = { kind: 'column'; id: string } | { kind: 'lane'; id: string };

const NAMES = { column: 'column', lane: 'swimlane' } as const;
const TABLES = {
  column: { table: sql.raw('columns'), cardColumn: sql.raw('column_id') },
  lane: { table: sql.raw('lanes'), cardColumn: sql.raw('lane_id') },
} as const;

/**
 * Locks the column or lane row, then counts its live cards: refused while it
 * holds any. Two statements on purpose: under READ COMMITTED a statement reads
 * the snapshot it started with, so a count in the locking statement would miss
 * the card of an entry it waited for.
 */
export async function lockEmpty(tx: Tx, container: Container): Promise<Result<null>> {
  const { table, cardColumn } = TABLES[container.kind];
  await tx.execute(sql`SELECT id FROM ${table} WHERE id = ${container.id} FOR UPDATE`);
  const count = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM cards WHERE ${cardColumn} = ${container.id} AND archived_at IS NULL`);
  const n = Number(count.rows[0]?.n ?? 0);
  if (n === 0) return { ok: true, value: null };
  return refuse('conflict', `The ${NAMES[container.kind]} still holds ${n} card${n === 1 ? '' : 's'}; move or archive them first.`, { cards: n });
}

/** Locks every column of a board (in id order, as entries do), so no entry is mid-way while the board is archived. */
export async function lockBoardColumns(tx: Tx, boardId: string): Promise<void> {
  await tx.execute(sql`SELECT id FROM columns WHERE board_id = ${boardId} ORDER BY id FOR UPDATE`);
}
