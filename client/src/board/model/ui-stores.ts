/**
 * Small external stores for state that changes many times a second while a
 * person drags or moves focus. Components read them through selectors, so a
 * change re-renders only the cells and tiles it concerns, never the board.
 */
import { useSyncExternalStore } from 'react';
import type { DropKind, DropVerdict } from './drop-verdict';
import type { DropTarget } from './placement';
import { cellKey } from './layout';

class Emitter {
  private readonly listeners = new Set<() => void>();
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  protected emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export interface ActiveDrag {
  cardId: string;
  mode: 'pointer' | 'keyboard';
  origin: DropTarget;
}

export class DragState extends Emitter {
  active: ActiveDrag | null = null;
  target: DropTarget | null = null;
  /** What a drop on `target` would do. */
  verdict: DropVerdict | null = null;
  /** The verdict for any cell during this drag, asked once per cell (the board does not change under a drag's eyes often enough to matter). */
  private judge: ((columnId: string, laneId: string | null) => DropVerdict) | null = null;
  private readonly judged = new Map<string, DropVerdict>();

  start(active: ActiveDrag, judge: (columnId: string, laneId: string | null) => DropVerdict): void {
    this.active = active;
    this.judge = judge;
    this.judged.clear();
    this.target = active.origin;
    this.verdict = this.verdictFor(active.origin.columnId, active.origin.laneId);
    this.emit();
  }

  aim(target: DropTarget | null): void {
    const t = this.target;
    if (t === target || (t && target && t.columnId === target.columnId && t.laneId === target.laneId && t.index === target.index)) return;
    this.target = target;
    this.verdict = target ? this.verdictFor(target.columnId, target.laneId) : null;
    this.emit();
  }

  clear(): void {
    if (!this.active && !this.target) return;
    this.active = null;
    this.target = null;
    this.verdict = null;
    this.judge = null;
    this.judged.clear();
    this.emit();
  }

  /** Asks again (the board changed during the drag). */
  rejudge(): void {
    if (!this.active) return;
    this.judged.clear();
    const t = this.target;
    this.verdict = t ? this.verdictFor(t.columnId, t.laneId) : null;
    this.emit();
  }

  /** What a drop into this cell would do; null while nothing is dragged. */
  verdictFor(columnId: string, laneId: string | null): DropVerdict | null {
    if (!this.active || !this.judge) return null;
    const key = cellKey(columnId, laneId);
    let verdict = this.judged.get(key);
    if (!verdict) {
      verdict = this.judge(columnId, laneId);
      this.judged.set(key, verdict);
    }
    return verdict;
  }

  /** Drop index in this cell, or -1. */
  targetIndexIn(key: string): number {
    const t = this.target;
    return t && this.active && cellKey(t.columnId, t.laneId) === key ? t.index : -1;
  }
}

export class FocusState extends Emitter {
  /** The tile that takes Tab (roving tabindex); null = the first card on the board. */
  current: string | null = null;
  fallback: string | null = null;
  /** Bumped when focus should move to `current` (keyboard navigation), not merely follow a click. */
  request = 0;

  setFallback(id: string | null): void {
    if (id === this.fallback) return;
    this.fallback = id;
    this.emit();
  }

  follow(id: string): void {
    if (this.current === id) return;
    this.current = id;
    this.emit();
  }

  moveTo(id: string): void {
    this.current = id;
    this.request += 1;
    this.emit();
  }

  tabbable(id: string): boolean {
    return (this.current ?? this.fallback) === id;
  }
}

export function useDragTargetIndex(drag: DragState, key: string): number {
  return useSyncExternalStore(drag.subscribe, () => drag.targetIndexIn(key));
}

export function useActiveDrag(drag: DragState): ActiveDrag | null {
  return useSyncExternalStore(drag.subscribe, () => drag.active);
}

export function useIsDragging(drag: DragState, cardId: string): ActiveDrag['mode'] | null {
  return useSyncExternalStore(drag.subscribe, () => (drag.active?.cardId === cardId ? drag.active.mode : null));
}

/** What dropping into the column would do, while it is the drag's target (null otherwise). */
export function useDragTargetColumn(drag: DragState, columnId: string): DropKind | null {
  return useSyncExternalStore(drag.subscribe, () => (drag.active !== null && drag.target?.columnId === columnId ? (drag.verdict?.kind ?? 'ok') : null));
}

/** What dropping into this cell would do, during any drag (so refused cells show before the pointer gets there). */
export function useCellDropKind(drag: DragState, columnId: string, laneId: string | null): DropKind | null {
  return useSyncExternalStore(drag.subscribe, () => drag.verdictFor(columnId, laneId)?.kind ?? null);
}

/** The verdict of the current target, for the words on the insertion line. */
export function useDragVerdict(drag: DragState): DropVerdict | null {
  return useSyncExternalStore(drag.subscribe, () => drag.verdict);
}

export function useTabbable(focus: FocusState, cardId: string): boolean {
  return useSyncExternalStore(focus.subscribe, () => focus.tabbable(cardId));
}

export function useFocusRequest(focus: FocusState, cardId: string): number {
  return useSyncExternalStore(focus.subscribe, () => (focus.current === cardId ? focus.request : 0));
}
