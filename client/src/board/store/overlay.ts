/**
 * Folds unconfirmed changes over the confirmed board, in the order they were
 * made. Each op is re-applied to the latest confirmed state, so a change by
 * someone else and a pending change of ours both show (ours wins on screen
 * until the server decides).
 */
import { byRank, rankBetween, type BoardState, type Card } from '@opsboard/shared';
import { isReflected, type CreateOp, type MoveOp, type PendingOp } from './ops';

export interface Overlaid {
  view: BoardState;
  /** Ops whose effect the confirmed state already holds; the outbox can forget them. */
  reflected: string[];
  /** Card ids with an unconfirmed change, for a "saving…" mark on their tiles. */
  unsynced: ReadonlySet<string>;
}

export function overlay(confirmed: BoardState, ops: readonly PendingOp[], seenKeys: ReadonlySet<string>): Overlaid {
  const reflected: string[] = [];
  const unsynced = new Set<string>();
  let cards: Map<string, Card> | null = null;
  for (const op of ops) {
    if (op.boardId !== confirmed.board.id) continue;
    if (isReflected(op, confirmed.cards, seenKeys)) {
      reflected.push(op.key);
      continue;
    }
    cards ??= new Map(confirmed.cards);
    if (applyOp(cards, confirmed, op)) unsynced.add(op.kind === 'create' ? op.tempId : op.cardId);
  }
  return { view: cards ? { ...confirmed, cards } : confirmed, reflected, unsynced };
}

function applyOp(cards: Map<string, Card>, confirmed: BoardState, op: PendingOp): boolean {
  switch (op.kind) {
    case 'move':
      return applyMove(cards, confirmed, op);
    case 'update': {
      const card = cards.get(op.cardId);
      if (!card) return false;
      const { blocked, blockedReason, ...rest } = op.changes;
      const next: Card = { ...card, ...stripUndefined(rest) };
      if (blocked !== undefined) next.blocked = blocked;
      if (blockedReason !== undefined) next.blockedReason = blockedReason;
      if (!next.blocked) next.blockedReason = null;
      cards.set(card.id, next);
      return true;
    }
    case 'create':
      return applyCreate(cards, confirmed, op);
    case 'archive':
      return cards.delete(op.cardId);
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out;
}

/** Ranks of a column's live cards in order (all lanes: ranks are column-wide). */
function columnRanks(cards: ReadonlyMap<string, Card>, columnId: string, skipId: string): Card[] {
  const out: Card[] = [];
  for (const card of cards.values()) if (card.columnId === columnId && card.id !== skipId) out.push(card);
  return out.sort(byRank);
}

/** A key strictly between two neighbours, as the server would choose; never throws. */
export function localRank(before: string | null, after: string | null): string {
  try {
    return rankBetween(before, after);
  } catch {
    // Neighbours whose keys the library refuses (equal or unordered): any key that sorts
    // just after `before` keeps the card in the right place until the server's key arrives.
    return before !== null ? `${before}\u0001` : after !== null ? '' : 'a0';
  }
}

function rankNear(column: Card[], afterId: string | null, beforeId: string | null): string {
  const afterIndex = afterId === null ? -1 : column.findIndex((c) => c.id === afterId);
  if (afterIndex >= 0) return localRank(column[afterIndex]!.rank, column[afterIndex + 1]?.rank ?? null);
  const beforeIndex = beforeId === null ? -1 : column.findIndex((c) => c.id === beforeId);
  if (beforeIndex >= 0) return localRank(column[beforeIndex - 1]?.rank ?? null, column[beforeIndex]!.rank);
  return localRank(column.at(-1)?.rank ?? null, null);
}

function applyMove(cards: Map<string, Card>, confirmed: BoardState, op: MoveOp): boolean {
  const card = cards.get(op.cardId);
  if (!card || !confirmed.columns.has(op.toColumnId)) return false;
  const column = columnRanks(cards, op.toColumnId, card.id);
  const columnChanged = card.columnId !== op.toColumnId;
  cards.set(card.id, {
    ...card,
    columnId: op.toColumnId,
    laneId: op.laneId,
    rank: rankNear(column, op.afterCardId, op.beforeCardId),
    overrideReason: op.overrideReason ?? (columnChanged ? null : card.overrideReason),
    columnEnteredAt: columnChanged ? op.at : card.columnEnteredAt,
  });
  return true;
}

function applyCreate(cards: Map<string, Card>, confirmed: BoardState, op: CreateOp): boolean {
  if (!confirmed.columns.has(op.body.columnId)) return false;
  const laneId = op.body.laneId ?? null;
  const column = columnRanks(cards, op.body.columnId, op.tempId);
  const firstInCell = column.find((c) => c.laneId === laneId);
  const rank = op.body.afterCardId || op.body.beforeCardId
    ? rankNear(column, op.body.afterCardId ?? null, op.body.beforeCardId ?? null)
    : firstInCell
      ? rankNear(column, null, firstInCell.id)
      : localRank(column.at(-1)?.rank ?? null, null);
  const b = op.body;
  cards.set(op.tempId, {
    id: op.tempId,
    boardId: op.boardId,
    number: 0,
    columnId: b.columnId,
    laneId,
    rank,
    version: 0,
    title: b.title,
    description: b.description ?? '',
    type: b.type ?? 'story',
    points: b.points ?? null,
    assigneeIds: b.assigneeIds ?? [],
    featureId: b.featureId ?? null,
    iterationId: b.iterationId ?? null,
    labels: b.labels ?? [],
    priority: b.priority ?? 'none',
    blocked: b.blocked ?? false,
    blockedReason: b.blockedReason ?? null,
    dueDate: b.dueDate ?? null,
    links: b.links ?? [],
    checklist: (b.checklist ?? []).map((text, i) => ({ id: `${op.tempId}-${i}`, text, done: false })),
    dodChecked: [],
    overrideReason: b.overrideReason ?? null,
    columnEnteredAt: op.at,
    createdAt: op.at,
    updatedAt: op.at,
    createdBy: null,
    archivedAt: null,
  });
  return true;
}
