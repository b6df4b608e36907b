/**
 * Arrow keys of a keyboard drag that the focused tile handled itself. dnd-kit's
 * keyboard sensor starts listening a tick after pick-up; keys pressed in that
 * tick would be lost, so the tile steers them and marks them here, and the
 * sensor skips what is marked.
 */
const steered = new WeakSet<Event>();

export function markSteered(event: Event): void {
  steered.add(event);
}

export function isSteered(event: Event): boolean {
  return steered.has(event);
}

/**
 * Escape, Space or Enter pressed in that first tick would be lost the same way,
 * and only dnd-kit can end its drag. If the drag is still on once the key has
 * passed, the sensor did not see it: send it again, after the sensor's own
 * listener (queued at pick-up, so it runs first) is in place.
 */
export function replayIfMissed(event: KeyboardEvent, stillDragging: () => boolean): void {
  const { code, key } = event;
  window.setTimeout(() => {
    if (stillDragging()) document.dispatchEvent(new KeyboardEvent('keydown', { code, key, bubbles: true, cancelable: true }));
  }, 0);
}
