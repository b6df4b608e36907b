/**
 * Comments on cards. Each change is one transaction that writes the comment
 * and appends its event to the card's board stream (so it is in the card's
 * history and reaches every open page live), tells the people mentioned, and
 * notifies the card's watchers through `notifyWatchers`.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { can, mentionedMembers, REACTIONS, type Comment, type CommentReaction, type Reaction, type Role } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { decide } from '../auth/access.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable, Tx } from '../db/database.js';
import { boards, cards, teamMembers, users } from '../db/schema.js';
import { commentReactions, comments } from '../db/schema/conversation.js';
import { iso } from '../db/time.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, notFound, ok, refuse, refuseAccess, type Result } from '../http/result.js';
import { notifyPerson, notifyWatchers, setWatching } from './watchers.js';

type CommentRow = typeof comments.$inferSelect;

interface CardAccess {
  card: { id: string; teamId: string; boardId: string; number: number; title: string; archivedAt: string | null };
  boardArchived: boolean;
  role: Role | null;
}

async function loadCard(db: Queryable, cardId: string, userId: string): Promise<CardAccess | null> {
  const [row] = await db
    .select({ id: cards.id, teamId: cards.teamId, boardId: cards.boardId, number: cards.number, title: cards.title, archivedAt: cards.archivedAt, boardArchivedAt: boards.archivedAt, role: teamMembers.role })
    .from(cards)
    .innerJoin(boards, eq(boards.id, cards.boardId))
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, cards.teamId), eq(teamMembers.userId, userId)))
    .where(eq(cards.id, cardId));
  if (!row) return null;
  const { boardArchivedAt, role, ...card } = row;
  return { card, boardArchived: boardArchivedAt !== null, role: role ?? null };
}

/** Commenting and reacting need the write role (a viewer reads, a guest sees only their requests), on a live card. */
async function writableCard(db: Queryable, cardId: string, userId: string): Promise<Result<CardAccess>> {
  const found = await loadCard(db, cardId, userId);
  const access = decide(found?.role ?? null, 'write', 'Card');
  if (!access.ok) return access;
  if (found!.boardArchived) return refuse('conflict', 'The board is archived; restore it first.');
  if (found!.card.archivedAt) return refuse('conflict', 'The card is archived; restore it first.');
  return ok(found!);
}

async function reactionsOf(db: Queryable, commentIds: readonly string[]): Promise<Map<string, CommentReaction[]>> {
  const out = new Map<string, CommentReaction[]>();
  if (commentIds.length === 0) return out;
  const rows = await db
    .select()
    .from(commentReactions)
    .where(inArray(commentReactions.commentId, [...commentIds]))
    .orderBy(asc(commentReactions.createdAt), asc(commentReactions.userId));
  for (const r of rows) {
    if (!(REACTIONS as readonly string[]).includes(r.emoji)) continue;
    const list = out.get(r.commentId) ?? [];
    const entry = list.find((x) => x.emoji === r.emoji);
    if (entry) entry.userIds.push(r.userId);
    else list.push({ emoji: r.emoji as Reaction, userIds: [r.userId] });
    out.set(r.commentId, list);
  }
  for (const list of out.values()) list.sort((a, b) => REACTIONS.indexOf(a.emoji) - REACTIONS.indexOf(b.emoji));
  return out;
}

function toComment(r: CommentRow, reactions: CommentReaction[]): Comment {
  return { id: r.id, cardId: r.cardId, authorId: r.authorId, body: r.body, mentionIds: r.mentionIds, reactions, createdAt: iso(r.createdAt), editedAt: iso(r.editedAt) };
}

async function loadComment(db: Queryable, cardId: string, commentId: string): Promise<CommentRow | null> {
  const [row] = await db
    .select()
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.cardId, cardId)));
  return row ?? null;
}

async function withReactions(db: Queryable, row: CommentRow): Promise<Comment> {
  return toComment(row, (await reactionsOf(db, [row.id])).get(row.id) ?? []);
}

/** A card's comments, oldest first. */
export async function listComments(db: Queryable, userId: string, cardId: string): Promise<Result<Comment[]>> {
  const found = await loadCard(db, cardId, userId);
  const access = decide(found?.role ?? null, 'read', 'Card');
  if (!access.ok) return access;
  const rows = await db.select().from(comments).where(eq(comments.cardId, cardId)).orderBy(asc(comments.createdAt), asc(comments.id)).limit(1000);
  const reactions = await reactionsOf(
    db,
    rows.map((r) => r.id),
  );
  return ok(rows.map((r) => toComment(r, reactions.get(r.id) ?? [])));
}

/** Members a comment may mention: those who can read the card. */
async function mentionable(tx: Tx, teamId: string): Promise<{ userId: string; email: string }[]> {
  const rows = await tx.select({ userId: teamMembers.userId, email: users.email, role: teamMembers.role }).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId)).where(eq(teamMembers.teamId, teamId));
  return rows.filter((r) => can(r.role, 'read'));
}

async function actorName(tx: Tx, userId: string): Promise<string> {
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? 'Someone';
}

const excerpt = (text: string) => (text.length > 280 ? `${text.slice(0, 277)}…` : text);

