import { randomUUID } from 'node:crypto';
import type { StreamEvent } from '@opsboard/shared';
import type { Config } from './config.js';
import type { Database } from './db/database.js';

/** Hashes and checks passwords (auth/passwords.ts: argon2id); a port here so every module can be given one. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

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
  publish: (events: StreamEvent[]) => void;
  /**
   * Told just before COMMIT which events this instance is about to publish
   * (so the hub need not read them back when their NOTIFY overtakes the
   * publish), and told to forget them if the commit fails.
   */
  willPublish?: (events: StreamEvent[]) => void;
  abandonPublish?: (events: StreamEvent[]) => void;
}

export const systemClock = (): Date => new Date();
export const randomId = (): string => randomUUID();
