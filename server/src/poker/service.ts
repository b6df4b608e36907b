/**
 * Planning poker sessions. Each session is its own event stream (kind
 * 'poker'), so subscribing to it is checked like any stream and the hub's
 * presence says who is in the room. Every change locks the session row, so
 * votes, reveals and accepts apply one at a time in a clear order.
 */
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import { can, checkCustomDeck, deckCards, findCard, type DeckCard, type OpenPokerBody, type PokerSession, type Role, type TeamPokerDeck } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { decide, requireTeam, roleIn } from '../auth/access.js';
import { applyUpdate, lockCard, writable } from '../cards/service.js';
import type { ServiceDeps } from '../context.js';
import type { Tx } from '../db/database.js';
import { cards, features, pokerItems, pokerParticipants, pokerRounds, pokerSessions, pokerVotes, streams, teams } from '../db/schema.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, refuse, refuseAccess, type Result } from '../http/result.js';
import { latestRound, roundVotes, sessionView, type SessionRow } from './view.js';

type Opts = IdempotencyOption;
type ItemRow = typeof pokerItems.$inferSelect;
/** A write context that also hands out ids. */
type PW = WriteContext & { newId: () => string };

const actorOf = (auth: AuthInfo, o: Opts) => ({ actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey });

/** Who may open a session: a PO or admin, or the lead of one of the team's live features. */
async function mayFacilitate(tx: Tx, teamId: string, userId: string, role: Role | null): Promise<boolean> {
  if (can(role, 'plan')) return true;
  if (!can(role, 'write')) return false;
  const [lead] = await tx
    .select({ id: features.id })
    .from(features)
    .where(and(eq(features.teamId, teamId), eq(features.leadId, userId), inArray(features.status, ['proposed', 'active'])))
    .limit(1);
  return lead !== undefined;
}

/** The live cards of the team among these ids; a 400 names the first that is not one. */
async function teamCards(tx: Tx, teamId: string, cardIds: readonly string[]): Promise<Result<string[]>> {
  const unique = [...new Set(cardIds)];
  if (unique.length === 0) return ok([]);
  const rows = await tx
    .select({ id: cards.id })
    .from(cards)
    .where(and(eq(cards.teamId, teamId), inArray(cards.id, unique), isNull(cards.archivedAt)));
  const found = new Set(rows.map((r) => r.id));
  const missing = cardIds.findIndex((id) => !found.has(id));
  if (missing >= 0) return invalidField(`cardIds/${missing}`, 'is not a live card of this team');
  return ok(unique);
}

async function queueCards(w: PW, session: SessionRow, cardIds: readonly string[]): Promise<ItemRow[]> {
  const existing = await w.tx.select({ cardId: pokerItems.cardId, position: pokerItems.position }).from(pokerItems).where(eq(pokerItems.sessionId, session.id));
  const have = new Set(existing.map((e) => e.cardId));
  let position = existing.reduce((m, e) => Math.max(m, e.position), 0);
  const fresh = cardIds.filter((id) => !have.has(id));
  if (fresh.length === 0) return [];
  const rows = await w.tx
    .insert(pokerItems)
    .values(fresh.map((cardId) => ({ id: w.newId(), sessionId: session.id, cardId, position: ++position, status: 'queued' as const })))
    .returning();
  w.emitPoker(session.id, session.teamId, [{ type: 'poker.cards_queued', subjectId: session.id, payload: { items: rows.map((r) => ({ itemId: r.id, cardId: r.cardId })) } }]);
  return rows;
}

/** Makes an item current with a fresh round (numbered after its earlier ones). */
async function startRound(w: PW, session: SessionRow, item: ItemRow): Promise<void> {
  const [last] = await w.tx.select({ n: max(pokerRounds.number) }).from(pokerRounds).where(eq(pokerRounds.itemId, item.id));
  const number = (last?.n ?? 0) + 1;
  const roundId = w.newId();
  await w.tx.insert(pokerRounds).values({ id: roundId, itemId: item.id, sessionId: session.id, number, status: 'voting', startedAt: w.now });
  await w.tx.update(pokerSessions).set({ currentItemId: item.id }).where(eq(pokerSessions.id, session.id));
  session.currentItemId = item.id;
  w.emitPoker(session.id, session.teamId, [{ type: 'poker.round_started', subjectId: session.id, payload: { itemId: item.id, cardId: item.cardId, roundId, number } }]);
}

