/**
 * A pg.Pool that never loses a client to a transaction that could not begin.
 *
 * drizzle-orm (0.45; open upstream as drizzle-orm#6241) sends BEGIN before the
 * try/finally that releases the pooled client. When BEGIN fails, which is what
 * happens when the connection dies under it during a database restart, the
 * client stays checked out for good; a few restarts under load exhaust the
 * pool, and every request then waits for a connection and gets a 503 although
 * the database is back. Clients handed out by `connect()` without a callback
 * (drizzle's transactions; `pool.query` uses the callback form) are released
 * here, with the error, as soon as their BEGIN fails, and drizzle's own
 * release afterwards does nothing. Remove once drizzle releases it itself.
 */
import pg from 'pg';

type Callback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

const plainQuery = pg.Client.prototype.query;

function isBegin(config: unknown): boolean {
  const text = typeof config === 'string' ? config : typeof config === 'object' && config !== null && 'text' in config ? config.text : null;
  return typeof text === 'string' && /^\s*begin\b/i.test(text);
}

function guardBegin(client: pg.PoolClient): pg.PoolClient {
  const release = client.release;
  let released = false;
  client.release = (err?: Error | boolean) => {
    if (released) return;
    released = true;
    // Back to the prototype's query, for whoever uses this client next.
    Reflect.deleteProperty(client, 'query');
    release(err);
  };
  const query = (...args: unknown[]): unknown => {
    const result: unknown = Reflect.apply(plainQuery, client, args);
    if (result instanceof Promise && isBegin(args[0])) {
      result.catch((err: unknown) => client.release(err instanceof Error ? err : new Error(String(err))));
    }
    return result;
  };
  Object.defineProperty(client, 'query', { value: query, configurable: true, writable: true });
  return client;
}

export class GuardedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: Callback): void;
  override connect(callback?: Callback): Promise<pg.PoolClient> | void {
    if (callback) return super.connect(callback);
    return super.connect().then(guardBegin);
  }
}
