import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { assignmentScopes, can, canHoldCard, checkDone, checkWip, type Card, type CardLink, type CreateCardBody, type MoveCardBody, type PersonLimit, type RestoreCardBody, type Role, type UpdateCardBody } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { firstColumn } from '../boards/columns.js';
import { diff } from '../events/changes.js';
import { toCard, toInterrupt, type BoardRow, type CardRow, type ColumnRow, type LaneRow } from '../boards/mappers.js';
import type { ServiceDeps } from '../context.js';
import type { Tx } from '../db/database.js';
import { selectList, unprefix } from '../db/raw.js';
import { boards, cards, columns, features, interrupts, iterations, teamMembers, teams } from '../db/schema.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, refuse, type Refusal, type Result } from '../http/result.js';
import { decide, rolesIn } from '../auth/access.js';
import { notifyWatchers } from '../conversation/watchers.js';
import { countPeople } from './person-wip.js';
import { decideEntry, lockColumns, lockLane, rebalanceColumn, type Anchors } from './placement.js';

type Opts = IdempotencyOption;

interface LoadedCard {
  card: CardRow;
  board: BoardRow;
  role: Role | null;
}

const CARD_COLUMNS = selectList(cards, 'c', 'c.');
const BOARD_COLUMNS = selectList(boards, 'b', 'b.');

/** The card, its board and the caller's role, with the card row locked for the change. */
export async function lockCard(tx: Tx, cardId: string, userId: string): Promise<LoadedCard | null> {
  const result = await tx.execute<Record<string, unknown>>(sql`
    SELECT ${CARD_COLUMNS}, ${BOARD_COLUMNS}, tm.role AS "tm.role"
    FROM cards c
    JOIN boards b ON b.id = c.board_id
    LEFT JOIN team_members tm ON tm.team_id = c.team_id AND tm.user_id = ${userId}
    WHERE c.id = ${cardId}
    FOR UPDATE OF c
  `);
  const row = result.rows[0];
  if (!row) return null;
  return { card: unprefix<CardRow>(row, 'c.'), board: unprefix<BoardRow>(row, 'b.'), role: (row['tm.role'] as Role | null) ?? null };
}

export function writable(found: LoadedCard | null): Result<LoadedCard> {
  const access = decide(found?.role ?? null, 'write', 'Card');
  if (!access.ok) return access;
  if (found!.board.archivedAt) return refuse('conflict', 'The board is archived; restore it first.');
  return ok(found!);
}

function versionConflict(card: CardRow): { ok: false; refusal: Refusal } {
  return refuse('version_conflict', `The card changed since you loaded it (now version ${card.version}); review the current card and apply your change again.`, {
    current: toCard(card),
  });
}

/** Checks people, feature, iteration and links belong to the team; names the field that does not. */
async function validateReferences(
  tx: Tx,
  teamId: string,
  selfId: string,
  input: {
    assigneeIds?: readonly string[] | undefined;
    links?: readonly CardLink[] | undefined;
    featureId?: string | null | undefined;
    iterationId?: string | null | undefined;
  },
): Promise<Result<null>> {
  if (input.featureId) {
    const [f] = await tx.select({ id: features.id }).from(features).where(and(eq(features.id, input.featureId), eq(features.teamId, teamId)));
    if (!f) return invalidField('featureId', 'is not a feature of this team');
  }
  if (input.iterationId) {
    const [it] = await tx.select({ state: iterations.state }).from(iterations).where(and(eq(iterations.id, input.iterationId), eq(iterations.teamId, teamId)));
    if (!it) return invalidField('iterationId', 'is not an iteration of this team');
    if (it.state === 'closed') return invalidField('iterationId', 'is a closed iteration');
  }
  if (input.assigneeIds && input.assigneeIds.length > 0) {
    const found = await tx
      .select({ userId: teamMembers.userId, role: teamMembers.role })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, [...input.assigneeIds])));
    const members = new Set(found.map((m) => m.userId));
    const missing = input.assigneeIds.findIndex((id) => !members.has(id));
    if (missing >= 0) return invalidField(`assigneeIds[${missing}]`, 'is not a member of this team');
  }
  if (input.links && input.links.length > 0) {
    const ids = [...new Set(input.links.map((l) => l.cardId))];
    const self = input.links.findIndex((l) => l.cardId === selfId);
    if (self >= 0) return invalidField(`links[${self}].cardId`, 'a card cannot link to itself');
    const found = await tx.select({ id: cards.id }).from(cards).where(and(eq(cards.teamId, teamId), inArray(cards.id, ids)));
    const known = new Set(found.map((c) => c.id));
    const missing = input.links.findIndex((l) => !known.has(l.cardId));
    if (missing >= 0) return invalidField(`links[${missing}].cardId`, 'is not a card of this team');
    const seen = new Set<string>();
    for (const [i, l] of input.links.entries()) {
      const k = `${l.kind}:${l.cardId}`;
      if (seen.has(k)) return invalidField(`links[${i}]`, 'is listed twice');
      seen.add(k);
    }
  }
  return ok(null);
}

