/** A browser's shared localStorage and Web Locks, in memory, for the tab-outbox tests. */
import type { ListedStorage, TabLocks } from '../tab-outboxes';

export class SharedStorage implements ListedStorage {
  readonly data = new Map<string, string>();
  /** Tabs listening for `storage` events (the writer is not told, as in a browser). */
  readonly tabs = new Set<{ id: string; notice(key: string | null): void }>();
  writer = '';

  getItem = (key: string) => this.data.get(key) ?? null;
  setItem = (key: string, value: string) => {
    this.data.set(key, value);
    for (const tab of this.tabs) if (tab.id !== this.writer) tab.notice(key);
  };
  removeItem = (key: string) => void this.data.delete(key);
  keys = () => [...this.data.keys()];
}

interface Waiter {
  holder: string;
  grant: () => void;
}

/** Exclusive locks granted in request order; `ifAvailable` and `signal` as in the Web Locks API. */
export class FakeLocks {
  private readonly held = new Map<string, string>();
  private readonly queues = new Map<string, Waiter[]>();

  /** The lock manager as one tab sees it (its requests are made in its name). */
  forTab(holder: string): TabLocks {
    return {
      request: (name, options, callback) =>
        new Promise((resolve, reject) => {
          const run = () => {
            this.held.set(name, holder);
            void callback({ name }).then(() => {
              this.held.delete(name);
              const next = this.queues.get(name)?.shift();
              next?.grant();
              resolve(undefined);
            });
          };
          if (options.signal?.aborted) return reject(new Error('AbortError'));
          if (!this.held.has(name)) return run();
          if (options.ifAvailable) return void callback(null).then(resolve);
          const waiter: Waiter = { holder, grant: run };
          const queue = this.queues.get(name) ?? [];
          queue.push(waiter);
          this.queues.set(name, queue);
          options.signal?.addEventListener('abort', () => {
            const q = this.queues.get(name) ?? [];
            if (q.includes(waiter)) {
              q.splice(q.indexOf(waiter), 1);
              reject(new Error('AbortError'));
            }
          });
        }),
    };
  }

  /** A tab closes: the browser lets go of every lock it held and drops what it waited for. */
  close(holder: string): void {
    for (const [name, q] of this.queues) this.queues.set(name, q.filter((w) => w.holder !== holder));
    for (const [name, who] of [...this.held]) {
      if (who !== holder) continue;
      this.held.delete(name);
      this.queues.get(name)?.shift()?.grant();
    }
  }
}
