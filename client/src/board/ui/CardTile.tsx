import { useDraggable } from '@dnd-kit/core';
import { memo, useId, useLayoutEffect, useRef, useSyncExternalStore, type CSSProperties, type FocusEvent, type KeyboardEvent } from 'react';
import type { Card } from '@opsboard/shared';
import { Icon } from '../../ui/Icon';
import { runShortcut } from '../../ui/keyboard';
import { describeInterrupt } from '../../potw/interrupt-words';
import { useTileInterrupt } from '../../potw/TileInterrupt';
import { markSteered, replayIfMissed } from '../dnd/steered';
import { useFocusRequest, useIsDragging, useTabbable } from '../model/ui-stores';
import { cardDetails } from '../model/words';
import { personName, useBoardEnv } from './board-env';
import { TileBody } from './TileBody';

interface CardTileProps {
  card: Card;
  /** Index in the cell's list (for measuring and hit-testing). */
  index: number;
  columnName: string;
  /** Ref for list measurement (virtualised lists pass theirs). */
  measureRef?: (el: HTMLElement | null) => void;
  style?: CSSProperties;
}

export const isStandIn = (card: Card) => card.id.startsWith('new-');

/**
 * A card on the board: draggable (mouse, touch, keyboard), opens on Enter or click. Its title is the
 * focusable control, named by exactly the words it shows; the rest of the tile is its description.
 * The whole tile takes the pointer, and a click on it puts focus on the title.
 */
export const CardTile = memo(function CardTile({ card, index, columnName, measureRef, style }: CardTileProps) {
  const env = useBoardEnv();
  const { model, drag, focus, canWrite, people, features, now } = env;
  const standIn = isStandIn(card);
  const dragging = useIsDragging(drag, card.id);
  const tabbable = useTabbable(focus, card.id);
  const focusRequest = useFocusRequest(focus, card.id);
  const unsynced = useSyncExternalStore(model.subscribe, () => model.getSnapshot()?.unsynced.has(card.id) ?? false);
  const flash = useSyncExternalStore(model.subscribe, () => model.getSnapshot()?.liveChanges.get(card.id) ?? null);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef } = useDraggable({ id: card.id, disabled: !canWrite || standIn });
  const titleRef = useRef<HTMLDivElement | null>(null);
  const detailsId = useId();
  const interrupt = useTileInterrupt(card);
  const name = (id: string) => personName(people, id);
  const details = cardDetails(card, name, now, columnName) + (interrupt ? ` Interrupt: ${describeInterrupt(interrupt, now, name)}` : '');

  useLayoutEffect(() => {
    if (focusRequest === 0) return;
    // Follow the card (it moved, or arrow keys chose it), but never pull focus out of a field or dialog.
    const current = document.activeElement;
    if (current === null || current === document.body || current.classList.contains('tile__title')) titleRef.current?.focus();
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Read before dnd-kit's handler: the Space that picks a card up must not count as a key during the drag.
    const keyboardDrag = drag.active?.mode === 'keyboard' && drag.active.cardId === card.id;
    listeners?.onKeyDown?.(event);
    if (keyboardDrag && event.key.startsWith('Arrow')) {
      event.preventDefault();
      markSteered(event.nativeEvent);
      env.dragCtl.key(event.key);
      return;
    }
    if (keyboardDrag && (event.key === 'Escape' || event.key === ' ' || event.key === 'Enter')) {
      event.preventDefault();
      const active = drag.active;
      replayIfMissed(event.nativeEvent, () => drag.active === active);
      return;
    }
    if (event.defaultPrevented || drag.active) return;
    if (event.key === 'Enter' && !standIn) {
      event.preventDefault();
      env.openCard(card.id);
    } else if ((event.key === 'm' || event.key === 'M') && canWrite && !standIn) {
      // Through the shortcut guard: not as part of typing, and keys typed ahead stay out of the dialog.
      runShortcut(event.nativeEvent, () => {
        env.openMoveDialog(card);
        return 'opened';
      });
    } else if (env.navigate(card.id, event.key)) {
      event.preventDefault();
    }
  };

  const classes = ['tile', `tile--${card.type}`];
  if (card.blocked) classes.push('tile--blocked');
  if (interrupt?.status === 'untriaged') classes.push('tile--untriaged');
  if (interrupt?.severity === 'critical' && interrupt.status !== 'closed') classes.push('tile--critical');
  if (dragging === 'pointer') classes.push('tile--ghost');
  if (dragging === 'keyboard') classes.push('tile--lifted');
  if (standIn) classes.push('tile--standin');

  // A click anywhere on the tile (or a script focusing the tile) lands on its title.
  const focusTitle = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target === event.currentTarget) titleRef.current?.focus();
  };

  const title = (
    <div
      {...attributes}
      ref={(el) => {
        setActivatorNodeRef(el);
        titleRef.current = el;
      }}
      className="tile__title"
      tabIndex={tabbable ? 0 : -1}
      aria-roledescription={canWrite ? 'draggable card' : 'card'}
      aria-describedby={[detailsId, attributes['aria-describedby']].filter(Boolean).join(' ')}
      onFocus={() => focus.follow(card.id)}
    >
      {card.title}
    </div>
  );

  return (
    <div className="tile-slot" data-tile-id={card.id} data-index={index} ref={measureRef} style={style}>
      <div {...listeners} ref={setNodeRef} className={classes.join(' ')} tabIndex={-1} onFocus={focusTitle} onKeyDown={onKeyDown} onClick={() => !standIn && env.openCard(card.id)}>
        <TileBody card={card} people={people} features={features} now={now} columnName={columnName} unsynced={unsynced} title={title} />
        <span hidden id={detailsId}>
          {details}
        </span>
      </div>
      {canWrite && !standIn && (
        <button type="button" className="tile__move" tabIndex={-1} aria-label={`Move '${card.title}' to…`} title="Move to… (M)" onClick={() => env.openMoveDialog(card)}>
          <Icon name="arrowRight" />
        </button>
      )}
      {flash && <span key={flash.token} className={`tile__flash tile__flash--${flash.kind}`} aria-hidden="true" />}
    </div>
  );
});