/** Moves on to the next queued card after the current one (or the first queued one); none left: no current card. */
async function advance(w: PW, session: SessionRow): Promise<void> {
  const queued = await w.tx
    .select()
    .from(pokerItems)
    .where(and(eq(pokerItems.sessionId, session.id), eq(pokerItems.status, 'queued')))
    .orderBy(asc(pokerItems.position));
  const currentPos = queued.find((q) => q.id === session.currentItemId)?.position ?? null;
  const candidates = queued.filter((q) => q.id !== session.currentItemId);
  const next = (currentPos === null ? undefined : candidates.find((q) => q.position > currentPos)) ?? candidates[0];
  if (next) return startRound(w, session, next);
  await w.tx.update(pokerSessions).set({ currentItemId: null }).where(eq(pokerSessions.id, session.id));
  session.currentItemId = null;
}

async function lockSession(tx: Tx, sessionId: string, userId: string): Promise<{ session: SessionRow; role: Role | null } | null> {
  const [session] = await tx.select().from(pokerSessions).where(eq(pokerSessions.id, sessionId)).for('update');
  if (!session) return null;
  return { session, role: await roleIn(tx, userId, session.teamId) };
}

type Guard = 'read' | 'vote' | 'facilitate';

/** Loads and locks the session and checks the caller may do this: 404 outside the team, 403 for a role or a non-facilitator, 409 once closed. */
async function open(tx: Tx, sessionId: string, auth: AuthInfo, guard: Guard, what: string): Promise<Result<{ session: SessionRow; role: Role }>> {
  const found = await lockSession(tx, sessionId, auth.user.id);
  const access = decide(found?.role ?? null, guard === 'read' ? 'read' : 'write', 'Poker session');
  if (!access.ok) return access;
  const { session } = found!;
  if (guard === 'facilitate' && session.facilitatorId !== auth.user.id) {
    return refuseAccess('forbidden', `Only the session's facilitator can ${what}; ask them to hand you the role.`, { facilitatorId: session.facilitatorId });
  }
  if (session.status === 'closed') return refuse('conflict', 'This poker session is closed.');
  return ok({ session, role: access.value });
}

async function view(w: PW, sessionId: string, userId: string): Promise<Result<PokerSession>> {
  const [session] = await w.tx.select().from(pokerSessions).where(eq(pokerSessions.id, sessionId));
  return ok(await sessionView(w.tx, session!, userId));
}

/** Adds or changes a participant; emits only when something changed. */
async function join(w: PW, session: SessionRow, userId: string, role: 'voter' | 'viewer'): Promise<void> {
  const [current] = await w.tx
    .select({ role: pokerParticipants.role })
    .from(pokerParticipants)
    .where(and(eq(pokerParticipants.sessionId, session.id), eq(pokerParticipants.userId, userId)));
  if (current?.role === role) return;
  await w.tx
    .insert(pokerParticipants)
    .values({ sessionId: session.id, userId, role, joinedAt: w.now })
    .onConflictDoUpdate({ target: [pokerParticipants.sessionId, pokerParticipants.userId], set: { role } });
  w.emitPoker(session.id, session.teamId, [{ type: 'poker.joined', subjectId: session.id, payload: { userId, role } }]);
}

