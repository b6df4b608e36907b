/**
 * The team's interrupts board, followed live the same way the board page
 * does it (BoardStore + BoardSync over the shared socket), for the triage
 * view and the hand-off. Only one view of a tab may follow a stream (the
 * socket keeps one handler per stream), so the PoTW page holds this once.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { BoardSnapshot, BoardState } from '@opsboard/shared';
import { boardsApi } from '../../api/boards';
import { plainMessage } from '../../api/errors';
import { useServices } from '../../app/services';
import { BoardStore } from '../../board/store/board-store';
import { BoardSync, type StreamSource, type SyncPhase } from '../../board/store/board-sync';

export interface InterruptsBoardView {
  state: BoardState | null;
  phase: SyncPhase | 'none';
  error: string | null;
}

export interface InterruptsBoard extends InterruptsBoardView {
  reload: () => void;
}

/** One board's store, with a fresh sync per start (a remount after stop gets a new, unstopped one). */
class BoardFollower {
  private readonly store: BoardStore;
  private sync: BoardSync | null = null;
  private view: InterruptsBoardView = { state: null, phase: 'none', error: null };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly boardId: string | null,
    selfId: string,
    private readonly socket: StreamSource,
    private readonly load: (boardId: string) => Promise<BoardSnapshot>,
  ) {
    this.store = new BoardStore({ selfId });
    this.store.subscribe(() => this.update({ state: this.store.view }));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): InterruptsBoardView => this.view;

  start(): () => void {
    if (!this.boardId) return () => undefined;
    const sync = new BoardSync(this.boardId, {
      store: this.store,
      socket: this.socket,
      loadSnapshot: this.load,
      onPresence: () => undefined,
      onRejected: (message) => this.update({ error: message }),
      onLoadError: (err) => this.update({ error: plainMessage(err) }),
    });
    this.sync = sync;
    const stopPhase = sync.onPhase((phase) => this.update({ phase, ...(phase === 'following' && { error: null }) }));
    void sync.start();
    return () => {
      stopPhase();
      sync.stop();
      if (this.sync === sync) this.sync = null;
    };
  }

  reload(): void {
    this.update({ error: null });
    void this.sync?.reload();
  }

  private update(patch: Partial<InterruptsBoardView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }
}

export function useInterruptsBoard(boardId: string | null): InterruptsBoard {
  const services = useServices();
  const follower = useMemo(() => new BoardFollower(boardId, services.user.id, services.socket, (id) => boardsApi.snapshot(id)), [boardId, services]);
  useEffect(() => follower.start(), [follower]);
  const view = useSyncExternalStore(follower.subscribe, follower.getSnapshot);
  return { ...view, reload: () => follower.reload() };
}
