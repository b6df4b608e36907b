/** Reads around poker: a team's sessions, a card's estimation history, and reference cards of similar size and kind. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { CardPokerHistory, PokerReference, PokerSessionSummary, TeamPokerDeck } from '@opsboard/shared';
import { decide, requireTeam } from '../auth/access.js';
import type { Queryable } from '../db/database.js';
import { cards, columns, pokerItems, pokerRounds, pokerSessions, pokerVotes, teamMembers, teams } from '../db/schema.js';
import { iso } from '../db/time.js';
import { ok, type Result } from '../http/result.js';
import { roundRecord } from './view.js';

export async function listSessions(db: Queryable, userId: string, teamId: string): Promise<Result<PokerSessionSummary[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await db
    .select({
      session: pokerSessions,
      cards: sql<number>`(SELECT count(*) FROM poker_items i WHERE i.session_id = "poker_sessions"."id")`.mapWith(Number),
      accepted: sql<number>`(SELECT count(*) FROM poker_items i WHERE i.session_id = "poker_sessions"."id" AND i.status = 'accepted')`.mapWith(Number),
    })
    .from(pokerSessions)
    .where(eq(pokerSessions.teamId, teamId))
    .orderBy(desc(pokerSessions.createdAt))
    .limit(100);
  return ok(
    rows.map(({ session: s, cards: n, accepted }) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      deckKind: s.deckKind,
      facilitatorId: s.facilitatorId,
      createdAt: iso(s.createdAt),
      closedAt: iso(s.closedAt),
      cards: n,
      accepted,
    })),
  );
}

async function readableCard(db: Queryable, userId: string, cardId: string) {
  const [row] = await db
    .select({ card: cards, role: teamMembers.role })
    .from(cards)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, cards.teamId), eq(teamMembers.userId, userId)))
    .where(eq(cards.id, cardId));
  const access = decide(row?.role ?? null, 'read', 'Card');
  return access.ok ? ok(row!.card) : access;
}

/** Every session that had this card: its revealed rounds with every vote, and the final value. */
export async function cardPokerHistory(db: Queryable, userId: string, cardId: string): Promise<Result<CardPokerHistory[]>> {
  const found = await readableCard(db, userId, cardId);
  if (!found.ok) return found;
  const items = await db
    .select({ item: pokerItems, session: pokerSessions })
    .from(pokerItems)
    .innerJoin(pokerSessions, eq(pokerSessions.id, pokerItems.sessionId))
    .where(eq(pokerItems.cardId, cardId))
    .orderBy(asc(pokerSessions.createdAt));
  if (items.length === 0) return ok([]);
  const rounds = await db
    .select()
    .from(pokerRounds)
    .where(and(inArray(pokerRounds.itemId, items.map((i) => i.item.id)), eq(pokerRounds.status, 'revealed')))
    .orderBy(asc(pokerRounds.number));
  const votes = rounds.length === 0 ? [] : await db.select().from(pokerVotes).where(inArray(pokerVotes.roundId, rounds.map((r) => r.id)));
  return ok(
    items.map(({ item, session }) => ({
      sessionId: session.id,
      sessionName: session.name,
      createdAt: iso(session.createdAt),
      status: item.status,
      finalValue: item.finalValue,
      finalPoints: item.finalPoints,
      rounds: rounds.filter((r) => r.itemId === item.id).map((r) => roundRecord(session.deck, r, votes)),
    })),
  );
}

const DAY_MS = 86_400_000;

/**
 * Three already-estimated cards of the same type, closest in points to this
 * card's (or to `near` when given; 3 when neither is known), finished ones
 * first, with their actual cycle time: from first entering a doing column to
 * entering done.
 */
export async function pokerReferences(db: Queryable, userId: string, cardId: string, near: number | undefined): Promise<Result<PokerReference[]>> {
  const found = await readableCard(db, userId, cardId);
  if (!found.ok) return found;
  const card = found.value;
  const target = near ?? card.points ?? 3;
  const rows = await db
    .select({ id: cards.id, number: cards.number, title: cards.title, type: cards.type, points: cards.points, category: columns.category, enteredAt: cards.columnEnteredAt })
    .from(cards)
    .innerJoin(columns, eq(columns.id, cards.columnId))
    .where(and(eq(cards.teamId, card.teamId), eq(cards.type, card.type), ne(cards.id, card.id), isNotNull(cards.points), isNull(cards.archivedAt)))
    .orderBy(
      sql`CASE WHEN ${columns.category} = 'done' THEN 0 ELSE 1 END`,
      sql`abs(${cards.points} - ${target})`,
      desc(cards.columnEnteredAt),
      asc(cards.id),
    )
    .limit(3);
  const done = rows.filter((r) => r.category === 'done');
  const started = new Map<string, string>();
  if (done.length > 0) {
    const result = await db.execute<{ card_id: string; started: string }>(sql`
      SELECT e.subject_id AS card_id, min(e.at)::text AS started
      FROM events e
      JOIN columns c ON c.id = (e.payload->'to'->>'columnId')::uuid
      WHERE e.subject_id = ANY(${sql.param(done.map((r) => r.id))}::uuid[]) AND e.type IN ('card.moved') AND c.category = 'doing'
      GROUP BY e.subject_id
    `);
    for (const r of result.rows) started.set(r.card_id, r.started);
  }
  return ok(
    rows.map((r) => {
      const isDone = r.category === 'done';
      const from = started.get(r.id);
      const cycle = isDone && from ? Math.max(0, Date.parse(iso(r.enteredAt)) - Date.parse(iso(from))) / DAY_MS : null;
      return {
        cardId: r.id,
        number: r.number,
        title: r.title,
        type: r.type,
        points: r.points!,
        cycleTimeDays: cycle === null ? null : Math.round(cycle * 10) / 10,
        doneAt: isDone ? iso(r.enteredAt) : null,
      };
    }),
  );
}

/** The team's saved custom deck (every member reads it). */
export async function readTeamDeck(db: Queryable, userId: string, teamId: string): Promise<Result<TeamPokerDeck>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const [row] = await db.select({ deck: teams.pokerDeck }).from(teams).where(eq(teams.id, teamId));
  return ok({ cards: row?.deck ?? null });
}