export async function openSession(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: OpenPokerBody, o: Opts): Promise<Result<PokerSession>> {
  return mutate(deps, actorOf(auth, o), async (ctx) => {
      const w: PW = { ...ctx, newId: deps.newId };
      const role = await roleIn(w.tx, auth.user.id, teamId);
      const access = decide(role, 'read', 'Team');
      if (!access.ok) return access;
      if (!(await mayFacilitate(w.tx, teamId, auth.user.id, role))) {
        return refuseAccess('forbidden', 'A PO, an admin or a feature lead of this team opens poker sessions.', { role });
      }
      let custom: readonly DeckCard[] = [];
      if (body.deck === 'custom') {
        if (body.customDeck) {
          const problem = checkCustomDeck(body.customDeck);
          if (problem) return invalidField('customDeck', problem);
          custom = body.customDeck;
        } else {
          const [saved] = await w.tx.select({ deck: teams.pokerDeck }).from(teams).where(eq(teams.id, teamId));
          if (!saved?.deck) return invalidField('customDeck', 'is required with deck "custom" until the team saves its own deck');
          custom = saved.deck;
        }
      } else if (body.customDeck !== undefined) {
        return invalidField('customDeck', 'is only for deck "custom"');
      }
      const picked = await teamCards(w.tx, teamId, body.cardIds);
      if (!picked.ok) return picked;
      const id = deps.newId();
      const name = body.name?.trim() || `Poker ${w.now.slice(0, 10)}`;
      await w.tx.insert(streams).values({ id, teamId, kind: 'poker', lastSeq: 0 });
      const [session] = await w.tx
        .insert(pokerSessions)
        .values({ id, teamId, name, deckKind: body.deck, deck: deckCards(body.deck, custom), facilitatorId: auth.user.id, status: 'open', createdBy: auth.user.id, createdAt: w.now })
        .returning();
      w.emitPoker(id, teamId, [{ type: 'poker.opened', subjectId: id, payload: { sessionId: id, name, deckKind: body.deck, facilitatorId: auth.user.id } }]);
      await join(w, session!, auth.user.id, 'voter');
      const items = await queueCards(w, session!, picked.value);
      if (items[0]) await startRound(w, session!, items[0]);
      return view(w, id, auth.user.id);
  });
}

/** Saves (or with null clears) the team's custom deck; whoever may open a session may change it. */
export async function saveTeamDeck(deps: ServiceDeps, auth: AuthInfo, teamId: string, deck: readonly DeckCard[] | null, o: Opts): Promise<Result<TeamPokerDeck>> {
  if (deck) {
    const problem = checkCustomDeck(deck);
    if (problem) return invalidField('cards', problem);
  }
  const cleaned = deck?.map((c) => ({ label: c.label.trim(), points: c.points })) ?? null;
  return mutate(deps, actorOf(auth, o), async (w) => {
    const role = await roleIn(w.tx, auth.user.id, teamId);
    const access = decide(role, 'read', 'Team');
    if (!access.ok) return access;
    if (!(await mayFacilitate(w.tx, teamId, auth.user.id, role))) {
      return refuseAccess('forbidden', "A PO, an admin or a feature lead of this team sets the team's poker deck.", { role });
    }
    const [before] = await w.tx.select({ deck: teams.pokerDeck }).from(teams).where(eq(teams.id, teamId)).for('update');
    if (JSON.stringify(before?.deck ?? null) !== JSON.stringify(cleaned)) {
      await w.tx.update(teams).set({ pokerDeck: cleaned }).where(eq(teams.id, teamId));
      w.emitTeam(teamId, [{ type: 'poker.deck_saved', subjectId: teamId, payload: { cards: cleaned } }]);
    }
    return ok({ cards: cleaned });
  });
}

export async function addCards(deps: ServiceDeps, auth: AuthInfo, sessionId: string, cardIds: readonly string[], o: Opts): Promise<Result<PokerSession>> {
  return mutate(deps, actorOf(auth, o), async (ctx) => {
      const w: PW = { ...ctx, newId: deps.newId };
      const found = await open(w.tx, sessionId, auth, 'facilitate', 'queue cards');
      if (!found.ok) return found;
      const { session } = found.value;
      const picked = await teamCards(w.tx, session.teamId, cardIds);
      if (!picked.ok) return picked;
      const items = await queueCards(w, session, picked.value);
      if (!session.currentItemId && items[0]) await startRound(w, session, items[0]);
      return view(w, sessionId, auth.user.id);
  });
}

