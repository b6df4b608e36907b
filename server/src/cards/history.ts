/**
 * A card's history from the event log, with names for every id the entries
 * mention (people, columns, swimlanes, boards, features, iterations, cards).
 * Names are resolved when the history is read, from rows that archiving
 * keeps: an archived column or board still has its name, a renamed one shows
 * its current name (the one people see everywhere else), and the log itself
 * is never rewritten. An id that resolves to nothing is left out of `names`,
 * and the reader says so in words.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { HistoryEntry } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { boards, cards, columns, events, features, iterations, lanes, teamMembers, users } from '../db/schema.js';
import { iso } from '../db/time.js';
import { ok, type Result } from '../http/result.js';
import { decide } from '../auth/access.js';
import { collectRefs, emptyRefs, mergeRefs, REF_KINDS, type RefKind, type Refs } from './history-refs.js';

type Named = { id: string; name: string };

/** One lookup per kind, each confined to the team, so an id from elsewhere never lends a name. */
async function lookup(db: Queryable, teamId: string, kind: RefKind, ids: string[]): Promise<Named[]> {
  switch (kind) {
    case 'people':
      return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
    case 'columns':
      return db
        .select({ id: columns.id, name: columns.name })
        .from(columns)
        .innerJoin(boards, eq(boards.id, columns.boardId))
        .where(and(eq(boards.teamId, teamId), inArray(columns.id, ids)));
    case 'lanes':
      return db
        .select({ id: lanes.id, name: lanes.name })
        .from(lanes)
        .innerJoin(boards, eq(boards.id, lanes.boardId))
        .where(and(eq(boards.teamId, teamId), inArray(lanes.id, ids)));
    case 'boards':
      return db.select({ id: boards.id, name: boards.name }).from(boards).where(and(eq(boards.teamId, teamId), inArray(boards.id, ids)));
    case 'features':
      return db.select({ id: features.id, name: features.name }).from(features).where(and(eq(features.teamId, teamId), inArray(features.id, ids)));
    case 'iterations':
      return db.select({ id: iterations.id, name: iterations.name }).from(iterations).where(and(eq(iterations.teamId, teamId), inArray(iterations.id, ids)));
    case 'cards': {
      const rows = await db.select({ id: cards.id, number: cards.number, title: cards.title }).from(cards).where(and(eq(cards.teamId, teamId), inArray(cards.id, ids)));
      return rows.map((r) => ({ id: r.id, name: `#${r.number} ${r.title}` }));
    }
  }
}

/** Names by id for everything in `refs` that still exists in the team. */
export async function resolveNames(db: Queryable, teamId: string, refs: Refs): Promise<Map<string, string>> {
  const found = await Promise.all(REF_KINDS.filter((k) => refs[k].size > 0).map((k) => lookup(db, teamId, k, [...refs[k]])));
  return new Map(found.flat().map((r) => [r.id, r.name]));
}

/** Everything that happened to a card, oldest first, from the event log (across boards it moved between). */
export async function cardHistory(db: Queryable, userId: string, cardId: string): Promise<Result<HistoryEntry[]>> {
  const [found] = await db
    .select({ teamId: cards.teamId, role: teamMembers.role })
    .from(cards)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, cards.teamId), eq(teamMembers.userId, userId)))
    .where(eq(cards.id, cardId));
  const access = decide(found?.role ?? null, 'read', 'Card');
  if (!access.ok) return access;
  const teamId = found!.teamId;
  const rows = await db
    .select({ e: events, actorName: users.name })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(and(eq(events.subjectId, cardId), eq(events.teamId, teamId)))
    .orderBy(asc(events.at), asc(events.seq))
    .limit(1000);
  const perEntry = rows.map(({ e }) => collectRefs(e.payload));
  const names = await resolveNames(db, teamId, perEntry.reduce(mergeRefs, emptyRefs()));
  return ok(
    rows.map(({ e, actorName }, i) => {
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
        payload: e.payload,
        names: mentioned,
      };
    }),
  );
}
