/**
 * One browser, several tabs: each tab keeps its queued changes under its own
 * storage key, so tabs never overwrite each other's, and the queue of a tab
 * that closed (or crashed, or reloaded) is taken over by exactly one live tab,
 * which sends it. Nothing queued is lost, and nothing is sent by two tabs.
 *
 * With Web Locks each tab holds a lock named after its key for as long as it
 * lives; another tab asks for that lock, and the browser grants it only once
 * the owner is gone: the one tab that gets it adopts the queue and deletes
 * the key while holding it. Web Locks need a secure context (https or
 * localhost); a team trying opsboard over plain HTTP on a LAN address gets
 * heartbeats instead: a queue whose tab has not beaten for a while is
 * claimed and adopted. There a rare double claim sends a change twice, and
 * its Idempotency-Key makes the server answer the second without applying it.
 */
import type { TimerId } from '../../realtime/socket';
import type { PendingOp } from './ops';
import { parseStoredOps, type KeyValueStorage } from './outbox';

export interface ListedStorage extends KeyValueStorage {
  keys(): string[];
}

/** The part of the Web Locks API used here (navigator.locks). */
export interface TabLocks {
  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
}

export interface TabOutboxDeps {
  storage: ListedStorage | null;
  /** navigator.locks where the browser has it; null falls back to heartbeats. */
  locks: TabLocks | null;
  /** `opsboard.outbox.<user id>`: the stem of every tab's key (and the one key all tabs shared before). */
  prefix: string;
  /** Fresh for every page load: a reloaded tab adopts its own previous queue like any other. */
  tabId: string;
  /** Appends a closed tab's ops to this tab's outbox (which stores them under its own key at once). */
  adopt(ops: PendingOp[]): void;
  now(): number;
  setInterval(fn: () => void, ms: number): TimerId;
  clearInterval(id: TimerId): void;
}

/** Heartbeats, where there are no Web Locks. */
export const BEAT = { everyMs: 5_000, staleMs: 20_000 };

const TAB = '.tab.';
const BEAT_KEY = '.beat.';
const CLAIM = '.claim.';
/** The queue every tab of a user shared before tabs had their own. */
const LEGACY = '';

export class TabOutboxes {
  private readonly watched = new Set<string>();
  private abort: AbortController | null = null;
  private release: (() => void) | null = null;
  private timer: TimerId | null = null;

  constructor(private readonly deps: TabOutboxDeps) {}

  /** Where this tab's outbox stores its queue. */
  get storageKey(): string {
    return this.keyOf(this.deps.tabId);
  }

  start(): void {
    this.stop();
    this.abort = new AbortController();
    const { locks } = this.deps;
    if (locks) {
      // Asked for before anything is stored under the key, so this tab always holds its own lock first.
      locks
        .request(this.lockOf(this.deps.tabId), { signal: this.abort.signal }, () => new Promise<void>((resolve) => (this.release = resolve)))
        .catch(() => undefined);
    } else {
      this.beat();
      this.timer = this.deps.setInterval(() => {
        this.beat();
        this.scan();
      }, BEAT.everyMs);
    }
    this.scan();
  }

  /** Another tab wrote to storage (the `storage` event): a tab with a queue to watch, perhaps. */
  notice(key: string | null): void {
    const id = key === null ? null : this.idOf(key);
    if (id !== null && id !== this.deps.tabId) this.watch(id);
  }

  /** This tab is going away: without locks, stop beating so another tab adopts the queue soon. */
  leaving(): void {
    if (!this.deps.locks) this.deps.storage?.removeItem(this.deps.prefix + BEAT_KEY + this.deps.tabId);
  }

  /** Logout: let go of this tab's queue (another tab of the same person adopts it) and stop watching. */
  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.release?.();
    this.release = null;
    if (this.timer !== null) this.deps.clearInterval(this.timer);
    this.timer = null;
    this.watched.clear();
  }

  private keyOf(id: string): string {
    return id === LEGACY ? this.deps.prefix : this.deps.prefix + TAB + id;
  }

  private lockOf(id: string): string {
    return `${this.keyOf(id)}.lock`;
  }

  /** The tab a storage key holds the queue of, or null for other keys. */
  private idOf(key: string): string | null {
    if (key === this.deps.prefix) return LEGACY;
    return key.startsWith(this.deps.prefix + TAB) ? key.slice(this.deps.prefix.length + TAB.length) : null;
  }

  private scan(): void {
    const storage = this.deps.storage;
    if (!storage) return;
    for (const key of storage.keys()) this.notice(key);
  }

  private watch(id: string): void {
    const { locks } = this.deps;
    if (locks && this.abort) {
      if (this.watched.has(id)) return;
      this.watched.add(id);
      // Granted once its tab has gone (at once for a queue nobody holds); the browser hands it to one tab at a time.
      locks.request(this.lockOf(id), { signal: this.abort.signal }, async () => this.take(id)).catch(() => undefined);
      return;
    }
    if (!locks && this.stale(id) && this.claim(id)) this.take(id);
  }

  private take(id: string): void {
    const storage = this.deps.storage;
    if (!storage) return;
    const key = this.keyOf(id);
    const ops = parseStoredOps(storage.getItem(key));
    // Stored under this tab's key first, then removed from the old one: a crash in between keeps them twice, never zero times.
    if (ops.length > 0) this.deps.adopt(ops);
    storage.removeItem(key);
    storage.removeItem(this.deps.prefix + BEAT_KEY + id);
    storage.removeItem(this.deps.prefix + CLAIM + id);
  }

  private beat(): void {
    this.deps.storage?.setItem(this.deps.prefix + BEAT_KEY + this.deps.tabId, String(this.deps.now()));
  }

  private stale(id: string): boolean {
    if (id === LEGACY) return true;
    const beat = Number(this.deps.storage?.getItem(this.deps.prefix + BEAT_KEY + id) ?? Number.NaN);
    return !(this.deps.now() - beat < BEAT.staleMs);
  }

  /** Best effort without locks: write a claim and read it back; a fresh claim by another tab wins. */
  private claim(id: string): boolean {
    const storage = this.deps.storage;
    if (!storage) return false;
    const key = this.deps.prefix + CLAIM + id;
    const [owner, at] = (storage.getItem(key) ?? '').split('@');
    if (owner && owner !== this.deps.tabId && this.deps.now() - Number(at) < BEAT.staleMs) return false;
    storage.setItem(key, `${this.deps.tabId}@${this.deps.now()}`);
    return storage.getItem(key)?.startsWith(`${this.deps.tabId}@`) === true;
  }
}
