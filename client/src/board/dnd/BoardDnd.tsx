/**
 * dnd-kit wiring for the board. dnd-kit supplies the gestures (mouse with a
 * small dead zone, a finger with a long-press (see sensors.ts), keyboard with space to pick up and drop, escape to cancel),
 * the accessible attributes and the card under the pointer; the drop target
 * itself is computed by DragController from the board's own model, so the
 * server gets exact neighbours and the layout never shifts while dragging.
 */
import { DndContext, DragOverlay, KeyboardSensor, useSensor, useSensors, type Announcements, type DragStartEvent } from '@dnd-kit/core';
import { useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Card } from '@opsboard/shared';
import { useDragVerdict } from '../model/ui-stores';
import { useBoardEnv } from '../ui/board-env';
import { TileBody } from '../ui/TileBody';
import { isSteered } from './steered';
import { trackPointer } from './pointer-tracker';
import { usePointerSensors } from './sensors';

const INSTRUCTIONS =
  'Press Enter to open the card, or M to move it with a menu. To drag it with the keyboard, press space to pick it up, use the arrow keys to move it (up and down within a column, left and right between columns), space to drop it, or escape to cancel.';

// Every announcement comes from DragController, which knows columns, positions and limits.
const SILENT: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};

function pointOf(event: Event): { x: number; y: number } | null {
  if (event instanceof MouseEvent) return { x: event.clientX, y: event.clientY };
  if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent) {
    const t = event.touches[0];
    return t ? { x: t.clientX, y: t.clientY } : null;
  }
  return null;
}

export function BoardDnd({ children, scrollRef }: { children: ReactNode; scrollRef: RefObject<HTMLDivElement | null> }) {
  const env = useBoardEnv();
  const { dragCtl } = env;
  const [overlay, setOverlay] = useState<{ card: Card; columnName: string; width: number } | null>(null);
  const stopTracking = useRef<(() => void) | null>(null);
  const verdict = useDragVerdict(env.drag);

  const sensors = useSensors(
    ...usePointerSensors(),
    useSensor(KeyboardSensor, {
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
      // The arrow keys steer DragController's target; no coordinates move, so nothing scrolls on its own.
      // A key the focused tile already handled (see CardTile) is not handled twice.
      coordinateGetter: (event) => {
        if (isSteered(event) || dragCtl.key(event.code)) event.preventDefault();
        return undefined;
      },
    }),
  );

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const id = String(active.id);
    const point = pointOf(activatorEvent);
    if (!dragCtl.start(id, point ? 'pointer' : 'keyboard')) return;
    const card = dragCtl.activeCard!;
    if (!point) return;
    const node = document.querySelector<HTMLElement>(`[data-tile-id="${CSS.escape(id)}"] .tile`);
    const columnName = env.model.getSnapshot()?.state.columns.get(card.columnId)?.name ?? '';
    setOverlay({ card, columnName, width: node?.getBoundingClientRect().width ?? 280 });
    stopTracking.current = trackPointer(point, {
      board: () => scrollRef.current,
      listAt: (x, y) => env.cells.hit(x, y)?.element ?? null,
      onFrame: (x, y) => dragCtl.pointerAt(x, y),
    });
  };

  const finish = (commit: boolean) => {
    stopTracking.current?.();
    stopTracking.current = null;
    setOverlay(null);
    if (!commit) {
      dragCtl.cancel();
      return;
    }
    const result = dragCtl.finish();
    if (result) void env.controller.move(result.card, result.target);
  };

  return (
    <DndContext
      sensors={sensors}
      autoScroll={false}
      accessibility={{ announcements: SILENT, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      onDragStart={onDragStart}
      onDragEnd={() => finish(true)}
      onDragCancel={() => finish(false)}
    >
      {children}
      <DragOverlay dropAnimation={null} zIndex={50}>
        {overlay && (
          <div className={`tile tile--overlay${verdict && verdict.kind !== 'ok' ? ` tile--overlay-${verdict.kind}` : ''}`} style={{ width: overlay.width }}>
            <TileBody card={overlay.card} people={env.people} features={env.features} now={env.now} columnName={overlay.columnName} unsynced={false} />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
