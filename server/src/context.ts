import { randomUUID } from 'node:crypto';
import type { PasswordHasher } from './auth/passwords.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { StoredEvent } from './events/append.js';

/** Everything services need, passed in rather than imported, so tests swap the clock, ids or hasher. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: () => Date;
  newId: () => string;
  hasher: PasswordHasher;
  /** Names this process in presence rows and logs. */
  instanceId: string;
}

export interface ServiceDeps extends AppDeps {
  /** Hands committed events to the realtime hub. */
  publish: (events: StoredEvent[]) => void;
  /**
   * Told just before COMMIT which events this instance is about to publish
   * (so the hub need not read them back when their NOTIFY overtakes the
   * publish), and told to forget them if the commit fails.
   */
  willPublish?: (events: StoredEvent[]) => void;
  abandonPublish?: (events: StoredEvent[]) => void;
}

export const systemClock = (): Date => new Date();
export const randomId = (): string => randomUUID();
