import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Notification } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { cards, notifications } from '../db/schema.js';
import { iso } from '../db/time.js';

type Row = typeof notifications.$inferSelect;

function toNotification(r: Row, boardId: string | null): Notification {
  return { id: r.id, teamId: r.teamId, kind: r.kind, title: r.title, body: r.body, cardId: r.cardId, boardId, createdAt: iso(r.createdAt), readAt: iso(r.readAt) };
}

/** Notifications with the board their card is on now. */
async function withBoards(db: Queryable, where: SQL): Promise<Notification[]> {
  const rows = await db
    .select({ n: notifications, boardId: cards.boardId })
    .from(notifications)
    .leftJoin(cards, eq(cards.id, notifications.cardId))
    .where(where)
    .orderBy(desc(notifications.createdAt))
    .limit(100);
  return rows.map((r) => toNotification(r.n, r.boardId));
}

/** My notifications, newest first (the last 100). */
export async function listNotifications(db: Queryable, userId: string): Promise<Notification[]> {
  return withBoards(db, eq(notifications.userId, userId));
}

export async function getNotification(db: Queryable, id: string): Promise<Notification | null> {
  return (await withBoards(db, eq(notifications.id, id)))[0] ?? null;
}

export async function markRead(db: Queryable, userId: string, id: string | null, now: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ...(id ? [eq(notifications.id, id)] : [])))
    .returning({ id: notifications.id });
  return rows.length;
}
