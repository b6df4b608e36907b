/**
 * The board as this tab knows it: the confirmed state (snapshot + events in
 * strict seq order) and, folded over it, the changes this person made that
 * the server has not confirmed yet. React reads `view`; the sync layer feeds
 * `load` and `receive`; the outbox feeds `setPending`.
 */
import { applyBoardEvent, stateFromSnapshot, type BoardEvent, type BoardSnapshot, type BoardState } from '@opsboard/shared';
import type { PendingOp } from './ops';
import { overlay } from './overlay';

export type ReceiveResult = 'applied' | 'duplicate' | 'gap';

/** A change worth catching the eye: someone else's, or ours bouncing back after a refusal. */
export interface LiveChange {
  /** Grows with every highlight, so the same card can flash again. */
  token: number;
  kind: 'moved' | 'created' | 'updated' | 'refused';
}

export interface BoardStoreOptions {
  /** Who is looking: their own changes are not highlighted as news. */
  selfId: string | null;
  /** Told which confirmed ops can be forgotten. */
  onReflected?: (keys: string[]) => void;
  /** How many clientMutationIds to remember (they identify our own changes coming back). */
  rememberKeys?: number;
  /** How long a card counts as just changed. */
  flashMs?: number;
}

export class BoardStore {
  private confirmed: BoardState | null = null;
  private pending: readonly PendingOp[] = [];
  private current: BoardState | null = null;
  private unsyncedIds: ReadonlySet<string> = new Set();
  private readonly seenKeys = new Set<string>();
  private readonly changes = new Map<string, LiveChange>();
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: BoardEvent) => void>();
  private version = 0;
  private flashes = 0;

  constructor(private readonly options: BoardStoreOptions) {}

  /** The last seq folded into the confirmed state, or null before the first snapshot. */
  get seq(): number | null {
    return this.confirmed?.seq ?? null;
  }

  get confirmedState(): BoardState | null {
    return this.confirmed;
  }

  /** What to show: confirmed state with pending changes on top. */
  get view(): BoardState | null {
    return this.current;
  }

  /** Cards with a change still on its way to the server. */
  get unsynced(): ReadonlySet<string> {
    return this.unsyncedIds;
  }

  /** Changes by other people, by card id, newest per card. */
  get liveChanges(): ReadonlyMap<string, LiveChange> {
    return this.changes;
  }

  /** Increments on every change: a cheap snapshot token for useSyncExternalStore. */
  get revision(): number {
    return this.version;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Told of every event folded in, once, in order (the card panel follows a card's comments this way). */
  onEvent(listener: (event: BoardEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Replaces the confirmed state with a snapshot (first load, or a resync). */
  load(snapshot: BoardSnapshot): void {
    this.confirmed = stateFromSnapshot(snapshot);
    this.refresh();
  }

  /**
   * Folds one event in if it is the next one. Older or equal seqs are
   * duplicates and change nothing; a jump means events are missing, and
   * nothing is applied until the caller has caught up.
   */
  receive(event: BoardEvent): ReceiveResult {
    const state = this.confirmed;
    if (!state) return 'gap';
    if (event.seq <= state.seq) return 'duplicate';
    if (event.seq !== state.seq + 1) return 'gap';
    this.confirmed = applyBoardEvent(state, event);
    if (event.clientMutationId) this.remember(event.clientMutationId);
    this.noteLiveChange(event);
    this.refresh();
    for (const listener of this.eventListeners) listener(event);
    return 'applied';
  }

  setPending(ops: readonly PendingOp[]): void {
    this.pending = ops;
    this.refresh();
  }

  private remember(key: string): void {
    this.seenKeys.add(key);
    const limit = this.options.rememberKeys ?? 500;
    if (this.seenKeys.size > limit) {
      const oldest = this.seenKeys.values().next().value;
      if (oldest !== undefined) this.seenKeys.delete(oldest);
    }
  }

  private noteLiveChange(event: BoardEvent): void {
    if (event.actorId !== null && event.actorId === this.options.selfId) return;
    const kind = event.type === 'card.moved' || event.type === 'card.moved_in' ? 'moved' : event.type === 'card.created' || event.type === 'card.restored' ? 'created' : event.type === 'card.updated' ? 'updated' : null;
    if (kind === null || !('card' in event.payload)) return;
    this.flag(event.payload.card.id, kind);
  }

  /** Makes a card's tile flash (a refused move landing back where it was). */
  highlight(cardId: string, kind: LiveChange['kind']): void {
    this.flag(cardId, kind);
    this.refresh();
  }

  private flag(cardId: string, kind: LiveChange['kind']): void {
    const token = ++this.flashes;
    this.changes.delete(cardId);
    this.changes.set(cardId, { token, kind });
    // The highlight is news only for a moment; a tile drawn again later (scrolling back) must not flash again.
    setTimeout(() => {
      if (this.changes.get(cardId)?.token !== token) return;
      this.changes.delete(cardId);
      for (const listener of this.listeners) listener();
    }, this.options.flashMs ?? 2500);
    if (this.changes.size > 200) {
      const oldest = this.changes.keys().next().value;
      if (oldest !== undefined) this.changes.delete(oldest);
    }
  }

  private refresh(): void {
    let reflected: string[] = [];
    if (this.confirmed) {
      const result = overlay(this.confirmed, this.pending, this.seenKeys);
      this.current = result.view;
      this.unsyncedIds = result.unsynced;
      reflected = result.reflected;
    } else {
      this.current = null;
    }
    this.version += 1;
    for (const listener of this.listeners) listener();
    // Last, because forgetting an op comes back here through setPending.
    if (reflected.length > 0) this.options.onReflected?.(reflected);
  }
}
