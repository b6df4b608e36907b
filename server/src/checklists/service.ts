/**
 * Checklists on cards and the board's Definition of Done. Every change is a
 * `card.updated` (or `board.updated`) event carrying the whole card (board),
 * so open boards fold it like any other edit and tiles show progress live.
 */
import { eq, sql } from 'drizzle-orm';
import {
  CHECKLIST_MAX_ITEMS,
  insertItem,
  moveItem,
  type AddChecklistItemBody,
  type Board,
  type Card,
  type ChecklistItem,
  type SetDodBody,
  type UpdateChecklistItemBody,
} from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { toBoard, toCard, type BoardRow, type CardRow } from '../boards/mappers.js';
import { boardFor } from '../boards/service.js';
import { lockCard, writable } from '../cards/service.js';
import type { ServiceDeps } from '../context.js';
import { boards, cards } from '../db/schema.js';
import { diff } from '../events/changes.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, notFound, ok, refuse, type Result } from '../http/result.js';

type Opts = IdempotencyOption;

/** Locks a live card the caller may edit and hands it to `change`, which returns the new checklist and DoD ticks. */
async function editCard(
  deps: ServiceDeps,
  auth: AuthInfo,
  cardId: string,
  o: Opts,
  change: (card: CardRow, board: BoardRow) => Result<{ checklist: ChecklistItem[]; dodChecked: string[] }>,
): Promise<Result<Card>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = writable(await lockCard(w.tx, cardId, auth.user.id));
    if (!found.ok) return found;
    const { card, board } = found.value;
    if (card.archivedAt) return refuse('conflict', 'The card is archived; restore it first.');
    const next = change(card, board);
    if (!next.ok) return next;
    return write(w, board, card, next.value);
  });
}

async function write(w: WriteContext, board: BoardRow, current: CardRow, next: { checklist: ChecklistItem[]; dodChecked: string[] }): Promise<Result<Card>> {
  const before = toCard(current);
  const changes = diff(before, { ...before, ...next }, ['checklist', 'dodChecked']);
  if (Object.keys(changes).length === 0) return ok(before);
  const [row] = await w.tx
    .update(cards)
    .set({ checklist: next.checklist, dodChecked: next.dodChecked, version: sql`${cards.version} + 1`, updatedAt: w.now })
    .where(eq(cards.id, current.id))
    .returning();
  const card = toCard(row!);
  w.emitBoard(board.id, board.teamId, [{ type: 'card.updated', subjectId: card.id, payload: { card, changes } }]);
  return ok(card);
}

function itemIndex(card: CardRow, itemId: string): Result<number> {
  const i = card.checklist.findIndex((item) => item.id === itemId);
  return i < 0 ? notFound('Checklist item') : ok(i);
}

export function addItem(deps: ServiceDeps, auth: AuthInfo, cardId: string, body: AddChecklistItemBody, o: Opts): Promise<Result<Card>> {
  const id = deps.newId();
  return editCard(deps, auth, cardId, o, (card) => {
    const text = body.text.trim();
    if (text === '') return invalidField('text', 'must not be blank');
    if (card.checklist.length >= CHECKLIST_MAX_ITEMS) return invalidField('text', `a checklist holds at most ${CHECKLIST_MAX_ITEMS} items`);
    return ok({ checklist: insertItem(card.checklist, { id, text, done: false }, body.position), dodChecked: card.dodChecked });
  });
}

export function updateItem(deps: ServiceDeps, auth: AuthInfo, cardId: string, itemId: string, body: UpdateChecklistItemBody, o: Opts): Promise<Result<Card>> {
  return editCard(deps, auth, cardId, o, (card) => {
    const i = itemIndex(card, itemId);
    if (!i.ok) return i;
    const text = body.text?.trim();
    if (text === '') return invalidField('text', 'must not be blank');
    const old = card.checklist[i.value]!;
    const edited = { ...old, ...(text !== undefined && { text }), ...(body.done !== undefined && { done: body.done }) };
    let list = card.checklist.map((item) => (item.id === itemId ? edited : item));
    if (body.position !== undefined) list = moveItem(list, itemId, body.position);
    return ok({ checklist: list, dodChecked: card.dodChecked });
  });
}

export function removeItem(deps: ServiceDeps, auth: AuthInfo, cardId: string, itemId: string, o: Opts): Promise<Result<Card>> {
  return editCard(deps, auth, cardId, o, (card) => {
    const i = itemIndex(card, itemId);
    if (!i.ok) return i;
    return ok({ checklist: card.checklist.filter((item) => item.id !== itemId), dodChecked: card.dodChecked });
  });
}

/** Ticks (or unticks) one criterion of the board's Definition of Done on a card. */
export function tickDod(deps: ServiceDeps, auth: AuthInfo, cardId: string, criterionId: string, done: boolean, o: Opts): Promise<Result<Card>> {
  return editCard(deps, auth, cardId, o, (card, board) => {
    if (!board.definitionOfDone.some((c) => c.id === criterionId)) return notFound('Definition of Done criterion');
    const others = card.dodChecked.filter((id) => id !== criterionId);
    return ok({ checklist: card.checklist, dodChecked: done ? [...others, criterionId] : others });
  });
}

/** Sets a board's whole Definition of Done (admin, po). Criteria sent with their id keep what cards ticked for them. */
export async function setDod(deps: ServiceDeps, auth: AuthInfo, boardId: string, body: SetDodBody, o: Opts): Promise<Result<Board>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await boardFor(w.tx, boardId, auth.user.id, 'configure', true);
    if (!found.ok) return found;
    const before = found.value;
    const known = new Set(before.definitionOfDone.map((c) => c.id));
    const seen = new Set<string>();
    const criteria = [];
    for (const [i, c] of body.criteria.entries()) {
      const text = c.text.trim();
      if (text === '') return invalidField(`criteria[${i}].text`, 'must not be blank');
      if (c.id !== undefined && !known.has(c.id)) return invalidField(`criteria[${i}].id`, 'is not a criterion of this board (leave it out for a new one)');
      const id = c.id ?? deps.newId();
      if (seen.has(id)) return invalidField(`criteria[${i}].id`, 'is listed twice');
      seen.add(id);
      criteria.push({ id, text });
    }
    const [after] = await w.tx.update(boards).set({ definitionOfDone: criteria }).where(eq(boards.id, boardId)).returning();
    const board = toBoard(after!);
    const changes = diff(toBoard(before), board, ['definitionOfDone']);
    if (Object.keys(changes).length > 0) {
      w.emitBoard(boardId, board.teamId, [{ type: 'board.updated', subjectId: boardId, payload: { board, changes } }]);
      w.emitTeam(board.teamId, [{ type: 'board.changed', subjectId: boardId, payload: { board, changes } }]);
    }
    return ok(board);
  });
}
