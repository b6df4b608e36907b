/**
 * What dropping a card on the other side of the planning screen would do,
 * known before the drop, as the server decides it: pulling a backlog card in
 * moves it to its board's first to-do column (with "Planned into …" as the
 * reason, so only a hard limit refuses it); taking a to-do card out puts it
 * back on top of the backlog (no reason can be given there, so any limit
 * refuses). Capacity never refuses, but going over it is worth a word.
 */
import { byRank, type BoardState, type Card, type Column, type ColumnCategory } from '@opsboard/shared';
import { DROP_OK, shortWords, type DropVerdict } from '../../board/model/drop-verdict';
import { predictEntry } from '../../board/model/wip';

export interface PlanDropInput {
  card: Card;
  to: 'backlog' | 'iteration';
  /** The card's board as this page knows it; without it the server decides alone. */
  state: BoardState | undefined;
  iterationName: string;
  /** Points left before capacity (may be negative). */
  room: number;
  names(userId: string): string;
}

function firstColumn(state: BoardState, category: ColumnCategory): Column | null {
  return [...state.columns.values()].filter((c) => c.archivedAt === null && c.category === category).sort(byRank)[0] ?? null;
}

export function planVerdict({ card, to, state, iterationName, room, names }: PlanDropInput): DropVerdict {
  const category = state?.columns.get(card.columnId)?.category;
  const laneId = card.laneId !== null && state?.lanes.has(card.laneId) ? card.laneId : null;
  if (to === 'iteration') {
    const todo = state && category === 'backlog' ? firstColumn(state, 'todo') : null;
    if (state && todo) {
      const entry = predictEntry(state, card, todo.id, laneId, names, undefined, `Planned into ${iterationName}`);
      if (!entry.ok) return { kind: 'refused', message: entry.refusal.message, short: shortWords(entry.refusal) };
    }
    const points = card.points ?? 0;
    if (points > 0 && points > room) return { kind: 'ok', note: `${points - room} pts over capacity with this card`, bottom: false };
    return DROP_OK;
  }
  const backlog = state && category === 'todo' ? firstColumn(state, 'backlog') : null;
  if (state && backlog) {
    const entry = predictEntry(state, card, backlog.id, laneId, names);
    if (!entry.ok) return { kind: 'refused', message: entry.refusal.message, short: shortWords(entry.refusal) };
  }
  return DROP_OK;
}
