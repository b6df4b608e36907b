import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Notification } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { cards, notifications } from '../db/schema.js';
import { iso } from '../db/time.js';
import { notFound, ok, type Result } from '../http/result.js';

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

/** Marks all of a person's unread notifications read; how many there were. */
export async function markAllRead(db: Queryable, userId: string, now: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Marks one of a person's notifications read (1, or 0 when it already was).
 * Someone else's notification, like one that does not exist, is a 404: an
 * update that matched nothing must not pass for success.
 */
export async function markOneRead(db: Queryable, userId: string, id: string, now: string): Promise<Result<{ marked: number }>> {
  const mine = and(eq(notifications.userId, userId), eq(notifications.id, id));
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(mine, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (rows.length > 0) return ok({ marked: rows.length });
  const [existing] = await db.select({ id: notifications.id }).from(notifications).where(mine);
  return existing ? ok({ marked: 0 }) : notFound('Notification');
}
