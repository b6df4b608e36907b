/** One assertive live region for the whole app: drag steps, drops, refusals, live changes worth hearing. */
import { useSyncExternalStore } from 'react';

let message = { text: '', id: 0 };
const listeners = new Set<() => void>();

export function announce(text: string): void {
  // A new id re-renders the region even when the same sentence repeats, so it is read again.
  message = { text, id: message.id + 1 };
  for (const listener of listeners) listener();
}

export function useAnnouncement(): { text: string; id: number } {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => message,
  );
}
