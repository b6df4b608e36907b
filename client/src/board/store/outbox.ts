/**
 * Every card change goes through here: sent one at a time in the order it was
 * made, each with an Idempotency-Key, so a retry after a dropped connection
 * can never apply twice. With no connection the changes wait (kept in
 * storage across reloads, under this tab's own key: see tab-outboxes.ts) and
 * go out when it is back; the server's refusals are kept as visible notices,
 * never dropped silently.
 */
import type { Card } from '@opsboard/shared';
import { includes, isNumber, isRecord, isString } from '../../lib/guards';
import { backoffDelay } from '../../realtime/backoff';
import type { TimerId } from '../../realtime/socket';
import { opCardId, type PendingOp } from './ops';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface OutboxDeps {
  send(op: PendingOp): Promise<Card>;
  /** True when the failure says "no answer" (try again later), false for a refusal. */
  isRetryable(error: unknown): boolean;
  storage: KeyValueStorage | null;
  storageKey: string;
  setTimeout(fn: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
  random(): number;
}

export interface Refusal {
  id: string;
  op: PendingOp;
  error: unknown;
}

const RETRY = { baseMs: 1_000, capMs: 30_000 };

export class Outbox {
  private list: PendingOp[] = [];
  private refusalList: Refusal[] = [];
  private listeners = new Set<() => void>();
  private refusalListeners = new Set<(refusal: Refusal) => void>();
  private inFlight = false;
  private noServer = false;
  private retryTimer: TimerId | null = null;
  private retryAttempt = 0;
  private refusalCounter = 0;

  constructor(private readonly deps: OutboxDeps) {
    this.list = restore(deps.storage, deps.storageKey);
  }

  /** Starts sending what a previous page left in storage. */
  start(): void {
    this.pump();
  }

  get ops(): readonly PendingOp[] {
    return this.list;
  }

  get refusals(): readonly Refusal[] {
    return this.refusalList;
  }

  /** True after a send found no server, until one gets through. */
  get offline(): boolean {
    return this.noServer;
  }

  /** Changes not yet accepted by the server. */
  get waiting(): number {
    return this.list.filter((op) => op.status !== 'acked').length;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onRefused(listener: (refusal: Refusal) => void): () => void {
    this.refusalListeners.add(listener);
    return () => this.refusalListeners.delete(listener);
  }

  enqueue(op: PendingOp): void {
    this.list = [...this.list, { ...op, status: 'queued' }];
    this.changed();
    this.pump();
  }

  /**
   * Takes over the queued changes of a tab that closed (see tab-outboxes.ts):
   * they join the end of this queue, each with its own Idempotency-Key, so
   * one that did land before that tab closed is answered, not applied, again.
   * Ops this queue already holds (same key) are not taken twice.
   */
  adopt(ops: readonly PendingOp[]): void {
    const have = new Set(this.list.map((op) => op.key));
    const fresh = ops.filter((op) => !have.has(op.key)).map((op): PendingOp => ({ ...op, status: 'queued' }));
    if (fresh.length === 0) return;
    this.list = [...this.list, ...fresh];
    this.changed();
    this.pump();
  }

  /** Drops ops whose effect the board already shows. */
  forget(keys: readonly string[]): void {
    const drop = new Set(keys);
    const next = this.list.filter((op) => !(drop.has(op.key) && op.status === 'acked'));
    if (next.length === this.list.length) return;
    this.list = next;
    this.changed();
  }

  dismiss(refusalId: string): void {
    this.refusalList = this.refusalList.filter((r) => r.id !== refusalId);
    this.changed();
  }

  /** Tries the queue again now (the connection came back). */
  kick(): void {
    if (this.retryTimer) this.deps.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.pump();
  }

  private pump(): void {
    if (this.inFlight || this.retryTimer) return;
    const op = this.list.find((o) => o.status === 'queued');
    if (!op) return;
    this.inFlight = true;
    this.setStatus(op.key, 'sending');
    this.deps.send(op).then(
      (card) => {
        this.inFlight = false;
        this.noServer = false;
        this.retryAttempt = 0;
        this.acked(op, card);
        this.pump();
      },
      (error: unknown) => {
        this.inFlight = false;
        if (this.deps.isRetryable(error)) {
          this.noServer = true;
          this.setStatus(op.key, 'queued');
          const delay = backoffDelay(this.retryAttempt++, this.deps.random(), RETRY);
          this.retryTimer = this.deps.setTimeout(() => {
            this.retryTimer = null;
            this.pump();
          }, delay);
          return;
        }
        this.noServer = false;
        this.refused(op, error);
        this.pump();
      },
    );
  }

  private acked(op: PendingOp, card: Card): void {
    const subject = opCardId(op);
    const baseVersion = op.kind === 'create' ? null : op.baseVersion;
    this.list = this.list.map((o) => {
      if (o.key === op.key) {
        return o.kind === 'create' ? { ...o, status: 'acked', ackCardId: card.id } : { ...o, status: 'acked', ackVersion: card.version };
      }
      // Later edits of the same card were made on the version this op started from; they now build on its result.
      if (o.status !== 'acked' && o.kind !== 'create' && o.cardId === subject && o.baseVersion === baseVersion) {
        return { ...o, baseVersion: card.version };
      }
      return o;
    });
    this.changed();
  }

  private refused(op: PendingOp, error: unknown): void {
    const subject = opCardId(op);
    // A refused create takes the changes queued on its stand-in card with it.
    this.list = this.list.filter((o) => o.key !== op.key && !(op.kind === 'create' && o.kind !== 'create' && o.cardId === subject));
    const refusal: Refusal = { id: `r${++this.refusalCounter}`, op, error };
    this.refusalList = [...this.refusalList, refusal];
    this.changed();
    for (const listener of this.refusalListeners) listener(refusal);
  }

  private setStatus(key: string, status: PendingOp['status']): void {
    this.list = this.list.map((o) => (o.key === key ? { ...o, status } : o));
    this.changed();
  }

  private changed(): void {
    persist(this.deps.storage, this.deps.storageKey, this.list);
    for (const listener of this.listeners) listener();
  }
}

function persist(storage: KeyValueStorage | null, key: string, ops: readonly PendingOp[]): void {
  if (!storage) return;
  const open = ops.filter((op) => op.status !== 'acked');
  try {
    if (open.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(open));
  } catch {
    // Storage full or blocked: the queue still lives in memory for this tab.
  }
}

function restore(storage: KeyValueStorage | null, key: string): PendingOp[] {
  return storage ? parseStoredOps(storage.getItem(key)) : [];
}

/** The ops an outbox stored, checked one by one (a damaged entry is dropped, not the queue). */
export function parseStoredOps(text: string | null): PendingOp[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  // Whatever was being sent when the tab closed may or may not have landed; its key makes resending safe.
  return raw.filter(isStoredOp).map((op) => ({ ...op, status: 'queued' }));
}

function isStoredOp(value: unknown): value is PendingOp {
  if (!isRecord(value) || !isString(value.key) || !isString(value.boardId) || !isString(value.at)) return false;
  if (!includes(['move', 'update', 'create', 'archive'] as const, value.kind)) return false;
  if (value.kind === 'create') return isString(value.tempId) && isRecord(value.body) && isString(value.body.title) && isString(value.body.columnId);
  if (!isString(value.cardId) || !isString(value.cardTitle) || !isNumber(value.baseVersion)) return false;
  if (value.kind === 'move') return isString(value.toColumnId);
  if (value.kind === 'update') return isRecord(value.changes);
  return true;
}
