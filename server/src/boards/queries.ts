import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Column, Lane } from '@opsboard/shared';
import { decide } from '../auth/access.js';
import type { Database, Queryable } from '../db/database.js';
import { boards, columns, lanes, streams, teamMembers } from '../db/schema.js';
import type { StoredEvent } from '../events/append.js';
import { readEvents } from '../events/read.js';
import { ok, type Result } from '../http/result.js';
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

/** "Events since N" for any stream the caller can read (board or team). */
export async function streamEvents(database: Database, userId: string, streamId: string, since: number, limit: number): Promise<Result<{ seq: number; events: StoredEvent[] }>> {
  const [row] = await database.db
    .select({ lastSeq: streams.lastSeq, role: teamMembers.role })
    .from(streams)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, streams.teamId), eq(teamMembers.userId, userId)))
    .where(eq(streams.id, streamId));
  const access = decide(row?.role ?? null, 'read', 'Stream');
  if (!access.ok) return access;
  const upTo = Math.min(row!.lastSeq, since + limit);
  return ok({ seq: row!.lastSeq, events: await readEvents(database, streamId, since, upTo) });
}
