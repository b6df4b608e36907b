/**
 * Server figures a page keeps fresh: loaded once, then refetched on demand
 * (a live event, the person's own change) while the last value stays on
 * screen. Refetches coalesce: one in flight, at most one queued behind it;
 * answers for inputs the page has moved away from are dropped.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { plainMessage } from '../api/errors';

export interface FreshState<T> {
  value: T | null;
  /** The last load failed (the previous value, if any, is still shown). */
  error: string | null;
}

export interface Fresh<T> extends FreshState<T> {
  refresh: () => void;
}

/** One input's loads: a tiny external store React subscribes to. */
export class FreshLoader<T> {
  private state: FreshState<T> = { value: null, error: null };
  private running = false;
  private queued = false;
  private disposed = false;
  private readonly listeners = new Set<() => void>();

  /** The load is read through a ref-like box, so the page's latest closure is used. */
  constructor(private readonly source: { readonly current: () => Promise<T> }) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): FreshState<T> => this.state;

  readonly refresh = (): void => {
    if (this.disposed) return;
    if (this.running) {
      this.queued = true;
      return;
    }
    this.running = true;
    this.source
      .current()
      .then(
        (value) => this.set({ value, error: null }),
        (err: unknown) => this.set({ ...this.state, error: plainMessage(err) }),
      )
      .finally(() => {
        this.running = false;
        if (this.queued) {
          this.queued = false;
          this.refresh();
        }
      });
  };

  /** Stops delivering answers (the view went away); `activate` resumes (React remounts in development). */
  dispose(): void {
    this.disposed = true;
  }

  activate(): void {
    this.disposed = false;
  }

  private set(state: FreshState<T>): void {
    if (this.disposed) return;
    this.state = state;
    for (const l of this.listeners) l();
  }
}

/** `key` names the input (an id, "team:6"): a new key starts over with a fresh loader. */
export function useFresh<T>(load: () => Promise<T>, key: string): Fresh<T> {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  // A new loader per input (another iteration, another N): the old one's late answers go nowhere.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for everything `load` reads.
  const loader = useMemo(() => new FreshLoader(loadRef), [key]);
  useEffect(() => {
    loader.activate();
    loader.refresh();
    return () => loader.dispose();
  }, [loader]);
  const state = useSyncExternalStore(loader.subscribe, loader.getSnapshot);
  return { ...state, refresh: loader.refresh };
}
