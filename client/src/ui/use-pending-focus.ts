/**
 * Keeps keyboard focus somewhere sensible while a list changes under it:
 * a reordered row is re-inserted, an archived row leaves, a restored one
 * arrives a moment after the answer. `focusLater(selector)` names where focus
 * should be; for a few seconds, whenever the DOM under `root` changes and
 * focus has fallen out of the page (onto <body>), it goes there if that
 * element exists. Focus a person moved on purpose is never taken back.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';

const WINDOW_MS = 4_000;

export function usePendingFocus(root: RefObject<HTMLElement | null>): (selector: string) => void {
  const pending = useRef<{ selector: string; until: number } | null>(null);
  const observer = useRef<MutationObserver | null>(null);

  const stop = useCallback(() => {
    pending.current = null;
    observer.current?.disconnect();
    observer.current = null;
  }, []);

  const place = useCallback(() => {
    const want = pending.current;
    if (!want) return;
    if (Date.now() > want.until) {
      stop();
      return;
    }
    const active = document.activeElement;
    const lost = active === null || active === document.body || active === root.current;
    if (!lost) return;
    const target = root.current?.querySelector<HTMLElement>(want.selector);
    if (!target) return;
    target.focus();
    if (document.activeElement === target) stop();
  }, [root, stop]);

  useEffect(() => stop, [stop]);

  return useCallback(
    (selector: string) => {
      pending.current = { selector, until: Date.now() + WINDOW_MS };
      // Any part of the list may be the one that changes (a row, the archived list): watch the DOM, not one component's renders.
      if (!observer.current && root.current) {
        observer.current = new MutationObserver(place);
        observer.current.observe(root.current, { childList: true, subtree: true });
      }
      place();
    },
    [root, place],
  );
}
