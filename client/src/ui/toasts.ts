/** Short messages at the bottom of the screen: refusals, confirmations, things that happened while away. */
import { useSyncExternalStore } from 'react';

export type ToastTone = 'info' | 'success' | 'warning' | 'error';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  message?: string;
  actions?: ToastAction[];
  /** Milliseconds on screen; null stays until dismissed. */
  timeout: number | null;
}

let toasts: readonly Toast[] = [];
let counter = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function showToast(toast: Omit<Toast, 'id' | 'timeout'> & { timeout?: number | null }): number {
  const id = ++counter;
  const timeout = toast.timeout === undefined ? (toast.tone === 'error' ? 12_000 : 6_000) : toast.timeout;
  toasts = [...toasts.slice(-3), { ...toast, id, timeout }];
  emit();
  return id;
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
}
