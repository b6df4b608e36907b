import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import {
  rankBetween,
  type Board,
  type Column,
  type CreateBoardBody,
  type CreateColumnBody,
  type CreateLaneBody,
  type Lane,
  type Role,
  type UpdateBoardBody,
  type UpdateColumnBody,
  type UpdateLaneBody,
} from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable, Tx } from '../db/database.js';
import { boards, columns, lanes, streams, teamMembers, teams } from '../db/schema.js';
import { diff } from '../events/changes.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, refuse, type Result } from '../http/result.js';
import { decide } from '../auth/access.js';
import { lockBoardColumns, lockEmpty } from './archive.js';
import { DEFAULT_COLUMNS, type ColumnTemplate } from './defaults.js';
import { toBoard, toColumn, toLane, type BoardRow, type ColumnRow, type LaneRow } from './mappers.js';

type Opts = IdempotencyOption;
const actorOf = (auth: AuthInfo) => ({ userId: auth.user.id });

/** Inserts a board with its stream and columns, and queues the creation events. */
export async function insertBoard(
  w: WriteContext,
  teamId: string,
  input: { kind: Board['kind']; name: string; columns: readonly ColumnTemplate[] },
  newId: () => string,
): Promise<{ board: BoardRow; columns: ColumnRow[] }> {
  const [last] = await w.tx
    .select({ rank: boards.rank })
    .from(boards)
    .where(eq(boards.teamId, teamId))
    .orderBy(desc(boards.rank))
    .limit(1);
  const id = newId();
  await w.tx.insert(streams).values({ id, teamId, kind: 'board', lastSeq: 0 });
  const [board] = await w.tx
    .insert(boards)
    .values({ id, teamId, kind: input.kind, name: input.name, rank: rankBetween(last?.rank ?? null, null), createdAt: w.now })
    .returning();
  let prev: string | null = null;
  const columnRows: ColumnRow[] = [];
  for (const c of input.columns) {
    prev = rankBetween(prev, null);
    const [row] = await w.tx
      .insert(columns)
      .values({
        id: newId(),
        boardId: id,
        name: c.name,
        category: c.category,
        rank: prev,
        wipLimit: c.wipLimit ?? null,
        wipPolicy: c.wipPolicy ?? 'block',
        createdAt: w.now,
      })
      .returning();
    columnRows.push(row!);
  }
  w.emitTeam(teamId, [{ type: 'board.created', subjectId: id, payload: { board: toBoard(board!) } }]);
  w.emitBoard(
    id,
    teamId,
    columnRows.map((c) => ({ type: 'column.created', subjectId: c.id, payload: { column: toColumn(c) } })),
  );
  return { board: board!, columns: columnRows };
}

export async function listBoards(db: Queryable, userId: string, teamId: string, includeArchived: boolean): Promise<Result<Board[]>> {
  const [member] = await db
    .select({ role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  const access = decide(member?.role ?? null, 'read', 'Team');
  if (!access.ok) return access;
  const rows = await db
    .select()
    .from(boards)
    .where(includeArchived ? eq(boards.teamId, teamId) : and(eq(boards.teamId, teamId), isNull(boards.archivedAt)))
    .orderBy(asc(boards.rank), asc(boards.id));
  return ok(rows.map(toBoard));
}

/** A board with the caller's role in its team; `lock` takes the board row for structural changes. */
export async function loadBoard(tx: Queryable, boardId: string, userId: string, lock = false): Promise<{ board: BoardRow; role: Role | null } | null> {
  const q = tx
    .select({ board: boards, role: teamMembers.role })
    .from(boards)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, boards.teamId), eq(teamMembers.userId, userId)))
    .where(eq(boards.id, boardId));
  const [row] = lock ? await q.for('update', { of: boards }) : await q;
  return row ? { board: row.board, role: row.role } : null;
}

