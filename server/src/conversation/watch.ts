/** Watch and Unwatch: a person's own choice about a card, kept per person (no other page shows it). */
import { and, eq } from 'drizzle-orm';
import type { WatchState } from '@opsboard/shared';
import { decide } from '../auth/access.js';
import type { Queryable } from '../db/database.js';
import { cards, teamMembers } from '../db/schema.js';
import { ok, type Result } from '../http/result.js';
import { setWatching, watchersOf, watchReason } from './watchers.js';

async function readable(db: Queryable, cardId: string, userId: string): Promise<Result<null>> {
  const [row] = await db
    .select({ role: teamMembers.role })
    .from(cards)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, cards.teamId), eq(teamMembers.userId, userId)))
    .where(eq(cards.id, cardId));
  const access = decide(row ? (row.role ?? null) : null, 'read', 'Card');
  return access.ok ? ok(null) : access;
}

async function state(db: Queryable, cardId: string, userId: string): Promise<WatchState> {
  const reason = await watchReason(db, cardId, userId);
  return { watching: reason !== 'none', reason, watcherCount: (await watchersOf(db, cardId)).length };
}

export async function getWatch(db: Queryable, userId: string, cardId: string): Promise<Result<WatchState>> {
  const access = await readable(db, cardId, userId);
  return access.ok ? ok(await state(db, cardId, userId)) : access;
}

export async function setWatch(db: Queryable, userId: string, cardId: string, watching: boolean, now: string): Promise<Result<WatchState>> {
  const access = await readable(db, cardId, userId);
  if (!access.ok) return access;
  await setWatching(db, cardId, [userId], watching, now);
  return ok(await state(db, cardId, userId));
}
