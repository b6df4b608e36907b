/**
 * What a person sees of a poker session. Before a reveal it says who voted and
 * the caller's own vote, never anyone else's value: every read goes through here.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { revealStats, type DeckCard, type PokerCurrentRound, type PokerItem, type PokerRoundRecord, type PokerSession } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { cards, pokerItems, pokerParticipants, pokerRounds, type pokerSessions, pokerVotes, streams, users } from '../db/schema.js';
import { iso } from '../db/time.js';

export type SessionRow = typeof pokerSessions.$inferSelect;
type RoundRow = typeof pokerRounds.$inferSelect;
type VoteRow = { roundId: string; userId: string; value: string };

/** A revealed round with its votes and statistics. */
export function roundRecord(deck: readonly DeckCard[], round: RoundRow, votes: readonly VoteRow[]): PokerRoundRecord {
  const mine = votes.filter((v) => v.roundId === round.id).map((v) => ({ userId: v.userId, value: v.value }));
  mine.sort((a, b) => a.userId.localeCompare(b.userId));
  return { id: round.id, number: round.number, revealedAt: iso(round.revealedAt), votes: mine, stats: revealStats(deck, mine) };
}

export async function sessionView(db: Queryable, session: SessionRow, viewerId: string): Promise<PokerSession> {
  const [stream] = await db.select({ lastSeq: streams.lastSeq }).from(streams).where(eq(streams.id, session.id));
  const participants = await db
    .select({ userId: pokerParticipants.userId, name: users.name, role: pokerParticipants.role, joinedAt: pokerParticipants.joinedAt })
    .from(pokerParticipants)
    .innerJoin(users, eq(users.id, pokerParticipants.userId))
    .where(eq(pokerParticipants.sessionId, session.id))
    .orderBy(asc(users.name), asc(pokerParticipants.userId));
  const itemRows = await db
    .select({ item: pokerItems, number: cards.number, title: cards.title, type: cards.type, points: cards.points })
    .from(pokerItems)
    .innerJoin(cards, eq(cards.id, pokerItems.cardId))
    .where(eq(pokerItems.sessionId, session.id))
    .orderBy(asc(pokerItems.position));
  const rounds = await db.select().from(pokerRounds).where(eq(pokerRounds.sessionId, session.id)).orderBy(asc(pokerRounds.number));
  const roundIds = rounds.map((r) => r.id);
  const votes: VoteRow[] =
    roundIds.length === 0
      ? []
      : await db.select({ roundId: pokerVotes.roundId, userId: pokerVotes.userId, value: pokerVotes.value }).from(pokerVotes).where(inArray(pokerVotes.roundId, roundIds));

  const items: PokerItem[] = itemRows.map(({ item, number, title, type, points }) => ({
    id: item.id,
    cardId: item.cardId,
    number,
    title,
    type,
    points,
    position: item.position,
    status: item.status,
    finalValue: item.finalValue,
    finalPoints: item.finalPoints,
    acceptedAt: iso(item.acceptedAt),
    rounds: rounds.filter((r) => r.itemId === item.id && r.status === 'revealed').map((r) => roundRecord(session.deck, r, votes)),
  }));

  let round: PokerCurrentRound | null = null;
  const latest = session.currentItemId ? rounds.filter((r) => r.itemId === session.currentItemId).at(-1) : undefined;
  if (latest) {
    const inRound = votes.filter((v) => v.roundId === latest.id);
    if (latest.status === 'revealed') {
      const record = roundRecord(session.deck, latest, votes);
      round = { id: latest.id, itemId: latest.itemId, number: latest.number, status: 'revealed', voted: record.votes.map((v) => v.userId), myVote: inRound.find((v) => v.userId === viewerId)?.value ?? null, votes: record.votes, stats: record.stats };
    } else {
      round = {
        id: latest.id,
        itemId: latest.itemId,
        number: latest.number,
        status: 'voting',
        voted: inRound.map((v) => v.userId).sort(),
        myVote: inRound.find((v) => v.userId === viewerId)?.value ?? null,
        votes: null,
        stats: null,
      };
    }
  }

  return {
    id: session.id,
    teamId: session.teamId,
    name: session.name,
    status: session.status,
    deckKind: session.deckKind,
    deck: session.deck,
    facilitatorId: session.facilitatorId,
    createdAt: iso(session.createdAt),
    closedAt: iso(session.closedAt),
    seq: stream?.lastSeq ?? 0,
    participants: participants.map((p) => ({ ...p, joinedAt: iso(p.joinedAt) })),
    items,
    currentItemId: session.currentItemId,
    round,
  };
}

/** Votes of one round (for the reveal event). */
export async function roundVotes(db: Queryable, roundId: string): Promise<{ userId: string; value: string }[]> {
  const rows = await db.select({ userId: pokerVotes.userId, value: pokerVotes.value }).from(pokerVotes).where(eq(pokerVotes.roundId, roundId));
  return rows.sort((a, b) => a.userId.localeCompare(b.userId));
}

export async function latestRound(db: Queryable, itemId: string): Promise<RoundRow | null> {
  const rows = await db.select().from(pokerRounds).where(and(eq(pokerRounds.itemId, itemId))).orderBy(asc(pokerRounds.number));
  return rows.at(-1) ?? null;
}