export async function boardFor(tx: Tx, boardId: string, userId: string, permission: 'read' | 'write' | 'configure', lock = false): Promise<Result<BoardRow>> {
  const found = await loadBoard(tx, boardId, userId, lock);
  const access = decide(found?.role ?? null, permission, 'Board');
  if (!access.ok) return access;
  if (permission !== 'read' && found!.board.archivedAt) return refuse('conflict', 'The board is archived; restore it first.');
  return ok(found!.board);
}

export async function createBoard(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: CreateBoardBody, o: Opts): Promise<Result<Board>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const [member] = await w.tx
      .select({ role: teamMembers.role })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, auth.user.id)));
    const access = decide(member?.role ?? null, 'configure', 'Team');
    if (!access.ok) return access;
    const name = body.name.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    await w.tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for('update');
    const { board } = await insertBoard(w, teamId, { kind: body.kind, name, columns: body.columns ?? DEFAULT_COLUMNS[body.kind] }, deps.newId);
    return ok(toBoard(board));
  });
}

export async function updateBoard(deps: ServiceDeps, auth: AuthInfo, boardId: string, body: UpdateBoardBody, o: Opts): Promise<Result<Board>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await boardFor(w.tx, boardId, auth.user.id, 'configure', true);
    if (!found.ok) return found;
    const before = found.value;
    const name = body.name?.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    const [after] = await w.tx
      .update(boards)
      .set({
        ...(name !== undefined && { name }),
        ...(body.personWipLimit !== undefined && { personWipLimit: body.personWipLimit }),
        ...(body.personWipPolicy !== undefined && { personWipPolicy: body.personWipPolicy }),
      })
      .where(eq(boards.id, boardId))
      .returning();
    const board = toBoard(after!);
    const changes = diff(toBoard(before), board, ['name', 'personWipLimit', 'personWipPolicy']);
    if (Object.keys(changes).length > 0) {
      w.emitBoard(boardId, board.teamId, [{ type: 'board.updated', subjectId: boardId, payload: { board, changes } }]);
      w.emitTeam(board.teamId, [{ type: 'board.changed', subjectId: boardId, payload: { board, changes } }]);
    }
    return ok(board);
  });
}

/** Moves a sibling (board, column or lane) to just after `afterId`, or first when null. */
function rankAfter<T extends { id: string; rank: string }>(siblings: readonly T[], movingId: string, afterId: string | null): Result<string> {
  const others = siblings.filter((s) => s.id !== movingId);
  if (afterId === null) return ok(rankBetween(null, others[0]?.rank ?? null));
  const i = others.findIndex((s) => s.id === afterId);
  if (i < 0) return invalidField('afterId', 'is not a sibling of the item being moved');
  return ok(rankBetween(others[i]!.rank, others[i + 1]?.rank ?? null));
}

export async function positionBoard(deps: ServiceDeps, auth: AuthInfo, boardId: string, afterId: string | null, o: Opts): Promise<Result<Board>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await boardFor(w.tx, boardId, auth.user.id, 'configure');
    if (!found.ok) return found;
    const teamId = found.value.teamId;
    await w.tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for('update');
    const siblings = await w.tx.select().from(boards).where(and(eq(boards.teamId, teamId), isNull(boards.archivedAt))).orderBy(asc(boards.rank), asc(boards.id));
    const rank = rankAfter(siblings, boardId, afterId);
    if (!rank.ok) return rank;
    const [after] = await w.tx.update(boards).set({ rank: rank.value }).where(eq(boards.id, boardId)).returning();
    const board = toBoard(after!);
    w.emitTeam(teamId, [{ type: 'board.changed', subjectId: boardId, payload: { board, changes: { rank: { from: found.value.rank, to: board.rank } } } }]);
    return ok(board);
  });
}

