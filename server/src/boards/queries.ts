import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Column, Lane } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { boards, columns, lanes, teamMembers } from '../db/schema.js';
import { ok, type Result } from '../http/result.js';
import { decide } from '../teams/access.js';
import { toColumn, toLane } from './mappers.js';

/** May `userId` read this board (any role in its team)? A board of another team is a 404. */
export async function readableBoard(db: Queryable, userId: string, boardId: string): Promise<Result<true>> {
  const [row] = await db
    .select({ role: teamMembers.role })
    .from(boards)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, boards.teamId), eq(teamMembers.userId, userId)))
    .where(eq(boards.id, boardId));
  const access = decide(row?.role ?? null, 'read', 'Board');
  return access.ok ? ok(true) : access;
}

/** Archived columns of a board, most recently archived first: what a board's settings offer to restore (the snapshot holds only live ones). */
export async function archivedColumns(db: Queryable, userId: string, boardId: string): Promise<Result<Column[]>> {
  const access = await readableBoard(db, userId, boardId);
  if (!access.ok) return access;
  const rows = await db
    .select()
    .from(columns)
    .where(and(eq(columns.boardId, boardId), isNotNull(columns.archivedAt)))
    .orderBy(desc(columns.archivedAt), desc(columns.id));
  return ok(rows.map(toColumn));
}

/** Archived swimlanes of a board, most recently archived first. */
export async function archivedLanes(db: Queryable, userId: string, boardId: string): Promise<Result<Lane[]>> {
  const access = await readableBoard(db, userId, boardId);
  if (!access.ok) return access;
  const rows = await db
    .select()
    .from(lanes)
    .where(and(eq(lanes.boardId, boardId), isNotNull(lanes.archivedAt)))
    .orderBy(desc(lanes.archivedAt), desc(lanes.id));
  return ok(rows.map(toLane));
}
