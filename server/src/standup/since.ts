/**
 * "Since the last standup", read from the event log: what moved, what was
 * added, what finished and which interrupts arrived on the team's boards.
 */
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { standupSince, type BoardEvent, type Card, type StandupChange, type StandupSince } from '@opsboard/shared';
import { requireTeam } from '../auth/access.js';
import type { Queryable } from '../db/database.js';
import { boards, cards, columns, events, standups } from '../db/schema.js';
import { iso } from '../db/time.js';
import { invalidField, ok, type Result } from '../http/result.js';
import { previousStandupAt } from './service.js';

const TYPES = ['card.created', 'card.moved', 'card.moved_in', 'interrupt.received'] as const;
/** Each list is capped: a standup reads the headlines, not a week of churn. */
const CAP = 100;

type Event = Extract<BoardEvent, { type: (typeof TYPES)[number] }>;
type CardFacts = Pick<Card, 'id' | 'boardId' | 'number' | 'title' | 'type'>;

export async function sinceLastStandup(db: Queryable, userId: string, teamId: string, boardId: string | null, now: Date): Promise<Result<StandupSince>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const teamBoards = await db.select({ id: boards.id, kind: boards.kind }).from(boards).where(eq(boards.teamId, teamId));
  if (boardId !== null && !teamBoards.some((b) => b.id === boardId)) return invalidField('boardId', 'is not a board of this team');
  const streamIds = boardId !== null ? [boardId] : teamBoards.map((b) => b.id);
  const interruptBoards = new Set(teamBoards.filter((b) => b.kind === 'interrupts').map((b) => b.id));

  // During a live standup, "since" is the standup before it.
  const [live] = await db.select({ startedAt: standups.startedAt }).from(standups).where(and(eq(standups.teamId, teamId), isNull(standups.endedAt)));
  const before = live ? iso(live.startedAt) : now.toISOString();
  const { since, basis } = standupSince(now, await previousStandupAt(db, teamId, before));

  const rows =
    streamIds.length === 0
      ? []
      : await db
          .select({ streamId: events.streamId, type: events.type, payload: events.payload, actorId: events.actorId, at: events.at })
          .from(events)
          .where(and(eq(events.teamId, teamId), inArray(events.streamId, streamIds), inArray(events.type, [...TYPES]), gt(events.at, since)))
          .orderBy(asc(events.at), asc(events.seq))
          .limit(5000);
  const columnRows = streamIds.length === 0 ? [] : await db.select({ id: columns.id, name: columns.name, category: columns.category }).from(columns).where(inArray(columns.boardId, streamIds));
  const columnById = new Map(columnRows.map((c) => [c.id, c]));

  const facts = new Map<string, CardFacts>();
  const added = new Map<string, StandupChange>();
  const moved = new Map<string, StandupChange>();
  const finished = new Map<string, StandupChange>();
  const interrupts = new Map<string, StandupChange>();
  const change = (card: CardFacts, e: { at: string; actorId: string | null }, fromColumn: string | null, toColumn: string | null): StandupChange => ({
    cardId: card.id,
    boardId: card.boardId,
    number: card.number,
    title: card.title,
    at: iso(e.at),
    actorId: e.actorId,
    fromColumn,
    toColumn,
  });
  const interruptIds: { id: string; at: string; actorId: string | null }[] = [];

  for (const r of rows) {
    // Rows are written only from typed events (events/append.ts) and checked against the catalogue in every API suite.
    const e = { type: r.type, payload: r.payload } as Event;
    switch (e.type) {
      case 'card.created': {
        const card = e.payload.card;
        facts.set(card.id, card);
        if (!interruptBoards.has(r.streamId) && card.type !== 'interrupt') added.set(card.id, change(card, r, null, columnById.get(card.columnId)?.name ?? null));
        break;
      }
      case 'card.moved': {
        const { card, from, to } = e.payload;
        facts.set(card.id, card);
        if (from.columnId === to.columnId) break;
        const fromCol = columnById.get(from.columnId);
        const toCol = columnById.get(to.columnId);
        const first = moved.get(card.id)?.fromColumn ?? finished.get(card.id)?.fromColumn ?? fromCol?.name ?? null;
        moved.delete(card.id);
        finished.delete(card.id);
        if (toCol?.category === 'done') finished.set(card.id, change(card, r, first, toCol.name));
        else moved.set(card.id, change(card, r, first, toCol?.name ?? null));
        break;
      }
      case 'card.moved_in': {
        const { card } = e.payload;
        facts.set(card.id, card);
        moved.set(card.id, change(card, r, null, columnById.get(card.columnId)?.name ?? null));
        break;
      }
      case 'interrupt.received':
        interruptIds.push({ id: e.payload.interrupt.cardId, at: r.at, actorId: r.actorId });
        break;
    }
  }
  const unknown = interruptIds.map((i) => i.id).filter((id) => !facts.has(id));
  if (unknown.length > 0) {
    const found = await db.select({ id: cards.id, boardId: cards.boardId, number: cards.number, title: cards.title, type: cards.type }).from(cards).where(inArray(cards.id, unknown));
    for (const c of found) facts.set(c.id, c);
  }
  for (const i of interruptIds) {
    const card = facts.get(i.id);
    if (card) interrupts.set(i.id, change(card, i, null, null));
  }
  // Newest first, capped.
  const list = (m: Map<string, StandupChange>) => [...m.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, CAP);
  return ok({ since, basis, moved: list(moved), added: list(added), finished: list(finished), interrupts: list(interrupts) });
}
