/**
 * Drag and drop between the backlog and the iteration. A row drags by its
 * whole body: the mouse after a 6 px dead zone (so clicks on its title, Add
 * and Remove still work), touch after a long press (so a swipe still
 * scrolls). Nothing on the page gets selected while dragging. The keyboard
 * uses the row's grip button (space picks up, space drops, escape cancels),
 * and the arrow keys choose the side — right for the iteration, left for the
 * backlog — as the board does it: nothing moves on screen, the target zone
 * lights up and the choice is spoken. A side that would refuse the card (see
 * plan-verdict.ts) shows and says so while the card is picked up; dropping
 * there changes nothing.
 */
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Card } from '@opsboard/shared';
import { DROP_OK, verdictWords, type DropVerdict } from '../../board/model/drop-verdict';
import { announce } from '../../ui/announcer';
import { showToast } from '../../ui/toasts';
import { GripIcon } from '../ui/Grip';
import { PlanCard, type PlanCardProps, type RowDrag } from '../ui/PlanCard';

export type Zone = 'backlog' | 'iteration';

interface DragInfo {
  card: Card;
  from: Zone;
  mode: 'pointer' | 'keyboard';
  /** What a drop on the other side would do. */
  verdict: DropVerdict;
}

interface PlanDndState {
  drag: DragInfo | null;
  /** The zone the keyboard points at while a card is picked up with it. */
  keyboardTarget: Zone | null;
  /** Aims a keyboard drag at a zone from the focused handle. */
  steer(zone: Zone): void;
  /** Ends a keyboard drag from the focused handle: drop (space, enter) or cancel (escape). */
  finish(commit: boolean): void;
}

const Ctx = createContext<PlanDndState>({ drag: null, keyboardTarget: null, steer: () => undefined, finish: () => undefined });

/** Arrow keys the handle already acted on: dnd-kit's own listener (added a tick after pick-up) must not act again. */
const steered = new WeakSet<Event>();

function zoneForKey(code: string): Zone | null {
  return code === 'ArrowRight' ? 'iteration' : code === 'ArrowLeft' ? 'backlog' : null;
}

export const PLAN_DRAG_HELP = 'To drag with the keyboard, press space to pick the card up, the right arrow for the iteration or the left arrow for the backlog, then space to drop it, or escape to cancel.';

// Spoken words come from here (announce) rather than dnd-kit's defaults, which only know ids.
const SILENT: Announcements = { onDragStart: () => undefined, onDragOver: () => undefined, onDragEnd: () => undefined, onDragCancel: () => undefined };

interface Props {
  iterationName: string;
  enabled: boolean;
  /** A card was dropped on the other side. */
  onDrop(card: Card, to: Zone): void;
  /** What a drop on the other side would do; anything goes when left out. */
  judge?(card: Card, to: Zone): DropVerdict;
  /** The row drawn under the pointer while dragging. */
  renderOverlay(card: Card): ReactNode;
  children: ReactNode;
}

