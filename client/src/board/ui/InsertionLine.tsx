import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { Card } from '@opsboard/shared';
import { useBoardEnv } from './board-env';

interface Props {
  container: RefObject<HTMLDivElement | null>;
  cards: Card[];
  /** Slot among the cell's other cards (the dragged one left out). */
  index: number;
  gap: number;
}

/**
 * Where the card will land: a line between two tiles, positioned over the list
 * rather than inserted into it, so nothing shifts while a card is dragged.
 */
export function InsertionLine({ container, cards, index, gap }: Props) {
  const { drag } = useBoardEnv();
  const lineRef = useRef<HTMLDivElement>(null);
  const active = drag.active;
  const others = active ? cards.filter((c) => c.id !== active.cardId) : cards;
  const below = others[index];
  const above = others[index - 1];

  // Placed from the tiles' measured positions, written straight to the element (no extra render).
  useLayoutEffect(() => {
    const root = container.current;
    const line = lineRef.current;
    if (!root || !line) return;
    const slotOf = (id: string) => root.querySelector<HTMLElement>(`[data-tile-id="${CSS.escape(id)}"]`);
    const next = below ? slotOf(below.id) : null;
    const prev = above ? slotOf(above.id) : null;
    // Within the list's top padding at most, where the cell would clip it.
    const top = Math.max(-3, next ? next.offsetTop - gap / 2 : prev ? prev.offsetTop + prev.offsetHeight + gap / 2 : 0);
    line.style.top = `${top}px`;
    line.hidden = false;
  }, [container, below, above, gap]);

  if (!active) return null;
  return (
    <div ref={lineRef} hidden className={`insertion-line${active.mode === 'keyboard' ? ' insertion-line--keyboard' : ''}${index === 0 ? ' insertion-line--top' : ''}`} aria-hidden="true" data-testid="insertion-line">
      {active.mode === 'keyboard' && (
        <span className="insertion-line__label">
          Drop here · {index + 1} of {others.length + 1}
        </span>
      )}
    </div>
  );
}
