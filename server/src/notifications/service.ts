import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Notification } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { notifications } from '../db/schema.js';
import { iso } from '../db/time.js';

type Row = typeof notifications.$inferSelect;

export function toNotification(r: Row): Notification {
  return { id: r.id, teamId: r.teamId, kind: r.kind, title: r.title, body: r.body, cardId: r.cardId, createdAt: iso(r.createdAt), readAt: iso(r.readAt) };
}

/** My notifications, newest first (the last 100). */
export async function listNotifications(db: Queryable, userId: string): Promise<Notification[]> {
  const rows = await db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(100);
  return rows.map(toNotification);
}

export async function markRead(db: Queryable, userId: string, id: string | null, now: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ...(id ? [eq(notifications.id, id)] : [])))
    .returning({ id: notifications.id });
  return rows.length;
}
