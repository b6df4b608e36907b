/**
 * Follows the pointer during a drag, once per frame: re-aims the drop target
 * (the lists may scroll under a still pointer) and scrolls the list or the
 * board when the pointer rests near an edge.
 */
const EDGE = 64;
const MAX_SPEED = 22;

function speed(distanceToEdge: number): number {
  return distanceToEdge >= EDGE ? 0 : Math.ceil(((EDGE - distanceToEdge) / EDGE) * MAX_SPEED);
}

export interface TrackerDeps {
  /** The board's horizontal scroller. */
  board: () => HTMLElement | null;
  /** The scrolling list under the point, if any. */
  listAt: (x: number, y: number) => HTMLElement | null;
  onFrame: (x: number, y: number) => void;
}

export function trackPointer(start: { x: number; y: number }, deps: TrackerDeps): () => void {
  let { x, y } = start;
  const move = (event: PointerEvent) => {
    x = event.clientX;
    y = event.clientY;
  };
  // A finger's drag is followed through touch events too: the browser may stop sending pointer events for a touch.
  const touch = (event: TouchEvent) => {
    const t = event.touches[0];
    if (!t) return;
    x = t.clientX;
    y = t.clientY;
  };
  window.addEventListener('pointermove', move, { passive: true });
  window.addEventListener('touchmove', touch, { passive: true });
  let frame = requestAnimationFrame(function tick() {
    const list = deps.listAt(x, y);
    if (list) {
      const r = list.getBoundingClientRect();
      const dy = speed(y - r.top) > 0 ? -speed(y - r.top) : speed(r.bottom - y);
      if (dy !== 0) list.scrollTop += dy;
    }
    const board = deps.board();
    if (board) {
      const r = board.getBoundingClientRect();
      const dx = speed(x - r.left) > 0 ? -speed(x - r.left) : speed(r.right - x);
      if (dx !== 0) board.scrollLeft += dx;
    }
    deps.onFrame(x, y);
    frame = requestAnimationFrame(tick);
  });
  return () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('touchmove', touch);
    cancelAnimationFrame(frame);
  };
}