/**
 * Guests hold only cards of a feature (see `canHoldCard`). Names the guest
 * in `assigneeIds` when the edit assigns them, else `featureId` when the edit
 * would take the feature away from a card a guest holds.
 */
async function checkHolders(tx: Tx, teamId: string, card: { assigneeIds: readonly string[]; featureId: string | null }, sent: { assigneeIds?: unknown; featureId?: unknown }): Promise<Result<null>> {
  if (sent.assigneeIds === undefined && sent.featureId === undefined) return ok(null);
  if (card.assigneeIds.length === 0 || card.featureId !== null) return ok(null);
  const roles = await rolesIn(tx, teamId, card.assigneeIds);
  const i = card.assigneeIds.findIndex((id) => {
    const role = roles.get(id);
    return role !== undefined && !canHoldCard(role, card);
  });
  if (i < 0) return ok(null);
  return sent.assigneeIds !== undefined
    ? invalidField(`assigneeIds[${i}]`, 'is a guest; a guest is assigned only to cards of a feature (set featureId)')
    : invalidField('featureId', 'a guest is assigned to this card, and a guest holds only cards of a feature');
}

async function targetColumn(tx: Tx, boardId: string, columnId: string | undefined, field: string): Promise<Result<string>> {
  if (columnId !== undefined) return ok(columnId);
  const first = await firstColumn(tx, boardId);
  return first ? ok(first.id) : invalidField(field, 'the board has no columns');
}

/** Validates the target cell (column, lane) on the board after the locks are held. */
function checkCell(
  locked: Map<string, ColumnRow>,
  boardId: string,
  columnId: string,
  lane: LaneRow | null,
  laneId: string | null,
  fields: { column: string; lane: string },
): Result<ColumnRow> {
  const column = locked.get(columnId);
  if (!column || column.boardId !== boardId) return invalidField(fields.column, 'is not a column of this board');
  if (column.archivedAt) return invalidField(fields.column, 'is an archived column');
  if (laneId !== null && (!lane || lane.boardId !== boardId)) return invalidField(fields.lane, 'is not a swimlane of this board');
  if (lane?.archivedAt) return invalidField(fields.lane, 'is an archived swimlane');
  return ok(column);
}

function anchorsOf(body: { afterCardId?: string | null | undefined; beforeCardId?: string | null | undefined; position?: number | undefined }): Anchors {
  return { afterCardId: body.afterCardId, beforeCardId: body.beforeCardId, position: body.position };
}

async function maybeRebalance(w: WriteContext, decision: { rebalance: boolean }, columnId: string, boardId: string, teamId: string): Promise<void> {
  if (!decision.rebalance) return;
  const ranks = await rebalanceColumn(w.tx, columnId);
  w.emitBoard(boardId, teamId, [{ type: 'cards.reranked', subjectId: columnId, payload: { columnId, ranks } }]);
}

/** The per-person WIP limit that applies to cards entering (or held on) this board: the board's own, counted across the team. */
function personLimitOf(board: BoardRow): PersonLimit {
  return { limit: board.personWipLimit, policy: board.personWipPolicy };
}

async function reloadCard(tx: Tx, cardId: string): Promise<CardRow> {
  const [row] = await tx.select().from(cards).where(eq(cards.id, cardId));
  return row!;
}

export async function createCard(deps: ServiceDeps, auth: AuthInfo, boardId: string, body: CreateCardBody, o: Opts): Promise<Result<Card>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const [found] = await w.tx
      .select({ board: boards, role: teamMembers.role })
      .from(boards)
      .leftJoin(teamMembers, and(eq(teamMembers.teamId, boards.teamId), eq(teamMembers.userId, auth.user.id)))
      .where(eq(boards.id, boardId));
    const access = decide(found?.role ?? null, 'write', 'Board');
    if (!access.ok) return access;
    const board = found!.board;
    if (board.archivedAt) return refuse('conflict', 'The board is archived; restore it first.');
    return insertCard(w, deps.newId(), board, body, auth.user.id, found!.role);
  });
}

