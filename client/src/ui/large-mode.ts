/** "Large" mode: everything scaled up to read across a room. Remembered per browser, applied as a root attribute. */
import { useSyncExternalStore } from 'react';

const KEY = 'opsboard.large';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

let large = read();
apply();

function apply(): void {
  document.documentElement.dataset.size = large ? 'large' : 'normal';
}

export function setLargeMode(on: boolean): void {
  large = on;
  try {
    window.localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // Not remembered, still applied.
  }
  apply();
  for (const listener of listeners) listener();
}

export function useLargeMode(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => large,
  );
}
