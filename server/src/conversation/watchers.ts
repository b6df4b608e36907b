/**
 * Who watches a card, and the one place that tells them. Watchers are the
 * card's creator and assignees (unless they chose Unwatch), plus everyone who
 * chose Watch or was mentioned on it. Every watcher notice (a comment, a move
 * to done, a block, an escalation) goes through `notifyWatchers`, so routing
 * notices elsewhere (e-mail, chat) later means changing this file only.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { cards, notifications, teamMembers } from '../db/schema.js';
import { cardWatchers } from '../db/schema/conversation.js';
import { notifyUser } from '../events/channels.js';

export type WatchReason = 'creator' | 'assignee' | 'watching' | 'none';

export const WATCH_NOTICE_KINDS = ['comment', 'mention', 'card_done', 'card_blocked', 'escalation'] as const;
export type WatchNoticeKind = (typeof WATCH_NOTICE_KINDS)[number];

export interface WatchNotice {
  cardId: string;
  kind: WatchNoticeKind;
  /** Who caused it: never notified of their own doing. */
  actorId: string | null;
  title: string;
  body: string;
  /** People told already by a more specific notice in the same change (a mention, an escalation). */
  skip?: readonly string[];
}

interface CardPeople {
  teamId: string;
  createdBy: string | null;
  assigneeIds: string[];
}

async function cardPeople(db: Queryable, cardId: string): Promise<CardPeople | null> {
  const [row] = await db.select({ teamId: cards.teamId, createdBy: cards.createdBy, assigneeIds: cards.assigneeIds }).from(cards).where(eq(cards.id, cardId));
  return row ?? null;
}

/** Why a person watches a card ('none' when they do not). */
export async function watchReason(db: Queryable, cardId: string, userId: string): Promise<WatchReason> {
  const card = await cardPeople(db, cardId);
  if (!card) return 'none';
  const [choice] = await db.select({ watching: cardWatchers.watching }).from(cardWatchers).where(and(eq(cardWatchers.cardId, cardId), eq(cardWatchers.userId, userId)));
  if (choice) return choice.watching ? 'watching' : 'none';
  if (card.createdBy === userId) return 'creator';
  if (card.assigneeIds.includes(userId)) return 'assignee';
  return 'none';
}

/** Everyone who watches a card and is still in its team, in a stable order. */
export async function watchersOf(db: Queryable, cardId: string): Promise<string[]> {
  const card = await cardPeople(db, cardId);
  if (!card) return [];
  const choices = await db.select({ userId: cardWatchers.userId, watching: cardWatchers.watching }).from(cardWatchers).where(eq(cardWatchers.cardId, cardId));
  const chosen = new Map(choices.map((c) => [c.userId, c.watching]));
  const candidates = new Set<string>([...(card.createdBy ? [card.createdBy] : []), ...card.assigneeIds, ...choices.filter((c) => c.watching).map((c) => c.userId)]);
  const ids = [...candidates].filter((id) => chosen.get(id) !== false);
  if (ids.length === 0) return [];
  const members = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, card.teamId), inArray(teamMembers.userId, ids)));
  const inTeam = new Set(members.map((m) => m.userId));
  return ids.filter((id) => inTeam.has(id)).sort();
}

/** Records a person's choice to watch (true) or not (false) a card; a mention records true. */
export async function setWatching(db: Queryable, cardId: string, userIds: readonly string[], watching: boolean, now: string): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insert(cardWatchers)
    .values(userIds.map((userId) => ({ cardId, userId, watching, updatedAt: now })))
    .onConflictDoUpdate({ target: [cardWatchers.cardId, cardWatchers.userId], set: { watching, updatedAt: now } });
}

/**
 * Stores an in-app notification for one person and pushes it to their open
 * pages after commit (through the user channel). Returns its id.
 */
export async function notifyPerson(
  tx: Queryable,
  n: { userId: string; teamId: string; kind: string; title: string; body: string; cardId: string | null },
  now: string,
  newId: () => string = randomUUID,
): Promise<string> {
  const id = newId();
  await tx.insert(notifications).values({ id, ...n, createdAt: now });
  await notifyUser(tx, n.userId, id);
  return id;
}

/**
 * Tells every watcher of the card, except the actor and `skip`, inside the
 * caller's transaction (nothing is sent when it rolls back). Returns who was told.
 */
export async function notifyWatchers(tx: Queryable, notice: WatchNotice, now: string, newId: () => string = randomUUID): Promise<string[]> {
  const card = await cardPeople(tx, notice.cardId);
  if (!card) return [];
  const skip = new Set(notice.skip ?? []);
  const told: string[] = [];
  for (const userId of await watchersOf(tx, notice.cardId)) {
    if (userId === notice.actorId || skip.has(userId)) continue;
    await notifyPerson(tx, { userId, teamId: card.teamId, kind: notice.kind, title: notice.title, body: notice.body, cardId: notice.cardId }, now, newId);
    told.push(userId);
  }
  return told;
}