export async function joinSession(deps: ServiceDeps, auth: AuthInfo, sessionId: string, wanted: 'voter' | 'viewer' | undefined, o: Opts): Promise<Result<PokerSession>> {
  return mutate(deps, actorOf(auth, o), async (ctx) => {
      const w: PW = { ...ctx, newId: deps.newId };
      const found = await open(w.tx, sessionId, auth, 'read', 'join');
      if (!found.ok) return found;
      const { session, role } = found.value;
      // A team viewer watches: asking to vote is refused rather than quietly downgraded.
      if (wanted === 'voter' && !can(role, 'write')) return refuseAccess('forbidden', `Your role (${role}) watches poker sessions; voting needs member, po or admin.`, { role });
      await join(w, session, auth.user.id, wanted ?? (can(role, 'write') ? 'voter' : 'viewer'));
      return view(w, sessionId, auth.user.id);
  });
}

export async function castVote(deps: ServiceDeps, auth: AuthInfo, sessionId: string, value: string, o: Opts): Promise<Result<PokerSession>> {
  return mutate(deps, actorOf(auth, o), async (ctx) => {
      const w: PW = { ...ctx, newId: deps.newId };
      const found = await open(w.tx, sessionId, auth, 'vote', 'vote');
      if (!found.ok) return found;
      const { session } = found.value;
      const [participant] = await w.tx
        .select({ role: pokerParticipants.role })
        .from(pokerParticipants)
        .where(and(eq(pokerParticipants.sessionId, session.id), eq(pokerParticipants.userId, auth.user.id)));
      if (participant?.role === 'viewer') return refuseAccess('forbidden', 'You joined this session as a viewer; join as a voter to vote.');
      if (!findCard(session.deck, value)) return invalidField('value', `is not a card of this deck (${session.deck.map((c) => c.label).join(', ')})`);
      if (!session.currentItemId) return refuse('conflict', 'No card is up for estimation right now.');
      const round = await latestRound(w.tx, session.currentItemId);
      if (!round || round.status !== 'voting') return refuse('conflict', 'The votes of this round are revealed; wait for a re-vote or the next card.');
      if (!participant) await join(w, session, auth.user.id, 'voter');
      const [previous] = await w.tx
        .select({ value: pokerVotes.value })
        .from(pokerVotes)
        .where(and(eq(pokerVotes.roundId, round.id), eq(pokerVotes.userId, auth.user.id)));
      if (previous?.value === value) return view(w, sessionId, auth.user.id);
      await w.tx
        .insert(pokerVotes)
        .values({ roundId: round.id, userId: auth.user.id, value, votedAt: w.now })
        .onConflictDoUpdate({ target: [pokerVotes.roundId, pokerVotes.userId], set: { value, votedAt: w.now } });
      // Who voted, never what: the value stays in the table until the reveal.
      w.emitPoker(session.id, session.teamId, [{ type: 'poker.voted', subjectId: session.id, payload: { roundId: round.id, userId: auth.user.id } }]);
      return view(w, sessionId, auth.user.id);
  });
}

/** The facilitator's actions on the current card. */
async function currentRound(w: PW, session: SessionRow) {
  if (!session.currentItemId) return null;
  const round = await latestRound(w.tx, session.currentItemId);
  const [item] = await w.tx.select().from(pokerItems).where(eq(pokerItems.id, session.currentItemId));
  return round && item ? { round, item } : null;
}