/** The guarded insert every new card goes through (UI, API, webhooks, conversions). */
export async function insertCard(
  w: WriteContext,
  cardId: string,
  board: BoardRow,
  body: CreateCardBody,
  createdBy: string | null,
  /** The creator's role; without `plan` a backlog card goes to the bottom whatever position was asked for. */
  role: Role | null,
): Promise<Result<Card>> {
  const title = body.title.trim();
  if (title === '') return invalidField('title', 'must not be blank');
  const refs = await validateReferences(w.tx, board.teamId, cardId, body);
  if (!refs.ok) return refs;
  const holders = await checkHolders(w.tx, board.teamId, { assigneeIds: body.assigneeIds ?? [], featureId: body.featureId ?? null }, body);
  if (!holders.ok) return holders;
  const columnId = await targetColumn(w.tx, board.id, body.columnId, 'columnId');
  if (!columnId.ok) return columnId;
  const locked = await lockColumns(w.tx, [columnId.value]);
  const laneId = body.laneId ?? null;
  const lane = laneId ? await lockLane(w.tx, laneId) : null;
  const cell = checkCell(locked, board.id, columnId.value, lane, laneId, { column: 'columnId', lane: 'laneId' });
  if (!cell.ok) return cell;
  const assigneeIds = body.assigneeIds ?? [];
  const ranking = backlogRanking(cell.value, null, role, anchorsOf(body));
  if (!ranking.ok) return ranking;
  const checklist = (body.checklist ?? []).map((text) => ({ id: randomUUID(), text: text.trim(), done: false })).filter((i) => i.text !== '');
  const done = checkDone({ fromCategory: null, toCategory: cell.value.category }, { checklist, dodChecked: [] }, board.definitionOfDone, body.overrideReason);
  if (!done.ok) return done;
  const decision = await decideEntry(w.tx, {
    boardIds: [board.id],
    teamId: board.teamId,
    cardId,
    toColumn: cell.value,
    toLane: lane,
    from: null,
    assigneeIds,
    person: personLimitOf(board),
    anchors: ranking.value,
    overrideReason: body.overrideReason,
  });
  if (!decision.ok) return { ok: false, refusal: decision.refusal };
  const [team] = await w.tx
    .update(teams)
    .set({ cardSeq: sql`${teams.cardSeq} + 1` })
    .where(eq(teams.id, board.teamId))
    .returning({ cardSeq: teams.cardSeq });
  const blocked = body.blocked ?? false;
  const overrideReason = decision.overridden || done.overridden ? body.overrideReason!.trim() : null;
  const [row] = await w.tx
    .insert(cards)
    .values({
      id: cardId,
      teamId: board.teamId,
      boardId: board.id,
      number: team!.cardSeq,
      columnId: cell.value.id,
      laneId,
      rank: decision.rank,
      version: 1,
      title,
      description: body.description ?? '',
      type: body.type ?? (board.kind === 'interrupts' ? 'interrupt' : 'story'),
      points: body.points ?? null,
      assigneeIds: [...assigneeIds],
      featureId: body.featureId ?? null,
      iterationId: body.iterationId ?? null,
      labels: (body.labels ?? []).map((l) => l.trim()).filter(Boolean),
      priority: body.priority ?? 'none',
      blocked,
      blockedReason: blocked ? (body.blockedReason?.trim() || null) : null,
      dueDate: body.dueDate ?? null,
      links: body.links ?? [],
      checklist,
      overrideReason,
      columnEnteredAt: w.now,
      createdAt: w.now,
      updatedAt: w.now,
      createdBy,
    })
    .returning();
  w.emitBoard(board.id, board.teamId, [{ type: 'card.created', subjectId: cardId, payload: { card: toCard(row!), overrideReason } }]);
  await maybeRebalance(w, decision, cell.value.id, board.id, board.teamId);
  return ok(toCard(decision.rebalance ? await reloadCard(w.tx, cardId) : row!));
}