export function PlanDnd({ iterationName, enabled, onDrop, judge, renderOverlay, children }: Props) {
  const [state, setState] = useState<{ drag: DragInfo | null; keyboardTarget: Zone | null }>({ drag: null, keyboardTarget: null });
  // The drag in progress, read by the end handlers. A ref, because the handle and dnd-kit may both see
  // the same key press before React renders: whichever comes first ends the drag, the other finds nothing.
  const current = useRef<DragInfo | null>(null);
  const target = useRef<Zone | null>(null);
  const where = (zone: Zone) => (zone === 'iteration' ? iterationName : 'the backlog');
  const steer = (zone: Zone) => {
    target.current = zone;
    setState((s) => ({ ...s, keyboardTarget: zone }));
    const drag = current.current;
    if (drag && zone !== drag.from && drag.verdict.kind === 'refused') announce(`Over ${where(zone)}. ${verdictWords(drag.verdict)}`);
    else announce(`Over ${where(zone)}. ${drag && zone !== drag.from ? `${verdictWords(drag.verdict) ?? ''} ` : ''}Press space to drop it there.`);
  };
  const end = (commit: boolean, pointerOver: Zone | null) => {
    const drag = current.current;
    current.current = null;
    setState({ drag: null, keyboardTarget: null });
    if (!drag) return;
    if (!commit) {
      announce(`Cancelled. '${drag.card.title}' stays in ${where(drag.from)}.`);
      return;
    }
    const to = drag.mode === 'keyboard' ? target.current : pointerOver;
    if (to === null || to === drag.from) {
      announce(`'${drag.card.title}' stays in ${where(drag.from)}.`);
      return;
    }
    if (drag.verdict.kind === 'refused') {
      showToast({ tone: 'error', title: `Couldn't move '${drag.card.title}'`, message: `${drag.verdict.message} It stays in ${where(drag.from)}.` });
      announce(`'${drag.card.title}' stays in ${where(drag.from)}: ${drag.verdict.message}`);
      return;
    }
    onDrop(drag.card, to);
  };
  const ctx: PlanDndState = { ...state, steer, finish: (commit) => end(commit, null) };

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      keyboardCodes: { start: ['Space', 'Enter'], cancel: ['Escape'], end: ['Space', 'Enter'] },
      // Nothing moves on screen: the arrow keys only choose the zone (see DragHandle, which usually gets there first).
      coordinateGetter: (event) => {
        const next = zoneForKey(event.code);
        if (next === null || steered.has(event)) return undefined;
        event.preventDefault();
        steer(next);
        return undefined;
      },
    }),
  );

  const pointerDragging = state.drag?.mode === 'pointer';
  useEffect(() => {
    if (!pointerDragging) return;
    // While a row is dragged: no text selection anywhere, and the click that ends the drag
    // (on the row's own title link, say) neither navigates nor reaches React.
    const root = document.documentElement;
    root.classList.add('plan-dragging');
    const swallow = (event: MouseEvent) => {
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('click', swallow, true);
    return () => {
      root.classList.remove('plan-dragging');
      window.setTimeout(() => window.removeEventListener('click', swallow, true), 100);
    };
  }, [pointerDragging]);

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const data = active.data.current;
    if (!isDragData(data)) return;
    const mode = activatorEvent instanceof KeyboardEvent ? 'keyboard' : 'pointer';
    target.current = data.from;
    const verdict = judge?.(data.card, data.from === 'backlog' ? 'iteration' : 'backlog') ?? DROP_OK;
    current.current = { card: data.card, from: data.from, mode, verdict };
    setState({ drag: current.current, keyboardTarget: mode === 'keyboard' ? data.from : null });
    const hint = data.from === 'backlog' ? 'Right arrow: into the iteration.' : 'Left arrow: back to the backlog.';
    announce(`Picked up '${data.card.title}' in ${where(data.from)}. ${mode === 'keyboard' ? `${hint} Space drops, escape cancels.` : ''}`);
  };

  // dnd-kit leaves out its end event when nothing was measured yet (a quick keyboard drop); the handle covers that case.
  const onDragEnd = ({ over }: DragEndEvent) => end(true, isZone(over?.id) ? over.id : null);
  const onDragCancel = () => end(false, null);

  if (!enabled) return <Ctx value={ctx}>{children}</Ctx>;
  return (
    <Ctx value={ctx}>
      <DndContext
        sensors={sensors}
        collisionDetection={pointerWithin}
        accessibility={{ announcements: SILENT, screenReaderInstructions: { draggable: PLAN_DRAG_HELP } }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
      >
        {children}
        <DragOverlay dropAnimation={null} zIndex={50}>
          {state.drag?.mode === 'pointer' ? <div className="plan-card-overlay">{renderOverlay(state.drag.card)}</div> : null}
        </DragOverlay>
      </DndContext>
    </Ctx>
  );
}

function isZone(value: unknown): value is Zone {
  return value === 'backlog' || value === 'iteration';
}

interface DragData {
  card: Card;
  from: Zone;
}

function isDragData(value: unknown): value is DragData {
  return typeof value === 'object' && value !== null && 'card' in value && 'from' in value && isZone(value.from);
}

