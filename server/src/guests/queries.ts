/**
 * What one person raised, proposed or is paired on in a team, as they follow
 * it: the cards they created (interrupts and proposals, with the PoTW's
 * triage and the story an interrupt became) and the feature cards they are
 * assigned to. For a guest this is the whole of the team they can see, so
 * it carries names only of the people on these cards.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { CardPlace, MyRequest, MyRequests, MyWorkItem, Person, RequestTriage, WorkColumn } from '@opsboard/shared';
import type { CardRow } from '../boards/mappers.js';
import type { Queryable } from '../db/database.js';
import { boards, cards, columns, features, interrupts, teamMembers, teams, users } from '../db/schema.js';
import { iso } from '../db/time.js';
import { ok, type Result } from '../http/result.js';
import type { InterruptRow } from '../boards/mappers.js';
import { decide } from '../auth/access.js';

/** Enough for anyone's own list; the oldest fall off. */
const MAX_ITEMS = 200;

interface PlacedRow {
  card: CardRow;
  boardKind: CardPlace['boardKind'];
  boardName: string;
  columnName: string;
  columnCategory: CardPlace['columnCategory'];
}

const placed = {
  card: cards,
  boardKind: boards.kind,
  boardName: boards.name,
  columnName: columns.name,
  columnCategory: columns.category,
};

function placeOf(r: PlacedRow, names: ReadonlyMap<string, string>): CardPlace {
  return {
    cardId: r.card.id,
    number: r.card.number,
    title: r.card.title,
    boardKind: r.boardKind,
    boardName: r.boardName,
    columnId: r.card.columnId,
    columnName: r.columnName,
    columnCategory: r.columnCategory,
    assignees: r.card.assigneeIds.map((id) => person(id, names)),
    archived: r.card.archivedAt !== null,
    updatedAt: iso(r.card.updatedAt),
  };
}

const person = (userId: string, names: ReadonlyMap<string, string>): Person => ({ userId, name: names.get(userId) ?? 'Former member' });

function triageOf(i: InterruptRow, names: ReadonlyMap<string, string>, numbers: ReadonlyMap<string, number>): RequestTriage {
  return {
    status: i.status,
    severity: i.severity,
    triagedAt: iso(i.triagedAt),
    escalatedTo: i.escalatedTo ? person(i.escalatedTo, names) : null,
    resolution: i.resolution,
    duplicateOfNumber: i.duplicateOfCardId ? (numbers.get(i.duplicateOfCardId) ?? null) : null,
    resolvedBySourceAt: iso(i.resolvedBySourceAt),
  };
}