const EDITABLE = [
  'title',
  'description',
  'type',
  'points',
  'assigneeIds',
  'featureId',
  'iterationId',
  'labels',
  'priority',
  'blocked',
  'blockedReason',
  'dueDate',
  'links',
] as const;

export async function updateCard(deps: ServiceDeps, auth: AuthInfo, cardId: string, body: UpdateCardBody, o: Opts): Promise<Result<Card>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = writable(await lockCard(w.tx, cardId, auth.user.id));
    if (!found.ok) return found;
    const { card: current, board } = found.value;
    if (current.archivedAt) return refuse('conflict', 'The card is archived; restore it first.');
    if (body.version !== current.version) return versionConflict(current);
    return applyUpdate(w, board, current, body);
  });
}

/** Writes an edit to a locked card: validation, per-person limits on new assignees, diff, event. */
export async function applyUpdate(w: WriteContext, board: BoardRow, current: CardRow, body: Omit<UpdateCardBody, 'version'>): Promise<Result<Card>> {
  const title = body.title?.trim();
  if (title === '') return invalidField('title', 'must not be blank');
  const refs = await validateReferences(w.tx, board.teamId, current.id, body);
  if (!refs.ok) return refs;

  const newAssignees = (body.assigneeIds ?? []).filter((id) => !current.assigneeIds.includes(id));
  if (newAssignees.length > 0 && board.personWipLimit !== null) {
    const [column] = await w.tx.select({ category: columns.category }).from(columns).where(eq(columns.id, current.columnId));
    const toCount = column ? assignmentScopes({ category: column.category, assigneeIds: newAssignees, person: personLimitOf(board) }) : [];
    const decision = checkWip(await countPeople(w.tx, board.teamId, current.id, toCount), null);
    if (!decision.ok) return { ok: false, refusal: decision.refusal };
  }

  const before = toCard(current);
  const blocked = body.blocked ?? before.blocked;
  const proposed: Card = {
    ...before,
    title: title ?? before.title,
    description: body.description ?? before.description,
    type: body.type ?? before.type,
    points: body.points !== undefined ? body.points : before.points,
    assigneeIds: body.assigneeIds ? [...body.assigneeIds] : before.assigneeIds,
    featureId: body.featureId !== undefined ? body.featureId : before.featureId,
    iterationId: body.iterationId !== undefined ? body.iterationId : before.iterationId,
    labels: body.labels ? body.labels.map((l) => l.trim()).filter(Boolean) : before.labels,
    priority: body.priority ?? before.priority,
    blocked,
    blockedReason: !blocked ? null : body.blockedReason !== undefined ? body.blockedReason?.trim() || null : before.blockedReason,
    dueDate: body.dueDate !== undefined ? body.dueDate : before.dueDate,
    links: body.links ? [...body.links] : before.links,
  };
  const holders = await checkHolders(w.tx, board.teamId, proposed, body);
  if (!holders.ok) return holders;
  const changes = diff(before, proposed, EDITABLE);
  // An edit that changes nothing writes nothing and keeps the version.
  if (Object.keys(changes).length === 0) return ok(before);
  const [row] = await w.tx
    .update(cards)
    .set({
      title: proposed.title,
      description: proposed.description,
      type: proposed.type,
      points: proposed.points,
      assigneeIds: proposed.assigneeIds,
      featureId: proposed.featureId,
      iterationId: proposed.iterationId,
      labels: proposed.labels,
      priority: proposed.priority,
      blocked: proposed.blocked,
      blockedReason: proposed.blockedReason,
      dueDate: proposed.dueDate,
      links: proposed.links,
      version: sql`${cards.version} + 1`,
      updatedAt: w.now,
    })
    .where(eq(cards.id, current.id))
    .returning();
  const card = toCard(row!);
  w.emitBoard(board.id, board.teamId, [{ type: 'card.updated', subjectId: card.id, payload: { card, changes } }]);
  if (!before.blocked && card.blocked) {
    await notifyWatchers(w.tx, { cardId: card.id, kind: 'card_blocked', actorId: w.actor.userId, title: `#${card.number} ${card.title} is blocked`, body: card.blockedReason ?? '' }, w.now);
  }
  return ok(card);
}