export async function reveal(deps: ServiceDeps, auth: AuthInfo, sessionId: string, o: Opts): Promise<Result<PokerSession>> {
  return mutate(deps, actorOf(auth, o), async (ctx) => {
      const w: PW = { ...ctx, newId: deps.newId };
      const found = await open(w.tx, sessionId, auth, 'facilitate', 'reveal the votes');
      if (!found.ok) return found;
      const { session } = found.value;
      const current = await currentRound(w, session);
      if (!current) return refuse('conflict', 'No card is up for estimation right now.');
      if (current.round.status === 'revealed') return refuse('conflict', 'This round is already revealed.');
      await w.tx.update(pokerRounds).set({ status: 'revealed', revealedAt: w.now }).where(eq(pokerRounds.id, current.round.id));
      const votes = await roundVotes(w.tx, current.round.id);
      w.emitPoker(session.id, session.teamId, [{ type: 'poker.revealed', subjectId: session.id, payload: { itemId: current.item.id, roundId: current.round.id, votes } }]);
      return view(w, sessionId, auth.user.id);
  });
}

export async function revote(deps: ServiceDeps, auth: AuthInfo, sessionId: string, o: Opts): Promise<Result<PokerSession>> {
  return mutate(deps, actorOf(auth, o), async (ctx) => {
      const w: PW = { ...ctx, newId: deps.newId };
      const found = await open(w.tx, sessionId, auth, 'facilitate', 'start a re-vote');
      if (!found.ok) return found;
      const { session } = found.value;
      const current = await currentRound(w, session);
      if (!current) return refuse('conflict', 'No card is up for estimation right now.');
      await startRound(w, session, current.item);
      return view(w, sessionId, auth.user.id);
  });
}

export async function accept(deps: ServiceDeps, auth: AuthInfo, sessionId: string, value: string, o: Opts): Promise<Result<PokerSession>> {
  return mutate(deps, actorOf(auth, o), async (ctx) => {
      const w: PW = { ...ctx, newId: deps.newId };
      const found = await open(w.tx, sessionId, auth, 'facilitate', 'accept an estimate');
      if (!found.ok) return found;
      const { session } = found.value;
      const card = findCard(session.deck, value);
      if (!card || card.points === null) return invalidField('value', `is not a card with points in this deck (${session.deck.filter((c) => c.points !== null).map((c) => c.label).join(', ')})`);
      const current = await currentRound(w, session);
      if (!current) return refuse('conflict', 'No card is up for estimation right now.');
      if (current.round.status !== 'revealed') return refuse('conflict', 'Reveal the votes before accepting an estimate.');
      // The estimate lands as an ordinary card edit: a card.updated event on its board, so open boards update live.
      const locked = writable(await lockCard(w.tx, current.item.cardId, auth.user.id));
      if (!locked.ok) return locked;
      if (locked.value.card.archivedAt) return refuse('conflict', 'The card was archived; skip it or restore it first.');
      const updated = await applyUpdate(w, locked.value.board, locked.value.card, { points: card.points });
      if (!updated.ok) return updated;
      await w.tx
        .update(pokerItems)
        .set({ status: 'accepted', finalValue: card.label, finalPoints: card.points, acceptedAt: w.now, acceptedBy: auth.user.id })
        .where(eq(pokerItems.id, current.item.id));
      w.emitPoker(session.id, session.teamId, [{ type: 'poker.accepted', subjectId: session.id, payload: { itemId: current.item.id, cardId: current.item.cardId, value: card.label, points: card.points } }]);
      await advance(w, session);
      return view(w, sessionId, auth.user.id);
  });
}

export async function skip(deps: ServiceDeps, auth: AuthInfo, sessionId: string, o: Opts): Promise<Result<PokerSession>> {
  return mutate(deps, actorOf(auth, o), async (ctx) => {
      const w: PW = { ...ctx, newId: deps.newId };
      const found = await open(w.tx, sessionId, auth, 'facilitate', 'skip a card');
      if (!found.ok) return found;
      const { session } = found.value;
      const current = await currentRound(w, session);
      if (!current) return refuse('conflict', 'No card is up for estimation right now.');
      if (current.item.status !== 'accepted') await w.tx.update(pokerItems).set({ status: 'skipped' }).where(eq(pokerItems.id, current.item.id));
      w.emitPoker(session.id, session.teamId, [{ type: 'poker.skipped', subjectId: session.id, payload: { itemId: current.item.id, cardId: current.item.cardId } }]);
      await advance(w, session);
      return view(w, sessionId, auth.user.id);
  });
}