async function namesOf(db: Queryable, ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The caller's requests and work in a team; 404 outside it, 403 for a role that can neither raise nor propose (a viewer). */
export async function myRequests(db: Queryable, userId: string, teamId: string): Promise<Result<MyRequests>> {
  const [member] = await db
    .select({ teamName: teams.name, role: teamMembers.role })
    .from(teams)
    .innerJoin(teamMembers, and(eq(teamMembers.teamId, teams.id), eq(teamMembers.userId, userId)))
    .where(eq(teams.id, teamId));
  const access = decide(member?.role ?? null, 'raise', 'Team');
  if (!access.ok) return access;
  const requests = await requestsOf(db, teamId, userId);
  const work = await workOf(db, teamId, userId);
  return ok({ teamId, teamName: member!.teamName, role: access.value, requests, work });
}

/** The cards the person created, newest first (or just the ones named), with what became of them. */
export async function requestsOf(db: Queryable, teamId: string, userId: string, onlyCardIds?: readonly string[]): Promise<MyRequest[]> {
  const rows = await db
    .select({ ...placed, interrupt: interrupts })
    .from(cards)
    .innerJoin(boards, eq(boards.id, cards.boardId))
    .innerJoin(columns, eq(columns.id, cards.columnId))
    .leftJoin(interrupts, eq(interrupts.cardId, cards.id))
    .where(and(eq(cards.teamId, teamId), eq(cards.createdBy, userId), onlyCardIds ? inArray(cards.id, [...onlyCardIds]) : undefined))
    .orderBy(desc(cards.createdAt), desc(cards.id))
    .limit(MAX_ITEMS);
  const convertedIds = rows.flatMap((r) => (r.interrupt?.convertedCardId ? [r.interrupt.convertedCardId] : []));
  const duplicateIds = rows.flatMap((r) => (r.interrupt?.duplicateOfCardId ? [r.interrupt.duplicateOfCardId] : []));
  const followUps =
    convertedIds.length === 0
      ? []
      : await db
          .select(placed)
          .from(cards)
          .innerJoin(boards, eq(boards.id, cards.boardId))
          .innerJoin(columns, eq(columns.id, cards.columnId))
          .where(and(eq(cards.teamId, teamId), inArray(cards.id, convertedIds)));
  const byId = new Map(followUps.map((f) => [f.card.id, f]));
  const numbers =
    duplicateIds.length === 0
      ? new Map<string, number>()
      : new Map((await db.select({ id: cards.id, number: cards.number }).from(cards).where(inArray(cards.id, duplicateIds))).map((c) => [c.id, c.number]));
  const names = await namesOf(db, [
    ...rows.flatMap((r) => [...r.card.assigneeIds, ...(r.interrupt?.escalatedTo ? [r.interrupt.escalatedTo] : [])]),
    ...followUps.flatMap((f) => f.card.assigneeIds),
  ]);
  return rows.map((r) => {
    const followUp = r.interrupt?.convertedCardId ? byId.get(r.interrupt.convertedCardId) : undefined;
    return {
      kind: r.interrupt ? 'interrupt' : 'proposal',
      card: placeOf(r, names),
      createdAt: iso(r.card.createdAt),
      triage: r.interrupt ? triageOf(r.interrupt, names, numbers) : null,
      followUp: followUp ? placeOf(followUp, names) : null,
    };
  });
}

/**
 * Live feature cards on live boards the person is assigned to, in board
 * order, each with the columns it may move to (all but the backlog, which
 * only the PO ranks).
 */
export async function workOf(db: Queryable, teamId: string, userId: string, onlyCardIds?: readonly string[]): Promise<MyWorkItem[]> {
  const rows = await db
    .select({ ...placed, featureName: features.name })
    .from(cards)
    .innerJoin(boards, eq(boards.id, cards.boardId))
    .innerJoin(columns, eq(columns.id, cards.columnId))
    .innerJoin(features, eq(features.id, cards.featureId))
    .where(
      and(
        eq(cards.teamId, teamId),
        sql`${cards.assigneeIds} @> ARRAY[${userId}]::uuid[]`,
        isNotNull(cards.featureId),
        isNull(cards.archivedAt),
        isNull(boards.archivedAt),
        onlyCardIds ? inArray(cards.id, [...onlyCardIds]) : undefined,
      ),
    )
    .orderBy(asc(boards.rank), asc(columns.rank), asc(cards.rank), asc(cards.id))
    .limit(MAX_ITEMS);
  const boardIds = [...new Set(rows.map((r) => r.card.boardId))];
  const cols =
    boardIds.length === 0
      ? []
      : await db
          .select()
          .from(columns)
          .where(and(inArray(columns.boardId, boardIds), isNull(columns.archivedAt), ne(columns.category, 'backlog')))
          .orderBy(asc(columns.rank), asc(columns.id));
  const columnsByBoard = new Map<string, WorkColumn[]>();
  for (const c of cols) {
    const list = columnsByBoard.get(c.boardId) ?? [];
    list.push({ columnId: c.id, name: c.name, category: c.category });
    columnsByBoard.set(c.boardId, list);
  }
  const names = await namesOf(db, rows.flatMap((r) => r.card.assigneeIds));
  return rows.map((r) => ({
    card: placeOf(r, names),
    version: r.card.version,
    description: r.card.description,
    featureName: r.featureName,
    blocked: r.card.blocked,
    blockedReason: r.card.blockedReason,
    columns: columnsByBoard.get(r.card.boardId) ?? [],
  }));
}