/** Tells newly mentioned people (not the author) and makes them watchers; returns who was told. */
async function tellMentioned(w: WriteContext, deps: ServiceDeps, a: CardAccess, authorId: string, mentionIds: readonly string[], body: string): Promise<string[]> {
  const told = mentionIds.filter((id) => id !== authorId);
  if (told.length === 0) return [];
  await setWatching(w.tx, a.card.id, told, true, w.now);
  const who = await actorName(w.tx, authorId);
  for (const userId of told) {
    await notifyPerson(w.tx, { userId, teamId: a.card.teamId, kind: 'mention', title: `${who} mentioned you on #${a.card.number} ${a.card.title}`, body: excerpt(body), cardId: a.card.id }, w.now, deps.newId);
  }
  return told;
}

export async function createComment(deps: ServiceDeps, auth: AuthInfo, cardId: string, body: string, o: IdempotencyOption): Promise<Result<Comment>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const text = body.trim();
    const found = await writableCard(w.tx, cardId, auth.user.id);
    if (!found.ok) return found;
    if (text === '') return invalidField('body', 'must not be blank');
    const a = found.value;
    const mentionIds = mentionedMembers(text, await mentionable(w.tx, a.card.teamId));
    const [row] = await w.tx
      .insert(comments)
      .values({ id: deps.newId(), teamId: a.card.teamId, cardId, authorId: auth.user.id, body: text, mentionIds, createdAt: w.now })
      .returning();
    const comment = toComment(row!, []);
    w.emitBoard(a.card.boardId, a.card.teamId, [{ type: 'comment.created', subjectId: cardId, payload: { comment } }]);
    const mentioned = await tellMentioned(w, deps, a, auth.user.id, mentionIds, text);
    await notifyWatchers(
      w.tx,
      { cardId, kind: 'comment', actorId: auth.user.id, title: `${auth.user.name} commented on #${a.card.number} ${a.card.title}`, body: excerpt(text), skip: mentioned },
      w.now,
      deps.newId,
    );
    return ok(comment);
  });
}

/** Your own comment, or any comment as a team admin. */
function mayChange(a: CardAccess, row: CommentRow, userId: string): Result<null> {
  if (row.authorId === userId || a.role === 'admin') return ok(null);
  return refuseAccess('forbidden', 'Only its author or a team admin may change or delete a comment.', { role: a.role });
}

export async function editComment(deps: ServiceDeps, auth: AuthInfo, cardId: string, commentId: string, body: string, o: IdempotencyOption): Promise<Result<Comment>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const text = body.trim();
    const found = await writableCard(w.tx, cardId, auth.user.id);
    if (!found.ok) return found;
    const a = found.value;
    const row = await loadComment(w.tx, cardId, commentId);
    if (!row) return notFound('Comment');
    const may = mayChange(a, row, auth.user.id);
    if (!may.ok) return may;
    if (text === '') return invalidField('body', 'must not be blank');
    if (text === row.body) return ok(await withReactions(w.tx, row));
    const mentionIds = mentionedMembers(text, await mentionable(w.tx, a.card.teamId));
    const [updated] = await w.tx.update(comments).set({ body: text, mentionIds, editedAt: w.now }).where(eq(comments.id, commentId)).returning();
    const comment = await withReactions(w.tx, updated!);
    w.emitBoard(a.card.boardId, a.card.teamId, [{ type: 'comment.edited', subjectId: cardId, payload: { comment, previousBody: row.body } }]);
    // Only people the edit newly mentions are told; the others heard already.
    const fresh = mentionIds.filter((id) => !row.mentionIds.includes(id));
    await tellMentioned(w, deps, a, row.authorId ?? auth.user.id, fresh, text);
    return ok(comment);
  });
}

export async function deleteComment(deps: ServiceDeps, auth: AuthInfo, cardId: string, commentId: string, o: IdempotencyOption): Promise<Result<{ ok: true }>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await writableCard(w.tx, cardId, auth.user.id);
    if (!found.ok) return found;
    const a = found.value;
    const row = await loadComment(w.tx, cardId, commentId);
    if (!row) return notFound('Comment');
    const may = mayChange(a, row, auth.user.id);
    if (!may.ok) return may;
    await w.tx.delete(comments).where(eq(comments.id, commentId));
    w.emitBoard(a.card.boardId, a.card.teamId, [{ type: 'comment.deleted', subjectId: cardId, payload: { commentId, cardId, authorId: row.authorId } }]);
    return ok({ ok: true as const });
  });
}

/** Adds the caller's reaction, or takes it back when they had it. */
export async function toggleReaction(deps: ServiceDeps, auth: AuthInfo, cardId: string, commentId: string, emoji: Reaction, o: IdempotencyOption): Promise<Result<Comment>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await writableCard(w.tx, cardId, auth.user.id);
    if (!found.ok) return found;
    const a = found.value;
    const row = await loadComment(w.tx, cardId, commentId);
    if (!row) return notFound('Comment');
    const mine = and(eq(commentReactions.commentId, commentId), eq(commentReactions.emoji, emoji), eq(commentReactions.userId, auth.user.id));
    const removed = await w.tx.delete(commentReactions).where(mine).returning({ userId: commentReactions.userId });
    const added = removed.length === 0;
    if (added) await w.tx.insert(commentReactions).values({ commentId, emoji, userId: auth.user.id, createdAt: w.now }).onConflictDoNothing();
    const comment = await withReactions(w.tx, row);
    w.emitBoard(a.card.boardId, a.card.teamId, [{ type: 'comment.reacted', subjectId: cardId, payload: { comment, emoji, userId: auth.user.id, added } }]);
    return ok(comment);
  });
}
