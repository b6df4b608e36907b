import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { Card } from '@opsboard/shared';
import type { DropVerdict } from '../model/drop-verdict';
import { useDragVerdict } from '../model/ui-stores';
import { useBoardEnv } from './board-env';
import '../../styles/drop-verdict.css';

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
 * Its label says what the drop would do when that is more than a move: refused
 * and why, a reason to give first, or where the card really goes.
 */
export function InsertionLine({ container, cards, index, gap }: Props) {
  const { drag } = useBoardEnv();
  const lineRef = useRef<HTMLDivElement>(null);
  const verdict = useDragVerdict(drag);
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
  const label = lineLabel(verdict, active.mode, index + 1, others.length + 1);
  const kind = verdict?.kind ?? 'ok';
  return (
    <div
      ref={lineRef}
      hidden
      className={`insertion-line insertion-line--${kind}${label ? ' insertion-line--labelled' : ''}${index === 0 ? ' insertion-line--top' : ''}`}
      aria-hidden="true"
      data-testid="insertion-line"
      data-drop={kind}
    >
      {label && <span className="insertion-line__label">{label}</span>}
    </div>
  );
}

/** Keyboard drags always say the slot; pointer drags only what the drop would do beyond moving. */
function lineLabel(verdict: DropVerdict | null, mode: 'pointer' | 'keyboard', position: number, of: number): string | null {
  const slot = `${position} of ${of}`;
  switch (verdict?.kind) {
    case 'refused':
      return `Can't drop here · ${verdict.short}`;
    case 'ask':
      return `Asks for a reason · ${verdict.short}`;
    case 'ok':
      if (verdict.note) return mode === 'keyboard' ? `Drop here · ${verdict.note}` : verdict.note;
  }
  return mode === 'keyboard' ? `Drop here · ${slot}` : null;
}
