/**
 * The two ways a guest acts on the team's boards without seeing them:
 * proposing a story into the planned or SS&A backlog (at the bottom, like a
 * member's proposal), and moving a feature card they are paired on between
 * its board's columns. Both go through the same guarded placement path as
 * every other card, so WIP limits and ranks hold.
 */
import type { IdempotencyOption } from '../http/idempotency.js';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { MyRequest, MyWorkItem, ProposeBody, WorkMoveBody } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { firstColumn } from '../boards/columns.js';
import { insertCard, moveLocked } from '../cards/service.js';
import type { ServiceDeps } from '../context.js';
import { boards, cards, columns, teamMembers } from '../db/schema.js';
import { mutate } from '../events/unit-of-work.js';
import { invalidField, ok, refuse, type Result } from '../http/result.js';
import { decide, requireTeam } from '../auth/access.js';
import { requestsOf, workOf } from './queries.js';

type Opts = IdempotencyOption;

const BOARD_WORDS = { planned: 'planned work', selfservice: 'self-service & automation' } as const;

/** A story proposed into the backlog of the team's planned or SS&A board; the PO ranks it from the bottom. */
export async function propose(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: ProposeBody, o: Opts): Promise<Result<MyRequest>> {
  const title = body.title.trim();
  if (title === '') return invalidField('title', 'must not be blank');
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'propose');
    if (!access.ok) return access;
    const [board] = await w.tx
      .select()
      .from(boards)
      .where(and(eq(boards.teamId, teamId), eq(boards.kind, body.boardKind), isNull(boards.archivedAt)))
      .orderBy(asc(boards.rank), asc(boards.id))
      .limit(1);
    if (!board) return invalidField('boardKind', `the team has no ${BOARD_WORDS[body.boardKind]} board`);
    const backlog = await firstColumn(w.tx, board.id, 'backlog');
    if (!backlog) return refuse('conflict', `The ${board.name} board has no backlog column to propose into; ask the team's product owner.`);
    const cardId = deps.newId();
    const created = await insertCard(
      w,
      cardId,
      board,
      {
        title,
        description: body.description ?? '',
        type: 'story',
        columnId: backlog.id,
        // Like intake, a proposal never waits on a warn-policy backlog: the reason is recorded like any override.
        overrideReason: `Proposed by ${auth.user.name}`,
      },
      auth.user.id,
      access.value,
    );
    if (!created.ok) return created;
    const [request] = await requestsOf(w.tx, teamId, auth.user.id, [cardId]);
    return ok(request!);
  });
}

/**
 * Moves a feature card the caller is assigned to into another column of its
 * board (not the backlog, which only the PO ranks). A card the caller does
 * not hold does not exist for them.
 */
export async function moveWork(deps: ServiceDeps, auth: AuthInfo, teamId: string, cardId: string, body: WorkMoveBody, o: Opts): Promise<Result<MyWorkItem>> {
  const userId = auth.user.id;
  return mutate(deps, { actor: { userId }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const [row] = await w.tx
      .select({ card: cards, board: boards, role: teamMembers.role })
      .from(cards)
      .innerJoin(boards, eq(boards.id, cards.boardId))
      .leftJoin(teamMembers, and(eq(teamMembers.teamId, cards.teamId), eq(teamMembers.userId, userId)))
      .where(and(eq(cards.id, cardId), eq(cards.teamId, teamId)))
      .for('update', { of: [cards] });
    const access = decide(row?.role ?? null, 'work', 'Card');
    if (!access.ok) return access;
    const { card, board } = row!;
    if (!card.assigneeIds.includes(userId) || card.featureId === null || card.archivedAt !== null) {
      return refuse('not_found', 'Card not found among the feature cards you are assigned to.');
    }
    if (board.archivedAt) return refuse('conflict', 'The board is archived; ask the team to restore it.');
    if (body.version !== undefined && body.version !== card.version) {
      return refuse('version_conflict', `The card changed since you loaded it (now version ${card.version}); look again and move it.`, { version: card.version });
    }
    const [target] = await w.tx.select({ boardId: columns.boardId, category: columns.category }).from(columns).where(eq(columns.id, body.toColumnId));
    if (!target || target.boardId !== board.id) return invalidField('toColumnId', "is not a column of this card's board");
    if (target.category === 'backlog') return invalidField('toColumnId', 'is the backlog, which only the product owner ranks');
    if (body.toColumnId !== card.columnId) {
      const moved = await moveLocked(w, card, board, { toColumnId: body.toColumnId, ...(body.overrideReason !== undefined && { overrideReason: body.overrideReason }) }, access.value);
      if (!moved.ok) return moved;
    }
    const [item] = await workOf(w.tx, teamId, userId, [cardId]);
    return ok(item!);
  });
}