export async function moveCard(deps: ServiceDeps, auth: AuthInfo, cardId: string, body: MoveCardBody, o: Opts): Promise<Result<Card>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = writable(await lockCard(w.tx, cardId, auth.user.id));
    if (!found.ok) return found;
    const { card: current, board, role } = found.value;
    if (current.archivedAt) return refuse('conflict', 'The card is archived; restore it first.');
    if (body.version !== undefined && body.version !== current.version) return versionConflict(current);
    return moveLocked(w, current, board, body, role);
  });
}

/**
 * Moves a card whose row the caller has locked, through the guarded placement
 * path. Used by plain moves and by triage actions that move a card on.
 */
export async function moveLocked(w: WriteContext, current: CardRow, board: BoardRow, body: MoveCardBody, role: Role | null): Promise<Result<Card>> {
  const cardId = current.id;
  let target = board;
  if (body.toBoardId !== undefined && body.toBoardId !== board.id) {
    const [other] = await w.tx.select().from(boards).where(and(eq(boards.id, body.toBoardId), eq(boards.teamId, board.teamId)));
    if (!other) return invalidField('toBoardId', 'is not a board of this team');
    if (other.archivedAt) return invalidField('toBoardId', 'is an archived board');
    target = other;
  }
  const crossBoard = target.id !== board.id;
  const locked = await lockColumns(w.tx, [current.columnId, body.toColumnId]);
  const laneId = body.laneId !== undefined ? body.laneId : crossBoard ? null : current.laneId;
  const lane = laneId ? await lockLane(w.tx, laneId) : null;
  const cell = checkCell(locked, target.id, body.toColumnId, lane, laneId, { column: 'toColumnId', lane: 'laneId' });
  if (!cell.ok) return cell;
  const fromColumn = locked.get(current.columnId)!;
  const ranking = backlogRanking(cell.value, fromColumn, role, anchorsOf(body));
  if (!ranking.ok) return ranking;
  const done = checkDone({ fromCategory: fromColumn.category, toCategory: cell.value.category }, current, target.definitionOfDone, body.overrideReason);
  if (!done.ok) return done;

  const decision = await decideEntry(w.tx, {
    boardIds: crossBoard ? [board.id, target.id] : [board.id],
    teamId: target.teamId,
    cardId,
    toColumn: cell.value,
    toLane: lane,
    // From another board too: a card already in progress there adds nothing to its people's team-wide count.
    from: { column: fromColumn, laneId: current.laneId },
    assigneeIds: current.assigneeIds,
    person: personLimitOf(target),
    anchors: ranking.value,
    overrideReason: body.overrideReason,
  });
  if (!decision.ok) return { ok: false, refusal: decision.refusal };

  const columnChanged = cell.value.id !== current.columnId;
  const overridden = decision.overridden || done.overridden;
  const overrideReason = overridden ? body.overrideReason!.trim() : columnChanged ? null : current.overrideReason;
  // The hottest write of the product: a hand-written statement (see db/raw.ts).
  const updated = await w.tx.execute<Record<string, unknown>>(sql`
    UPDATE cards c SET
      board_id = ${target.id}, column_id = ${cell.value.id}, lane_id = ${laneId}, rank = ${decision.rank},
      override_reason = ${overrideReason}, version = c.version + 1, updated_at = ${w.now},
      column_entered_at = ${columnChanged ? w.now : current.columnEnteredAt}
    WHERE c.id = ${cardId}
    RETURNING ${CARD_COLUMNS}
  `);
  const row = unprefix<CardRow>(updated.rows[0]!, 'c.');
  const card = toCard(row);
  if (crossBoard) {
    w.emitBoard(board.id, board.teamId, [{ type: 'card.moved_out', subjectId: cardId, payload: { cardId, toBoardId: target.id } }]);
    const [interrupt] = await w.tx.select().from(interrupts).where(eq(interrupts.cardId, cardId));
    w.emitBoard(target.id, target.teamId, [
      {
        type: 'card.moved_in',
        subjectId: cardId,
        payload: { card, fromBoardId: board.id, overrideReason: overridden ? overrideReason : null, interrupt: interrupt ? toInterrupt(interrupt) : null },
      },
    ]);
  } else {
    w.emitBoard(board.id, board.teamId, [
      {
        type: 'card.moved',
        subjectId: cardId,
        payload: {
          card,
          from: { columnId: current.columnId, laneId: current.laneId, rank: current.rank },
          to: { columnId: card.columnId, laneId: card.laneId, rank: card.rank },
          overrideReason: overridden ? overrideReason : null,
        },
      },
    ]);
  }
  if (columnChanged && cell.value.category === 'done') {
    await notifyWatchers(w.tx, { cardId, kind: 'card_done', actorId: w.actor.userId, title: `#${card.number} ${card.title} is done`, body: `Moved to ${cell.value.name}` }, w.now);
  }
  await maybeRebalance(w, decision, cell.value.id, target.id, target.teamId);
  return ok(decision.rebalance ? toCard(await reloadCard(w.tx, cardId)) : card);
}

