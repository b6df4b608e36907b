/**
 * Several boards kept live at once (the planned and SS&A boards on the
 * planning screen, every board an iteration's cards sit on): a BoardStore and
 * BoardSync per board, exactly as the board page follows one. Confirmed state
 * only: this page changes cards through the planning routes, not the outbox.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { BoardState } from '@opsboard/shared';
import { boardsApi } from '../api/boards';
import { plainMessage } from '../api/errors';
import { useServices } from '../app/services';
import { BoardStore } from '../board/store/board-store';
import { BoardSync } from '../board/store/board-sync';

export interface LiveBoards {
  /** Boards loaded so far, by id. */
  states: ReadonlyMap<string, BoardState>;
  /** A board that could not be loaded, in plain words. */
  error: string | null;
  /** True once every board asked for has loaded. */
  ready: boolean;
}

/**
 * Follows the given boards. `onChange` runs (at most every `settleMs`) after
 * any of them changed, for views that refetch server figures built from cards.
 */
export function useLiveBoards(boardIds: readonly string[], onChange?: () => void, settleMs = 250): LiveBoards {
  const { socket, user } = useServices();
  const key = [...boardIds].sort().join(',');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });

  const stores = useMemo(() => {
    const ids = key === '' ? [] : key.split(',');
    return ids.map((id) => ({ id, store: new BoardStore({ selfId: user.id }) }));
  }, [key, user.id]);

  useEffect(() => {
    let timer: number | null = null;
    const changed = () => {
      if (timer !== null) return;
      timer = window.setTimeout(() => {
        timer = null;
        latest.current?.();
      }, settleMs);
    };
    const syncs = stores.map(({ id, store }) => {
      const sync = new BoardSync(id, {
        store,
        socket,
        loadSnapshot: (boardId) => boardsApi.snapshot(boardId),
        onPresence: () => undefined,
        onRejected: (message) => setError(message),
        onLoadError: (err) => setError(plainMessage(err)),
      });
      let loaded = false;
      const stop = store.subscribe(() => {
        // The first snapshot is not a change anyone made: only what follows triggers a refetch.
        if (loaded) changed();
        loaded = store.seq !== null;
      });
      void sync.start();
      return { sync, stop };
    });
    return () => {
      if (timer !== null) window.clearTimeout(timer);
      for (const { sync, stop } of syncs) {
        stop();
        sync.stop();
      }
    };
  }, [stores, socket, settleMs]);

  const revision = useSyncExternalStore(
    (listener) => {
      const stops = stores.map(({ store }) => store.subscribe(listener));
      return () => stops.forEach((s) => s());
    },
    () => stores.map(({ store }) => store.revision).join(','),
  );

  const states = useMemo(() => {
    void revision;
    const map = new Map<string, BoardState>();
    for (const { id, store } of stores) if (store.confirmedState) map.set(id, store.confirmedState);
    return map;
  }, [stores, revision]);

  return { states, error, ready: states.size === stores.length };
}
