import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';

/** NOTIFY channels every instance LISTENs on. Payloads stay tiny (far under 8,000 bytes). */
export const EVENTS_CHANNEL = 'opsboard_events';
/** `member:<teamId>:<userId>` (removed from a team), `session:<sessionId>` (logged out, revoked) or `token:<tokenHash>` (API token revoked). */
export const ACCESS_CHANNEL = 'opsboard_access';
/** `<streamId>`: someone started or stopped viewing it. */
export const PRESENCE_CHANNEL = 'opsboard_presence';
/** `<userId>:<notificationId>`: a notification for one person, pushed to their open tabs. */
export const USER_CHANNEL = 'opsboard_user';

/** Pushes a stored notification to the person's live connections on every instance (at commit). */
export async function notifyUser(db: Queryable, userId: string, notificationId: string): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${USER_CHANNEL}, ${`${userId}:${notificationId}`})`);
}

/** Tells every instance that access ended, so live connections drop at once (delivered at commit when inside a transaction). */
export async function notifyAccessEnded(db: Queryable, payload: `member:${string}:${string}` | `session:${string}` | `token:${string}`): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${ACCESS_CHANNEL}, ${payload})`);
}
