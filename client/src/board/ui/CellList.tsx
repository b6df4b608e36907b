/**
 * The cards of one cell (a column, or a column within a swimlane), in a
 * scrolling list. Long lists are virtualised: only the tiles near the view
 * exist, plus the focused and dragged ones, so a 2,000-card column scrolls
 * and drags as lightly as a short one.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore, type ReactNode, type RefObject } from 'react';
import type { Card } from '@opsboard/shared';
import { useLargeMode } from '../../ui/large-mode';
import { useCellDropKind, useDragTargetIndex } from '../model/ui-stores';
import { useBoardEnv } from './board-env';
import { CardTile } from './CardTile';
import { InsertionLine } from './InsertionLine';

/** Up to this many cards a cell renders every tile (no estimates, no jumps); more are virtualised. */
const VIRTUALISE_AFTER = 60;
const GAP = 8;

interface CellListProps {
  cellKey: string;
  columnId: string;
  laneId: string | null;
  columnName: string;
  cards: Card[];
  /** Screen-reader name of the cell, e.g. "In progress: 3 cards". */
  label: string;
  children?: ReactNode;
}

export const CellList = memo(function CellList(props: CellListProps) {
  const { cells, drag } = useBoardEnv();
  const scrollRef = useRef<HTMLDivElement>(null);
  const revealRef = useRef<(index: number) => void>(() => undefined);
  const targetIndex = useDragTargetIndex(drag, props.cellKey);
  // During a drag every cell shows whether it would take the card, before the pointer gets there.
  const dropKind = useCellDropKind(drag, props.columnId, props.laneId);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    return cells.register({ key: props.cellKey, columnId: props.columnId, laneId: props.laneId, element, reveal: (i) => revealRef.current(i) });
  }, [cells, props.cellKey, props.columnId, props.laneId]);

  const virtual = props.cards.length > VIRTUALISE_AFTER;
  return (
    <div
      ref={scrollRef}
      className={`cell${targetIndex >= 0 ? ' cell--target' : ''}${dropKind && dropKind !== 'ok' ? ` cell--${dropKind}` : ''}${props.cards.length === 0 ? ' cell--empty' : ''}`}
      // A named group around the list, so an empty column (no list items) and the quick-add form are not inside a list.
      role="group"
      aria-label={props.label}
      data-cell={props.cellKey}
      data-drop={dropKind ?? undefined}
    >
      {props.children}
      {virtual ? (
        <VirtualCards {...props} scrollRef={scrollRef} revealRef={revealRef} targetIndex={targetIndex} />
      ) : (
        <FlowCards {...props} revealRef={revealRef} targetIndex={targetIndex} />
      )}
      {props.cards.length === 0 && !props.children && targetIndex < 0 && <p className="cell__empty">No cards</p>}
    </div>
  );
});

interface ListProps extends CellListProps {
  revealRef: RefObject<(index: number) => void>;
  targetIndex: number;
}

function FlowCards({ cards, columnName, revealRef, targetIndex }: ListProps) {
  const innerRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    revealRef.current = (index) => {
      const tile = innerRef.current?.querySelectorAll<HTMLElement>('[data-tile-id]')[index];
      tile?.scrollIntoView({ block: 'nearest' });
    };
  });
  return (
    <div ref={innerRef} className="cell__cards" role={cards.length > 0 ? 'list' : undefined}>
      {cards.map((card, i) => (
        <div role="listitem" key={card.id}>
          <CardTile card={card} index={i} columnName={columnName} />
        </div>
      ))}
      {targetIndex >= 0 && <InsertionLine container={innerRef} cards={cards} index={targetIndex} gap={GAP} />}
    </div>
  );
}

function VirtualCards({ cards, columnName, scrollRef, revealRef, targetIndex }: ListProps & { scrollRef: RefObject<HTMLDivElement | null> }) {
  const { focus, drag } = useBoardEnv();
  const large = useLargeMode();
  const innerRef = useRef<HTMLDivElement>(null);
  // Indices that must stay rendered even when scrolled away: the focused tile and the one being dragged.
  const focused = useSyncExternalStore(focus.subscribe, () => focus.current);
  const active = useSyncExternalStore(drag.subscribe, () => drag.active?.cardId ?? null);
  const pinned = useMemo(() => {
    // The cards on both sides of the drop slot stay too, so the insertion line has something to sit between.
    const others = active ? cards.filter((c) => c.id !== active) : cards;
    const around = targetIndex >= 0 ? [others[targetIndex - 1]?.id ?? null, others[targetIndex]?.id ?? null] : [];
    return [focused, active, ...around].map((id) => (id === null ? -1 : cards.findIndex((c) => c.id === id))).filter((i) => i >= 0);
  }, [cards, focused, active, targetIndex]);

  // The React Compiler is not used here; the virtualizer's functions are meant to be read on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (large ? 170 : 112),
    getItemKey: (i) => cards[i]!.id,
    overscan: 6,
    gap: GAP,
    rangeExtractor: (range) => {
      const out = new Set<number>();
      for (let i = Math.max(0, range.startIndex - range.overscan); i <= Math.min(range.count - 1, range.endIndex + range.overscan); i++) out.add(i);
      for (const i of pinned) if (i < range.count) out.add(i);
      return [...out].sort((a, b) => a - b);
    },
  });

  useLayoutEffect(() => {
    revealRef.current = (index) => virtualizer.scrollToIndex(index, { align: 'auto' });
  });

  return (
    <div ref={innerRef} className="cell__cards cell__cards--virtual" role="list" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const card = cards[item.index]!;
        return (
          <div role="listitem" key={item.key} aria-setsize={cards.length} aria-posinset={item.index + 1}>
            <CardTile card={card} index={item.index} columnName={columnName} measureRef={virtualizer.measureElement} style={{ position: 'absolute', top: item.start, left: 0, right: 0 }} />
          </div>
        );
      })}
      {targetIndex >= 0 && <InsertionLine container={innerRef} cards={cards} index={targetIndex} gap={GAP} />}
    </div>
  );
}
