import type { AuthInfo } from './service.js';

interface Entry {
  auth: AuthInfo;
  /** When the row was read; re-read after the TTL. */
  fetchedAt: number;
  /** Absolute end (and idle end for sessions) known at read time, re-checked on every hit. */
  expiresAt: number;
  idleUntil: number;
}

/**
 * A few seconds of memory for resolved credentials, so a busy client does not
 * cost a database read per request. Revocations reach every instance through
 * the access channel and drop entries at once; after a LISTEN reconnect (when
 * such a message may have been missed) everything is dropped.
 */
export class AuthCache {
  private readonly entries = new Map<string, Entry>();
  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 5_000,
  ) {}

  get(key: string, now: number): AuthInfo | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (now - e.fetchedAt > this.ttlMs || now >= e.expiresAt || now >= e.idleUntil) {
      this.entries.delete(key);
      return null;
    }
    return e.auth;
  }

  set(key: string, auth: AuthInfo, now: number, expiresAt: number, idleUntil = Number.POSITIVE_INFINITY): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { auth, fetchedAt: now, expiresAt, idleUntil });
  }

  drop(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