export async function setBoardArchived(deps: ServiceDeps, auth: AuthInfo, boardId: string, archived: boolean, o: Opts): Promise<Result<Board>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await loadBoard(w.tx, boardId, auth.user.id, true);
    const access = decide(found?.role ?? null, 'configure', 'Board');
    if (!access.ok) return access;
    const current = found!.board;
    if ((current.archivedAt !== null) === archived) return ok(toBoard(current));
    // Entries in flight finish first; later ones find the board archived (boards/archive.ts).
    if (archived) await lockBoardColumns(w.tx, boardId);
    const [after] = await w.tx
      .update(boards)
      .set({ archivedAt: archived ? w.now : null })
      .where(eq(boards.id, boardId))
      .returning();
    const board = toBoard(after!);
    w.emitTeam(board.teamId, [{ type: archived ? 'board.archived' : 'board.restored', subjectId: boardId, payload: { board } }]);
    w.emitBoard(boardId, board.teamId, [{ type: 'board.updated', subjectId: boardId, payload: { board, changes: { archivedAt: { from: current.archivedAt, to: board.archivedAt } } } }]);
    return ok(board);
  });
}

// ---- columns ---------------------------------------------------------------------------------

async function liveColumns(tx: Tx, boardId: string): Promise<ColumnRow[]> {
  return tx.select().from(columns).where(and(eq(columns.boardId, boardId), isNull(columns.archivedAt))).orderBy(asc(columns.rank), asc(columns.id));
}

export async function createColumn(deps: ServiceDeps, auth: AuthInfo, boardId: string, body: CreateColumnBody, o: Opts): Promise<Result<Column>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await boardFor(w.tx, boardId, auth.user.id, 'configure', true);
    if (!found.ok) return found;
    const name = body.name.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    const siblings = await liveColumns(w.tx, boardId);
    if (siblings.length >= 30) return refuse('conflict', 'A board holds at most 30 columns.');
    const afterId = body.afterColumnId === undefined ? (siblings.at(-1)?.id ?? null) : body.afterColumnId;
    const rank = rankAfter(siblings, '', afterId);
    if (!rank.ok) return invalidField('afterColumnId', 'is not a column of this board');
    const [row] = await w.tx
      .insert(columns)
      .values({
        id: deps.newId(),
        boardId,
        name,
        category: body.category,
        rank: rank.value,
        wipLimit: body.wipLimit ?? null,
        wipPolicy: body.wipPolicy ?? 'block',
        createdAt: w.now,
      })
      .returning();
    const column = toColumn(row!);
    w.emitBoard(boardId, found.value.teamId, [{ type: 'column.created', subjectId: column.id, payload: { column } }]);
    return ok(column);
  });
}

async function columnFor(tx: Tx, columnId: string, userId: string): Promise<Result<{ column: ColumnRow; board: BoardRow }>> {
  const [row] = await tx
    .select({ column: columns, board: boards, role: teamMembers.role })
    .from(columns)
    .innerJoin(boards, eq(boards.id, columns.boardId))
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, boards.teamId), eq(teamMembers.userId, userId)))
    .where(eq(columns.id, columnId))
    .for('update', { of: [boards] });
  const access = decide(row?.role ?? null, 'configure', 'Column');
  if (!access.ok) return access;
  if (row!.board.archivedAt) return refuse('conflict', 'The board is archived; restore it first.');
  return ok({ column: row!.column, board: row!.board });
}

export async function updateColumn(deps: ServiceDeps, auth: AuthInfo, columnId: string, body: UpdateColumnBody, o: Opts): Promise<Result<Column>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await columnFor(w.tx, columnId, auth.user.id);
    if (!found.ok) return found;
    const { column: beforeRow, board } = found.value;
    // The column row lock makes a limit change wait for moves in flight, and vice versa.
    await w.tx.select({ id: columns.id }).from(columns).where(eq(columns.id, columnId)).for('update');
    const name = body.name?.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    const [row] = await w.tx
      .update(columns)
      .set({
        ...(name !== undefined && { name }),
        ...(body.category !== undefined && { category: body.category }),
        ...(body.wipLimit !== undefined && { wipLimit: body.wipLimit }),
        ...(body.wipPolicy !== undefined && { wipPolicy: body.wipPolicy }),
      })
      .where(eq(columns.id, columnId))
      .returning();
    const before = toColumn(beforeRow);
    const column = toColumn(row!);
    const limitChanged = before.wipLimit !== column.wipLimit || before.wipPolicy !== column.wipPolicy;
    const changes = diff(before, column, ['name', 'category']);
    if (limitChanged) {
      w.emitBoard(board.id, board.teamId, [
        {
          type: 'column.wip_limit_changed',
          subjectId: columnId,
          payload: {
            column,
            from: { wipLimit: before.wipLimit, wipPolicy: before.wipPolicy },
            to: { wipLimit: column.wipLimit, wipPolicy: column.wipPolicy },
          },
        },
      ]);
    }
    if (Object.keys(changes).length > 0) {
      w.emitBoard(board.id, board.teamId, [{ type: 'column.updated', subjectId: columnId, payload: { column, changes } }]);
    }
    return ok(column);
  });
}

