/**
 * Moving through a standup: where the walk is (board, card, person) and the
 * next place for each key. Index -1 on a board is its overview (no card yet).
 */
import { nextPersonIndex, type Card, type StandupFocus, type WalkStep } from '@opsboard/shared';

export type Place = Pick<StandupFocus, 'boardId' | 'cardId' | 'personId'>;

export function stepIndex(steps: readonly WalkStep[], place: Place): number {
  if (place.cardId === null) return -1;
  const exact = steps.findIndex((s) => s.cardId === place.cardId && s.personId === place.personId);
  return exact >= 0 ? exact : steps.findIndex((s) => s.cardId === place.cardId);
}

const overview = (boardId: string): Place => ({ boardId, cardId: null, personId: null });
const at = (boardId: string, step: WalkStep): Place => ({ boardId, cardId: step.cardId, personId: step.personId });

export type Move = 'next' | 'previous' | 'skip';

/**
 * The place after a key. Past the last card comes the next board's overview;
 * before the first card, the board's overview, then the previous board's.
 */
export function moveFrom(place: Place, steps: readonly WalkStep[], boardIds: readonly string[], move: Move, cards: ReadonlyMap<string, Pick<Card, 'assigneeIds'>>): Place {
  const i = stepIndex(steps, place);
  const b = boardIds.indexOf(place.boardId);
  const nextBoard = () => (b >= 0 && b + 1 < boardIds.length ? overview(boardIds[b + 1]!) : place);
  if (move === 'previous') {
    if (i > 0) return at(place.boardId, steps[i - 1]!);
    if (i === 0) return overview(place.boardId);
    return b > 0 ? overview(boardIds[b - 1]!) : place;
  }
  let target = i + 1;
  if (move === 'skip' && i >= 0) {
    if (steps[i]!.personId !== null) target = nextPersonIndex(steps, i);
    else {
      // Card by card: the next card someone else holds.
      const holders = (id: string) => (cards.get(id)?.assigneeIds ?? []).join(',');
      const current = holders(steps[i]!.cardId);
      target = i + 1;
      while (target < steps.length && holders(steps[target]!.cardId) === current) target++;
    }
  }
  return target < steps.length ? at(place.boardId, steps[target]!) : nextBoard();
}

/** Whose turn it is: the person (person by person), or the focused card's first holder. */
export function speakerAt(place: Place, cards: ReadonlyMap<string, Pick<Card, 'assigneeIds'>>): string | null {
  if (place.personId !== null) return place.personId;
  if (place.cardId === null) return null;
  return cards.get(place.cardId)?.assigneeIds[0] ?? null;
}