/** Whether a zone is where the card being dragged would land, and what a drop there would do (while a card is dragged towards it). */
export function useZoneState(zone: Zone): { setNodeRef: (el: HTMLElement | null) => void; active: boolean; dragging: boolean; verdict: DropVerdict | null } {
  const { drag, keyboardTarget } = useContext(Ctx);
  const { setNodeRef, isOver } = useDroppable({ id: zone });
  const dragging = drag !== null && drag.from !== zone;
  const active = dragging && (drag.mode === 'keyboard' ? keyboardTarget === zone : isOver);
  return { setNodeRef, active, dragging, verdict: dragging ? drag.verdict : null };
}

/** The class names of a drop zone: dashed while it can take the card, lit when aimed at, red when it would refuse it. */
export function zoneClasses({ active, dragging, verdict }: { active: boolean; dragging: boolean; verdict: DropVerdict | null }): string {
  if (!dragging) return '';
  const refused = verdict?.kind === 'refused';
  return `${refused ? ' plan-panel--refused' : ' plan-panel--droppable'}${active ? ' plan-panel--target' : ''}`;
}

/** What a drop here would do beyond the move, written in the zone while a card is dragged towards it. */
export function DropNote({ verdict }: { verdict: DropVerdict | null }) {
  if (!verdict || (verdict.kind === 'ok' && !verdict.note)) return null;
  const text = verdict.kind === 'refused' ? `Can't drop here: ${verdict.message}` : verdict.kind === 'ask' ? verdict.message : verdict.note;
  return (
    <p className={`plan-drop-note plan-drop-note--${verdict.kind}`} data-testid="plan-drop-note" aria-hidden="true">
      {text}
    </p>
  );
}

/** Where a press must not start a drag: the row's own controls (its grip excepted), which keep their clicks and typing. */
function onControl(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[data-drag-grip]')) return false;
  return target.closest('input, textarea, select, button, summary, details, label, [contenteditable="true"]') !== null;
}

/**
 * A card row that drags by its whole body (mouse and touch) and, for the keyboard, by its grip:
 * a button with the card's name, which also tells screen readers how to drag.
 */
export function DraggablePlanCard({ from, ...props }: Omit<PlanCardProps, 'handle' | 'row'> & { from: Zone }) {
  const { card } = props;
  const data: DragData = { card, from };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: `${from}:${card.id}`, data });
  const { drag, steer, finish } = useContext(Ctx);
  const picked = isDragging || drag?.card.id === card.id;
  const keyboardDrag = drag?.mode === 'keyboard' && drag.card.id === card.id;
  const row: RowDrag = {
    ref: setNodeRef,
    picked: isDragging && drag?.mode === 'pointer',
    onMouseDown: (event) => {
      if (!onControl(event.target)) listeners?.onMouseDown?.(event);
    },
    onTouchStart: (event) => {
      if (!onControl(event.target)) listeners?.onTouchStart?.(event);
    },
  };
  const handle = (
    <button
      type="button"
      ref={setActivatorNodeRef}
      className={`plan-card__grip${picked ? ' plan-card__grip--picked' : ''}`}
      {...attributes}
      onKeyDown={(event) => {
        // Steering here, on the focused handle, works from the first key press after pick-up.
        const zone = keyboardDrag ? zoneForKey(event.code) : null;
        if (zone) {
          event.preventDefault();
          steered.add(event.nativeEvent);
          steer(zone);
          return;
        }
        if (keyboardDrag && ['Space', 'Enter', 'Escape'].includes(event.code)) {
          // dnd-kit's own listener still sees the key and ends its side of the drag.
          event.preventDefault();
          finish(event.code !== 'Escape');
          return;
        }
        listeners?.onKeyDown?.(event);
      }}
      aria-label={`Drag '${card.title}' ${from === 'backlog' ? 'into the iteration' : 'back to the backlog'}`}
      data-testid="plan-grip"
      data-drag-grip
    >
      <GripIcon />
    </button>
  );
  return <PlanCard {...props} handle={handle} row={row} />;
}
