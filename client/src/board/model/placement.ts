/** Where a dragged card lands, said as the server wants it (its neighbours) and as a person hears it (position n of m). */
import type { Card } from '@opsboard/shared';

export interface DropTarget {
  columnId: string;
  laneId: string | null;
  /** Index among the cell's visible cards, not counting the card being moved. */
  index: number;
}

export interface Neighbours {
  afterCardId: string | null;
  beforeCardId: string | null;
}

/** The card above and the card below the drop position. */
export function neighboursAt(cell: readonly Card[], movingId: string, index: number): Neighbours {
  const others = cell.filter((c) => c.id !== movingId);
  return { afterCardId: others[index - 1]?.id ?? null, beforeCardId: others[index]?.id ?? null };
}

/** How many drop positions a cell offers for this card (its other cards + 1). */
export function slotsIn(cell: readonly Card[], movingId: string): number {
  return cell.filter((c) => c.id !== movingId).length + 1;
}

export function clampIndex(cell: readonly Card[], movingId: string, index: number): number {
  return Math.max(0, Math.min(index, slotsIn(cell, movingId) - 1));
}

/** The card's own place, as a target (for "dropped where it started" and for cancelling). */
export function originOf(card: Card, cell: readonly Card[], laneId: string | null): DropTarget {
  const index = cell.findIndex((c) => c.id === card.id);
  return { columnId: card.columnId, laneId, index: Math.max(0, index) };
}

export function sameTarget(a: DropTarget | null, b: DropTarget | null): boolean {
  return a !== null && b !== null && a.columnId === b.columnId && a.laneId === b.laneId && a.index === b.index;
}