export async function positionColumn(deps: ServiceDeps, auth: AuthInfo, columnId: string, afterId: string | null, o: Opts): Promise<Result<Column>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await columnFor(w.tx, columnId, auth.user.id);
    if (!found.ok) return found;
    const { board } = found.value;
    if (found.value.column.archivedAt) return refuse('conflict', 'The column is archived; restore it first.');
    const rank = rankAfter(await liveColumns(w.tx, board.id), columnId, afterId);
    if (!rank.ok) return rank;
    const [row] = await w.tx.update(columns).set({ rank: rank.value }).where(eq(columns.id, columnId)).returning();
    const column = toColumn(row!);
    w.emitBoard(board.id, board.teamId, [{ type: 'column.moved', subjectId: columnId, payload: { column } }]);
    return ok(column);
  });
}

export async function setColumnArchived(deps: ServiceDeps, auth: AuthInfo, columnId: string, archived: boolean, o: Opts): Promise<Result<Column>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await columnFor(w.tx, columnId, auth.user.id);
    if (!found.ok) return found;
    const { column: current, board } = found.value;
    if ((current.archivedAt !== null) === archived) return ok(toColumn(current));
    let rank = current.rank;
    if (archived) {
      const empty = await lockEmpty(w.tx, { kind: 'column', id: columnId });
      if (!empty.ok) return empty;
      const live = await liveColumns(w.tx, board.id);
      if (live.length <= 1) return refuse('conflict', 'A board needs at least one column.');
    } else {
      const live = await liveColumns(w.tx, board.id);
      rank = rankBetween(live.at(-1)?.rank ?? null, null);
    }
    const [row] = await w.tx
      .update(columns)
      .set({ archivedAt: archived ? w.now : null, rank })
      .where(eq(columns.id, columnId))
      .returning();
    const column = toColumn(row!);
    w.emitBoard(board.id, board.teamId, [{ type: archived ? 'column.archived' : 'column.restored', subjectId: columnId, payload: { column } }]);
    return ok(column);
  });
}

// ---- swimlanes -------------------------------------------------------------------------------

async function liveLanes(tx: Tx, boardId: string): Promise<LaneRow[]> {
  return tx.select().from(lanes).where(and(eq(lanes.boardId, boardId), isNull(lanes.archivedAt))).orderBy(asc(lanes.rank), asc(lanes.id));
}

export async function createLane(deps: ServiceDeps, auth: AuthInfo, boardId: string, body: CreateLaneBody, o: Opts): Promise<Result<Lane>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await boardFor(w.tx, boardId, auth.user.id, 'configure', true);
    if (!found.ok) return found;
    const name = body.name.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    const siblings = await liveLanes(w.tx, boardId);
    if (siblings.length >= 20) return refuse('conflict', 'A board holds at most 20 swimlanes.');
    const afterId = body.afterLaneId === undefined ? (siblings.at(-1)?.id ?? null) : body.afterLaneId;
    const rank = rankAfter(siblings, '', afterId);
    if (!rank.ok) return invalidField('afterLaneId', 'is not a swimlane of this board');
    const [row] = await w.tx
      .insert(lanes)
      .values({ id: deps.newId(), boardId, name, rank: rank.value, wipLimit: body.wipLimit ?? null, wipPolicy: body.wipPolicy ?? 'block', createdAt: w.now })
      .returning();
    const lane = toLane(row!);
    w.emitBoard(boardId, found.value.teamId, [{ type: 'lane.created', subjectId: lane.id, payload: { lane } }]);
    return ok(lane);
  });
}

