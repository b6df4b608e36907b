/**
 * Activity feeds read from the event log: what happened in a team, newest
 * first, filterable by kind, board, person and date, paged by a cursor
 * (so new events arriving meanwhile never shift a page).
 */
import { and, desc, eq, gte, like, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ActivityEntry, ActivityKind, ActivityPage, ActivityQuery } from '@opsboard/shared';
import { requireTeam } from '../auth/access.js';
import { collectRefs, emptyRefs, mergeRefs, REF_KINDS } from '../cards/history-refs.js';
import { resolveNames } from '../cards/history.js';
import type { Queryable } from '../db/database.js';
import { events, users } from '../db/schema.js';
import { iso } from '../db/time.js';
import { invalidField, ok, type Result } from '../http/result.js';

/** Event type prefixes per kind of the filter. */
const KIND_PREFIXES: Record<ActivityKind, string[]> = {
  cards: ['card.'],
  comments: ['comment.'],
  interrupts: ['interrupt.'],
  planning: ['feature.', 'iteration.'],
  team: ['team.', 'member.', 'invitation.', 'rotation.', 'handoff.', 'webhook.'],
  boards: ['board.', 'column.', 'lane.'],
};
/** Reorders say nothing a person would miss. */
const NOISE = ['cards.reranked'];
/** Events whose subject is a card. */
const ABOUT_CARDS = /^(card|comment|interrupt)\./;

interface Cursor {
  at: string;
  streamId: string;
  seq: number;
}

function encodeCursor(c: Cursor): string {
  return `${c.at}_${c.streamId}_${c.seq}`;
}
function decodeCursor(text: string): Cursor | null {
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})_(\d{1,15})$/i.exec(text);
  return m ? { at: m[1]!, streamId: m[2]!.toLowerCase(), seq: Number(m[3]) } : null;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString();

export async function teamActivity(db: Queryable, userId: string, teamId: string, q: ActivityQuery): Promise<Result<ActivityPage>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const cursor = q.before !== undefined ? decodeCursor(q.before) : null;
  if (q.before !== undefined && !cursor) return invalidField('before', 'is not a cursor from a previous page');
  if (q.from && q.to && q.from > q.to) return invalidField('to', 'is before from');
  const limit = q.limit ?? 50;
  const where: SQL[] = [eq(events.teamId, teamId), ...NOISE.map((t) => ne(events.type, t))];
  if (q.kind) where.push(or(...KIND_PREFIXES[q.kind].map((p) => like(events.type, `${p}%`)))!);
  if (q.boardId) where.push(eq(events.streamId, q.boardId));
  if (q.personId) where.push(eq(events.actorId, q.personId));
  // Dates are whole UTC days.
  if (q.from) where.push(gte(events.at, `${q.from}T00:00:00.000Z`));
  if (q.to) where.push(lt(events.at, nextDay(q.to)));
  if (cursor) where.push(sql`(${events.at}, ${events.streamId}, ${events.seq}) < (${cursor.at}::timestamptz, ${cursor.streamId}::uuid, ${cursor.seq})`);
  const rows = await db
    .select({ e: events, actorName: users.name })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(and(...where))
    .orderBy(desc(events.at), desc(events.streamId), desc(events.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const perEntry = page.map(({ e }) => {
    const refs = collectRefs(e.payload);
    if (e.subjectId && ABOUT_CARDS.test(e.type)) refs.cards.add(e.subjectId);
    if (e.type === 'comment.created' || e.type === 'comment.edited' || e.type === 'comment.reacted' || e.type === 'comment.deleted') collectMentions(e.payload, refs.people);
    return refs;
  });
  const names = await resolveNames(db, teamId, perEntry.reduce(mergeRefs, emptyRefs()));
  const entries: ActivityEntry[] = page.map(({ e, actorName }, i) => {
    const mentioned: Record<string, string> = {};
    for (const kind of REF_KINDS) {
      for (const id of perEntry[i]![kind]) {
        const name = names.get(id);
        if (name !== undefined) mentioned[id] = name;
      }
    }
    return {
      streamId: e.streamId,
      seq: e.seq,
      type: e.type,
      at: iso(e.at),
      actor: e.actorId && actorName !== null ? { id: e.actorId, name: actorName } : null,
      subjectId: e.subjectId,
      payload: e.payload,
      names: mentioned,
    };
  });
  const last = page.at(-1);
  return ok({ entries, next: rows.length > limit && last ? encodeCursor({ at: iso(last.e.at), streamId: last.e.streamId, seq: last.e.seq }) : null });
}

/** Authors and mentioned people of a comment event, so the feed can name them. */
function collectMentions(payload: unknown, into: Set<string>): void {
  if (typeof payload !== 'object' || payload === null) return;
  const comment = (payload as { comment?: unknown }).comment;
  if (typeof comment !== 'object' || comment === null) return;
  const { authorId, mentionIds } = comment as { authorId?: unknown; mentionIds?: unknown };
  if (typeof authorId === 'string') into.add(authorId);
  if (Array.isArray(mentionIds)) for (const id of mentionIds) if (typeof id === 'string') into.add(id);
}