/** Brings a card back (skipped, queued or even accepted) as the current one, with a fresh round. */
export async function makeCurrent(deps: ServiceDeps, auth: AuthInfo, sessionId: string, itemId: string, o: Opts): Promise<Result<PokerSession>> {
  return mutate(deps, actorOf(auth, o), async (ctx) => {
      const w: PW = { ...ctx, newId: deps.newId };
      const found = await open(w.tx, sessionId, auth, 'facilitate', 'choose the card');
      if (!found.ok) return found;
      const { session } = found.value;
      const [item] = await w.tx.select().from(pokerItems).where(and(eq(pokerItems.id, itemId), eq(pokerItems.sessionId, sessionId)));
      if (!item) return refuse('not_found', 'No such card in this session.');
      if (session.currentItemId === item.id) return refuse('conflict', 'That card is already up; start a re-vote instead.');
      if (item.status === 'skipped') await w.tx.update(pokerItems).set({ status: 'queued' }).where(eq(pokerItems.id, item.id));
      await startRound(w, session, item);
      return view(w, sessionId, auth.user.id);
  });
}

export async function handFacilitator(deps: ServiceDeps, auth: AuthInfo, sessionId: string, userId: string, o: Opts): Promise<Result<PokerSession>> {
  return mutate(deps, actorOf(auth, o), async (ctx) => {
      const w: PW = { ...ctx, newId: deps.newId };
      const found = await open(w.tx, sessionId, auth, 'facilitate', 'hand the facilitator role');
      if (!found.ok) return found;
      const { session } = found.value;
      if (userId === session.facilitatorId) return view(w, sessionId, auth.user.id);
      const role = await roleIn(w.tx, userId, session.teamId);
      if (role === null) return invalidField('userId', 'is not a member of this team');
      if (!can(role, 'write')) return invalidField('userId', `is a ${role}; a facilitator is a member, po or admin`);
      await w.tx.update(pokerSessions).set({ facilitatorId: userId }).where(eq(pokerSessions.id, sessionId));
      w.emitPoker(session.id, session.teamId, [{ type: 'poker.facilitator_changed', subjectId: session.id, payload: { from: session.facilitatorId, to: userId } }]);
      await join(w, session, userId, 'voter');
      return view(w, sessionId, auth.user.id);
  });
}

export async function closeSession(deps: ServiceDeps, auth: AuthInfo, sessionId: string, o: Opts): Promise<Result<PokerSession>> {
  return mutate(deps, actorOf(auth, o), async (ctx) => {
      const w: PW = { ...ctx, newId: deps.newId };
      const found = await open(w.tx, sessionId, auth, 'facilitate', 'close the session');
      if (!found.ok) return found;
      const { session } = found.value;
      await w.tx.update(pokerSessions).set({ status: 'closed', closedAt: w.now, currentItemId: null }).where(eq(pokerSessions.id, sessionId));
      w.emitPoker(session.id, session.teamId, [{ type: 'poker.closed', subjectId: session.id, payload: { sessionId } }]);
      return view(w, sessionId, auth.user.id);
  });
}

export async function readSession(deps: ServiceDeps, auth: AuthInfo, sessionId: string): Promise<Result<PokerSession>> {
  const db = deps.database.db;
  const [session] = await db.select().from(pokerSessions).where(eq(pokerSessions.id, sessionId));
  const access = decide(session ? await roleIn(db, auth.user.id, session.teamId) : null, 'read', 'Poker session');
  if (!access.ok) return access;
  return ok(await sessionView(db, session!, auth.user.id));
}

export async function requireReader(deps: ServiceDeps, auth: AuthInfo, teamId: string): Promise<Result<Role>> {
  return requireTeam(deps.database.db, auth.user.id, teamId, 'read');
}
