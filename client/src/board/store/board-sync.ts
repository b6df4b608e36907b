/**
 * Keeps a BoardStore in step with the server: loads the snapshot, follows the
 * board's stream from the snapshot's seq, asks again from its own seq when a
 * number is missing, and reloads the snapshot when the server says it is too
 * far behind. Presence and access changes are passed on.
 */
import type { BoardSnapshot, Viewer } from '@opsboard/shared';
import { asBoardEvent } from '../../realtime/messages';
import type { StreamMessage } from '../../realtime/socket';
import type { BoardStore } from './board-store';

/** The part of RealtimeSocket this needs. */
export interface StreamSource {
  subscribe(streamId: string, handler: { sinceSeq(): number | null; onMessage(message: StreamMessage): void }): () => void;
  resubscribe(streamId: string): void;
}

export interface BoardSyncDeps {
  store: BoardStore;
  socket: StreamSource;
  loadSnapshot(boardId: string): Promise<BoardSnapshot>;
  onPresence(viewers: Viewer[]): void;
  /** The board went away for this person (removed from the team, board deleted). */
  onRejected(message: string): void;
  /** Loading the snapshot failed; the caller shows it and may call `reload`. */
  onLoadError(error: unknown): void;
}

export type SyncPhase = 'loading' | 'following' | 'catching-up' | 'reloading' | 'failed';

export class BoardSync {
  private unsubscribe: (() => void) | null = null;
  private phaseValue: SyncPhase = 'loading';
  private stopped = false;
  private loading: Promise<void> | null = null;
  private readonly phaseListeners = new Set<(phase: SyncPhase) => void>();

  constructor(
    readonly boardId: string,
    private readonly deps: BoardSyncDeps,
  ) {}

  get phase(): SyncPhase {
    return this.phaseValue;
  }

  onPhase(listener: (phase: SyncPhase) => void): () => void {
    this.phaseListeners.add(listener);
    return () => this.phaseListeners.delete(listener);
  }

  /** Loads the snapshot, then follows the stream from its seq. */
  async start(): Promise<void> {
    await this.reload();
    if (this.stopped || this.deps.store.seq === null) return;
    this.unsubscribe = this.deps.socket.subscribe(this.boardId, {
      sinceSeq: () => this.deps.store.seq,
      onMessage: (message) => this.onMessage(message),
    });
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Fetches a fresh snapshot (at most one at a time) and resumes the stream from it. */
  reload(): Promise<void> {
    this.loading ??= this.fetchSnapshot().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async fetchSnapshot(): Promise<void> {
    this.setPhase(this.deps.store.seq === null ? 'loading' : 'reloading');
    try {
      const snapshot = await this.deps.loadSnapshot(this.boardId);
      if (this.stopped) return;
      this.deps.store.load(snapshot);
      this.setPhase('following');
      if (this.unsubscribe) this.deps.socket.resubscribe(this.boardId);
    } catch (error) {
      if (this.stopped) return;
      this.setPhase('failed');
      this.deps.onLoadError(error);
    }
  }

  private onMessage(message: StreamMessage): void {
    if (this.stopped) return;
    switch (message.type) {
      case 'event': {
        const event = asBoardEvent(message.event);
        if (!event || this.loading) return;
        const result = this.deps.store.receive(event);
        if (result === 'gap' && this.phaseValue !== 'catching-up') {
          // Something is missing: ask for everything after what we hold. Events that
          // arrive meanwhile are duplicates or further gaps, and the replay covers both.
          this.setPhase('catching-up');
          this.deps.socket.resubscribe(this.boardId);
        }
        return;
      }
      case 'subscribed': {
        const seq = this.deps.store.seq;
        if (seq !== null && message.seq > seq) {
          // The server says it is further along than the replay brought us: start over from a snapshot.
          void this.reload();
          return;
        }
        if (!this.loading) this.setPhase('following');
        return;
      }
      case 'resync':
        void this.reload();
        return;
      case 'presence':
        this.deps.onPresence(message.viewers);
        return;
      case 'rejected':
        this.deps.onRejected(message.message);
        return;
    }
  }

  private setPhase(phase: SyncPhase): void {
    if (phase === this.phaseValue) return;
    this.phaseValue = phase;
    for (const listener of this.phaseListeners) listener(phase);
  }
}