/**
 * The PO ranks the backlog: others may put a card into it (at the bottom, as a
 * proposal) but not choose its place or reorder it.
 */
function backlogRanking(to: ColumnRow, from: ColumnRow | null, role: Role | null, anchors: Anchors): Result<Anchors> {
  if (to.category !== 'backlog' || can(role, 'plan')) return ok(anchors);
  if (from?.id === to.id) return refuse('forbidden', 'Only the product owner (po or admin) reorders the backlog; you can propose cards by adding them.', { permission: 'plan' });
  return ok({});
}

export async function archiveCard(deps: ServiceDeps, auth: AuthInfo, cardId: string, version: number | undefined, o: Opts): Promise<Result<Card>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = writable(await lockCard(w.tx, cardId, auth.user.id));
    if (!found.ok) return found;
    const { card: current, board } = found.value;
    if (version !== undefined && version !== current.version) return versionConflict(current);
    if (current.archivedAt) return ok(toCard(current));
    const [row] = await w.tx
      .update(cards)
      .set({ archivedAt: w.now, version: sql`${cards.version} + 1`, updatedAt: w.now })
      .where(eq(cards.id, cardId))
      .returning();
    const card = toCard(row!);
    w.emitBoard(board.id, board.teamId, [{ type: 'card.archived', subjectId: cardId, payload: { card } }]);
    return ok(card);
  });
}

export async function restoreCard(deps: ServiceDeps, auth: AuthInfo, cardId: string, body: RestoreCardBody, o: Opts): Promise<Result<Card>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = writable(await lockCard(w.tx, cardId, auth.user.id));
    if (!found.ok) return found;
    const { card: current, board } = found.value;
    if (!current.archivedAt) return ok(toCard(current));
    let columnId = body.columnId ?? current.columnId;
    if (body.columnId === undefined) {
      const [original] = await w.tx.select({ archivedAt: columns.archivedAt }).from(columns).where(eq(columns.id, columnId));
      if (!original || original.archivedAt) {
        const first = await targetColumn(w.tx, board.id, undefined, 'columnId');
        if (!first.ok) return first;
        columnId = first.value;
      }
    }
    const locked = await lockColumns(w.tx, [columnId]);
    const lane = current.laneId ? await lockLane(w.tx, current.laneId) : null;
    const laneId = lane && !lane.archivedAt ? lane.id : null;
    const cell = checkCell(locked, board.id, columnId, laneId ? lane : null, laneId, { column: 'columnId', lane: 'laneId' });
    if (!cell.ok) return cell;
    const done = checkDone({ fromCategory: null, toCategory: cell.value.category }, current, board.definitionOfDone, body.overrideReason);
    if (!done.ok) return done;
    const decision = await decideEntry(w.tx, {
      boardIds: [board.id],
      teamId: board.teamId,
      cardId,
      toColumn: cell.value,
      toLane: laneId ? lane : null,
      from: null,
      assigneeIds: current.assigneeIds,
      person: personLimitOf(board),
      anchors: {},
      overrideReason: body.overrideReason,
    });
    if (!decision.ok) return { ok: false, refusal: decision.refusal };
    const overrideReason = decision.overridden || done.overridden ? body.overrideReason!.trim() : null;
    const [row] = await w.tx
      .update(cards)
      .set({
        archivedAt: null,
        columnId,
        laneId,
        rank: decision.rank,
        overrideReason,
        columnEnteredAt: w.now,
        version: sql`${cards.version} + 1`,
        updatedAt: w.now,
      })
      .where(eq(cards.id, cardId))
      .returning();
    const card = toCard(row!);
    w.emitBoard(board.id, board.teamId, [{ type: 'card.restored', subjectId: cardId, payload: { card, overrideReason } }]);
    await maybeRebalance(w, decision, columnId, board.id, board.teamId);
    return ok(decision.rebalance ? toCard(await reloadCard(w.tx, cardId)) : card);
  });
}
