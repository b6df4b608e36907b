/**
 * Dark mode: follows the system setting (prefers-color-scheme) unless the
 * person picks light or dark. The choice is remembered per browser; the
 * resolved theme is a root attribute the colour tokens key on.
 */
import { useSyncExternalStore } from 'react';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

const KEY = 'opsboard.theme';
const listeners = new Set<() => void>();
const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

function read(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

let choice = read();
apply();
media?.addEventListener('change', apply);

/** The theme shown: the choice, or the system's when the choice is `system`. */
export function resolvedTheme(c: ThemeChoice = choice, systemDark = media?.matches ?? false): 'light' | 'dark' {
  return c === 'system' ? (systemDark ? 'dark' : 'light') : c;
}

function apply(): void {
  document.documentElement.dataset.theme = resolvedTheme();
}

export function setTheme(next: ThemeChoice): void {
  choice = next;
  try {
    window.localStorage.setItem(KEY, next);
  } catch {
    // Not remembered, still applied.
  }
  apply();
  for (const listener of listeners) listener();
}

export function useTheme(): ThemeChoice {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => choice,
  );
}
