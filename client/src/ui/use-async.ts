/** Loads data for a page: state while loading, the error in plain words, and a reload. */
import { useCallback, useEffect, useState } from 'react';
import { plainMessage } from '../api/errors';

export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string; error: unknown };

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> & { reload: () => void; set: (value: T) => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    load().then(
      (value) => alive && setState({ status: 'ready', value }),
      (error: unknown) => alive && setState({ status: 'error', message: plainMessage(error), error }),
    );
    return () => {
      alive = false;
    };
    // The caller lists what the load depends on; `load` itself is a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((value: T) => setState({ status: 'ready', value }), []);
  return { ...state, reload, set };
}