async function laneFor(tx: Tx, laneId: string, userId: string): Promise<Result<{ lane: LaneRow; board: BoardRow }>> {
  const [row] = await tx
    .select({ lane: lanes, board: boards, role: teamMembers.role })
    .from(lanes)
    .innerJoin(boards, eq(boards.id, lanes.boardId))
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, boards.teamId), eq(teamMembers.userId, userId)))
    .where(eq(lanes.id, laneId))
    .for('update', { of: [boards] });
  const access = decide(row?.role ?? null, 'configure', 'Swimlane');
  if (!access.ok) return access;
  if (row!.board.archivedAt) return refuse('conflict', 'The board is archived; restore it first.');
  return ok({ lane: row!.lane, board: row!.board });
}

export async function updateLane(deps: ServiceDeps, auth: AuthInfo, laneId: string, body: UpdateLaneBody, o: Opts): Promise<Result<Lane>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await laneFor(w.tx, laneId, auth.user.id);
    if (!found.ok) return found;
    const { lane: beforeRow, board } = found.value;
    await w.tx.select({ id: lanes.id }).from(lanes).where(eq(lanes.id, laneId)).for('update');
    const name = body.name?.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    const [row] = await w.tx
      .update(lanes)
      .set({
        ...(name !== undefined && { name }),
        ...(body.wipLimit !== undefined && { wipLimit: body.wipLimit }),
        ...(body.wipPolicy !== undefined && { wipPolicy: body.wipPolicy }),
      })
      .where(eq(lanes.id, laneId))
      .returning();
    const lane = toLane(row!);
    const changes = diff(toLane(beforeRow), lane, ['name', 'wipLimit', 'wipPolicy']);
    if (Object.keys(changes).length > 0) {
      w.emitBoard(board.id, board.teamId, [{ type: 'lane.updated', subjectId: laneId, payload: { lane, changes } }]);
    }
    return ok(lane);
  });
}

export async function positionLane(deps: ServiceDeps, auth: AuthInfo, laneId: string, afterId: string | null, o: Opts): Promise<Result<Lane>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await laneFor(w.tx, laneId, auth.user.id);
    if (!found.ok) return found;
    const { board } = found.value;
    if (found.value.lane.archivedAt) return refuse('conflict', 'The swimlane is archived; restore it first.');
    const rank = rankAfter(await liveLanes(w.tx, board.id), laneId, afterId);
    if (!rank.ok) return rank;
    const [row] = await w.tx.update(lanes).set({ rank: rank.value }).where(eq(lanes.id, laneId)).returning();
    const lane = toLane(row!);
    w.emitBoard(board.id, board.teamId, [{ type: 'lane.moved', subjectId: laneId, payload: { lane } }]);
    return ok(lane);
  });
}

export async function setLaneArchived(deps: ServiceDeps, auth: AuthInfo, laneId: string, archived: boolean, o: Opts): Promise<Result<Lane>> {
  return mutate(deps, { actor: actorOf(auth), idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await laneFor(w.tx, laneId, auth.user.id);
    if (!found.ok) return found;
    const { lane: current, board } = found.value;
    if ((current.archivedAt !== null) === archived) return ok(toLane(current));
    let rank = current.rank;
    if (archived) {
      const empty = await lockEmpty(w.tx, { kind: 'lane', id: laneId });
      if (!empty.ok) return empty;
    } else {
      const live = await liveLanes(w.tx, board.id);
      rank = rankBetween(live.at(-1)?.rank ?? null, null);
    }
    const [row] = await w.tx.update(lanes).set({ archivedAt: archived ? w.now : null, rank }).where(eq(lanes.id, laneId)).returning();
    const lane = toLane(row!);
    w.emitBoard(board.id, board.teamId, [{ type: archived ? 'lane.archived' : 'lane.restored', subjectId: laneId, payload: { lane } }]);
    return ok(lane);
  });
}

