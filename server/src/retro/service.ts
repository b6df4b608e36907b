/**
 * Retrospectives. Notes are private to their author until the facilitator
 * moves the retro past writing: every read is built for one caller, and the
 * events only ever carry the retro and counts per quadrant, never note text.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  canMovePhase,
  canVote,
  countByQuadrant,
  DEFAULT_VOTES_PER_PERSON,
  discussionOrder,
  isMoodWord,
  isRevealed,
  phaseIndex,
  votesLeft,
  type CreateRetroBody,
  type Retro,
  type RetroActionBody,
  type RetroNote,
  type RetroPhase,
  type RetroQuadrant,
  type RetroTheme,
  type RetroView,
  type Role,
} from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { decide } from '../auth/access.js';
import { insertCard } from '../cards/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable, Tx } from '../db/database.js';
import { boards, cards, iterations, teamMembers } from '../db/schema.js';
import { retroActions, retroCheckins, retroNotes, retros, retroThemes, retroVotes } from '../db/schema/retro.js';
import { iso } from '../db/time.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, notFound, ok, refuse, refuseAccess, type Result } from '../http/result.js';
import type { RETRO_CHANGES } from '@opsboard/shared';

type Opts = IdempotencyOption;
type RetroRow = typeof retros.$inferSelect;
type Change = (typeof RETRO_CHANGES)[number];

export function toRetro(r: RetroRow): Retro {
  return {
    id: r.id,
    teamId: r.teamId,
    iterationId: r.iterationId,
    title: r.title,
    phase: r.phase,
    facilitatorId: r.facilitatorId,
    anonymous: r.anonymous,
    votesPerPerson: r.votesPerPerson,
    timerEndsAt: iso(r.timerEndsAt),
    publishedAt: iso(r.publishedAt),
    version: r.version,
    createdAt: iso(r.createdAt)!,
  };
}

/** Does the caller read anything of another team on this instance? Published retros are shared with them. */
async function readsSomeTeam(db: Queryable, userId: string): Promise<boolean> {
  const rows = await db.select({ role: teamMembers.role }).from(teamMembers).where(eq(teamMembers.userId, userId));
  return rows.some((r) => r.role !== 'guest');
}

interface Found {
  retro: RetroRow;
  role: Role | null;
}

async function findRetro(db: Queryable | Tx, retroId: string, userId: string, lock: boolean): Promise<Found | null> {
  const q = db
    .select({ retro: retros, role: teamMembers.role })
    .from(retros)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, retros.teamId), eq(teamMembers.userId, userId)))
    .where(eq(retros.id, retroId));
  const [row] = lock ? await q.for('update', { of: [retros] }) : await q;
  return row ?? null;
}

export async function listRetros(db: Queryable, userId: string, teamId: string): Promise<Result<Retro[]>> {
  const [m] = await db.select({ role: teamMembers.role }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  const access = decide(m?.role ?? null, 'read', 'Team');
  if (!access.ok) return access;
  const rows = await db.select().from(retros).where(eq(retros.teamId, teamId)).orderBy(asc(retros.createdAt), asc(retros.id));
  return ok(rows.map(toRetro));
}

/** Retros published on this instance, newest first, for anyone who reads a team here. */
export async function listPublished(db: Queryable, userId: string): Promise<Retro[]> {
  if (!(await readsSomeTeam(db, userId))) return [];
  const rows = await db.select().from(retros).where(sql`${retros.publishedAt} IS NOT NULL`).orderBy(desc(retros.publishedAt), asc(retros.id)).limit(200);
  return rows.map(toRetro);
}

/** One retro as the caller may see it. */
export async function getRetro(db: Queryable, userId: string, retroId: string): Promise<Result<RetroView>> {
  const found = await findRetro(db, retroId, userId, false);
  if (found && found.role !== null && found.role !== 'guest') return ok(await viewOf(db, found.retro, userId, false));
  if (found && found.retro.publishedAt && found.role === null && (await readsSomeTeam(db, userId))) return ok(await viewOf(db, found.retro, userId, true));
  const access = decide(found?.role ?? null, 'read', 'Retro');
  return access.ok ? notFound('Retro') : access;
}

export async function viewOf(db: Queryable, r: RetroRow, userId: string, readOnly: boolean): Promise<RetroView> {
  const revealed = isRevealed(r.phase);
  const noteRows = await db.select().from(retroNotes).where(eq(retroNotes.retroId, r.id)).orderBy(asc(retroNotes.createdAt), asc(retroNotes.id));
  const visible = revealed ? noteRows : noteRows.filter((n) => n.authorId === userId);
  // Anonymous: others' notes in id order (random), so neither order nor author gives them away.
  const ordered = r.anonymous && revealed ? [...visible].sort((a, b) => a.id.localeCompare(b.id)) : visible;
  const notes: RetroNote[] = ordered.map((n) => ({
    id: n.id,
    quadrant: n.quadrant,
    text: n.text,
    authorId: r.anonymous && n.authorId !== userId ? null : n.authorId,
    themeId: n.themeId,
    mine: n.authorId === userId,
  }));
  const themeRows = await db.select().from(retroThemes).where(eq(retroThemes.retroId, r.id)).orderBy(asc(retroThemes.createdAt), asc(retroThemes.id));
  const voteRows = await db.select({ userId: retroVotes.userId, themeId: retroVotes.themeId }).from(retroVotes).where(eq(retroVotes.retroId, r.id));
  let themes: RetroTheme[] = themeRows.map((t) => ({
    id: t.id,
    title: t.title,
    votes: voteRows.filter((v) => v.themeId === t.id).length,
    myVotes: voteRows.filter((v) => v.themeId === t.id && v.userId === userId).length,
    createdAt: iso(t.createdAt)!,
  }));
  if (phaseIndex(r.phase) >= phaseIndex('discuss')) themes = discussionOrder(themes);
  const used = voteRows.filter((v) => v.userId === userId).length;
  const checkinRows = await db.select().from(retroCheckins).where(eq(retroCheckins.retroId, r.id));
  const morale = [0, 0, 0, 0, 0];
  for (const c of checkinRows) morale[c.morale - 1]!++;
  const mine = checkinRows.find((c) => c.userId === userId);
  const actionRows = await db
    .select({ a: retroActions, boardId: cards.boardId, number: cards.number })
    .from(retroActions)
    .innerJoin(cards, eq(cards.id, retroActions.cardId))
    .where(eq(retroActions.retroId, r.id))
    .orderBy(asc(retroActions.createdAt), asc(retroActions.id));
  return {
    retro: toRetro(r),
    noteCounts: countByQuadrant(noteRows),
    notes,
    themes,
    votesUsed: used,
    votesLeft: votesLeft(used, r.votesPerPerson),
    checkins: {
      count: checkinRows.length,
      moraleAverage: checkinRows.length ? Math.round((checkinRows.reduce((s, c) => s + c.morale, 0) / checkinRows.length) * 10) / 10 : null,
      morale,
      moods: checkinRows.map((c) => c.mood).filter((m): m is string => !!m).sort(),
      mine: mine ? { morale: mine.morale, mood: mine.mood } : null,
    },
    actions: actionRows.map((x) => ({
      id: x.a.id,
      title: x.a.title,
      ownerId: x.a.ownerId,
      themeId: x.a.themeId,
      cardId: x.a.cardId,
      boardId: x.boardId,
      cardNumber: x.number,
      createdAt: iso(x.a.createdAt)!,
    })),
    readOnly,
  };
}

export async function createRetro(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: CreateRetroBody, o: Opts): Promise<Result<RetroView>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const [m] = await w.tx.select({ role: teamMembers.role }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, auth.user.id)));
    const access = decide(m?.role ?? null, 'write', 'Team');
    if (!access.ok) return access;
    const title = body.title.trim();
    if (title === '') return invalidField('title', 'must not be blank');
    if (body.iterationId) {
      const [it] = await w.tx.select({ id: iterations.id }).from(iterations).where(and(eq(iterations.id, body.iterationId), eq(iterations.teamId, teamId)));
      if (!it) return invalidField('iterationId', 'is not an iteration of this team');
    }
    const [row] = await w.tx
      .insert(retros)
      .values({
        id: deps.newId(),
        teamId,
        iterationId: body.iterationId ?? null,
        title,
        phase: 'checkin',
        facilitatorId: auth.user.id,
        anonymous: body.anonymous ?? false,
        votesPerPerson: body.votesPerPerson ?? DEFAULT_VOTES_PER_PERSON,
        createdAt: w.now,
      })
      .returning();
    const retro = toRetro(row!);
    w.emitTeam(teamId, [{ type: 'retro.created', subjectId: retro.id, payload: { retro } }]);
    return ok(await viewOf(w.tx, row!, auth.user.id, false));
  });
}

/**
 * The frame of every change to a retro: lock it, check the caller writes in its
 * team (and, for `facilitator`, is its facilitator), run the change, bump the
 * version and tell the team stream, without any note text.
 */
async function change(
  deps: ServiceDeps,
  auth: AuthInfo,
  retroId: string,
  o: Opts,
  what: Change,
  rule: { facilitator?: boolean; phases?: readonly RetroPhase[] },
  fn: (w: WriteContext, r: RetroRow, role: Role) => Promise<Result<Partial<RetroRow> | null>>,
): Promise<Result<RetroView>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await findRetro(w.tx, retroId, auth.user.id, true);
    const access = decide(found?.role ?? null, 'write', 'Retro');
    if (!access.ok) return access;
    const r = found!.retro;
    if (rule.facilitator && r.facilitatorId !== auth.user.id) {
      return refuseAccess('forbidden', 'Only the facilitator moves this retro along.', { facilitatorId: r.facilitatorId });
    }
    if (rule.phases && !rule.phases.includes(r.phase)) {
      return refuse('conflict', `Not now: the retro is in ${r.phase}; this needs ${rule.phases.join(' or ')}.`, { phase: r.phase });
    }
    const done = await fn(w, r, access.value);
    if (!done.ok) return done;
    const [row] = await w.tx
      .update(retros)
      .set({ ...(done.value ?? {}), version: r.version + 1 })
      .where(eq(retros.id, retroId))
      .returning();
    const noteRows = await w.tx.select({ quadrant: retroNotes.quadrant }).from(retroNotes).where(eq(retroNotes.retroId, retroId));
    w.emitTeam(r.teamId, [{ type: 'retro.changed', subjectId: retroId, payload: { retro: toRetro(row!), what, noteCounts: countByQuadrant(noteRows) } }]);
    return ok(await viewOf(w.tx, row!, auth.user.id, false));
  });
}

export function movePhase(deps: ServiceDeps, auth: AuthInfo, retroId: string, phase: RetroPhase, o: Opts) {
  return change(deps, auth, retroId, o, 'phase', { facilitator: true }, async (_w, r) => {
    if (!canMovePhase(r.phase, phase)) return invalidField('phase', `cannot go from ${r.phase} to ${phase} (one step at a time, never back before the reveal)`);
    return ok({ phase, timerEndsAt: null });
  });
}

export function setTimer(deps: ServiceDeps, auth: AuthInfo, retroId: string, minutes: number | null, o: Opts) {
  return change(deps, auth, retroId, o, 'timer', { facilitator: true, phases: ['discuss'] }, async (w) =>
    ok({ timerEndsAt: minutes === null ? null : new Date(Date.parse(w.now) + minutes * 60_000).toISOString() }),
  );
}

export function checkIn(deps: ServiceDeps, auth: AuthInfo, retroId: string, body: { morale: number; mood?: string | null | undefined }, o: Opts) {
  return change(deps, auth, retroId, o, 'checkin', { phases: ['checkin', 'write'] }, async (w, r) => {
    const mood = body.mood?.trim() || null;
    if (mood !== null && !isMoodWord(mood)) return invalidField('mood', 'must be one word');
    await w.tx
      .insert(retroCheckins)
      .values({ retroId: r.id, userId: auth.user.id, morale: body.morale, mood })
      .onConflictDoUpdate({ target: [retroCheckins.retroId, retroCheckins.userId], set: { morale: body.morale, mood } });
    return ok(null);
  });
}

export function addNote(deps: ServiceDeps, auth: AuthInfo, retroId: string, body: { quadrant: RetroQuadrant; text: string }, o: Opts) {
  return change(deps, auth, retroId, o, 'note', { phases: ['write'] }, async (w, r) => {
    const text = body.text.trim();
    if (text === '') return invalidField('text', 'must not be blank');
    const [{ n } = { n: 0 }] = await w.tx.select({ n: sql<number>`count(*)::int` }).from(retroNotes).where(and(eq(retroNotes.retroId, r.id), eq(retroNotes.authorId, auth.user.id)));
    if (n >= 100) return invalidField('text', 'at most 100 notes per person');
    await w.tx.insert(retroNotes).values({ id: deps.newId(), retroId: r.id, authorId: auth.user.id, quadrant: body.quadrant, text, createdAt: w.now });
    return ok(null);
  });
}

async function noteOf(tx: Queryable, noteId: string): Promise<string | null> {
  const [n] = await tx.select({ retroId: retroNotes.retroId }).from(retroNotes).where(eq(retroNotes.id, noteId));
  return n?.retroId ?? null;
}

/** Authors take back their own notes while writing. */
export async function deleteNote(deps: ServiceDeps, auth: AuthInfo, noteId: string, o: Opts): Promise<Result<RetroView>> {
  const retroId = await noteOf(deps.database.db, noteId);
  if (!retroId) return notFound('Note');
  return change(deps, auth, retroId, o, 'note', { phases: ['write'] }, async (w) => {
    const gone = await w.tx.delete(retroNotes).where(and(eq(retroNotes.id, noteId), eq(retroNotes.authorId, auth.user.id))).returning({ id: retroNotes.id });
    return gone.length ? ok(null) : notFound('Note');
  });
}

export function addTheme(deps: ServiceDeps, auth: AuthInfo, retroId: string, title: string, o: Opts) {
  return change(deps, auth, retroId, o, 'theme', { phases: ['group'] }, async (w, r) => {
    const t = title.trim();
    if (t === '') return invalidField('title', 'must not be blank');
    await w.tx.insert(retroThemes).values({ id: deps.newId(), retroId: r.id, title: t, createdAt: w.now });
    return ok(null);
  });
}

/** Anyone in the team groups notes into themes (or takes one out again with null). */
export async function groupNote(deps: ServiceDeps, auth: AuthInfo, noteId: string, themeId: string | null, o: Opts): Promise<Result<RetroView>> {
  const retroId = await noteOf(deps.database.db, noteId);
  if (!retroId) return notFound('Note');
  return change(deps, auth, retroId, o, 'grouping', { phases: ['group'] }, async (w, r) => {
    if (themeId) {
      const [t] = await w.tx.select({ id: retroThemes.id }).from(retroThemes).where(and(eq(retroThemes.id, themeId), eq(retroThemes.retroId, r.id)));
      if (!t) return invalidField('themeId', 'is not a theme of this retro');
    }
    await w.tx.update(retroNotes).set({ themeId }).where(eq(retroNotes.id, noteId));
    return ok(null);
  });
}

/** One vote on a theme; a person has `votesPerPerson` in all (the retro row is locked, so the cap holds under concurrency). */
export function vote(deps: ServiceDeps, auth: AuthInfo, retroId: string, themeId: string, o: Opts) {
  return change(deps, auth, retroId, o, 'vote', { phases: ['vote'] }, async (w, r) => {
    const [t] = await w.tx.select({ id: retroThemes.id }).from(retroThemes).where(and(eq(retroThemes.id, themeId), eq(retroThemes.retroId, r.id)));
    if (!t) return invalidField('themeId', 'is not a theme of this retro');
    const [{ n } = { n: 0 }] = await w.tx.select({ n: sql<number>`count(*)::int` }).from(retroVotes).where(and(eq(retroVotes.retroId, r.id), eq(retroVotes.userId, auth.user.id)));
    if (!canVote(n, r.votesPerPerson)) return refuse('conflict', `You have used all ${r.votesPerPerson} of your votes; take one back first.`, { votesPerPerson: r.votesPerPerson });
    await w.tx.insert(retroVotes).values({ id: deps.newId(), retroId: r.id, userId: auth.user.id, themeId });
    return ok(null);
  });
}

/** Takes back one of the caller's votes on a theme. */
export function unvote(deps: ServiceDeps, auth: AuthInfo, retroId: string, themeId: string, o: Opts) {
  return change(deps, auth, retroId, o, 'vote', { phases: ['vote'] }, async (w, r) => {
    const [v] = await w.tx
      .select({ id: retroVotes.id })
      .from(retroVotes)
      .where(and(eq(retroVotes.retroId, r.id), eq(retroVotes.userId, auth.user.id), eq(retroVotes.themeId, themeId)))
      .limit(1);
    if (!v) return invalidField('themeId', 'you have no vote on this theme');
    await w.tx.delete(retroVotes).where(eq(retroVotes.id, v.id));
    return ok(null);
  });
}

/** An action: a card on the team's planned or SS&A board, held by its owner and pointing back at the retro. */
export function addAction(deps: ServiceDeps, auth: AuthInfo, retroId: string, body: RetroActionBody, o: Opts) {
  return change(deps, auth, retroId, o, 'action', { phases: ['discuss', 'actions'] }, async (w, r, role) => {
    const [owner] = await w.tx.select({ role: teamMembers.role }).from(teamMembers).where(and(eq(teamMembers.teamId, r.teamId), eq(teamMembers.userId, body.ownerId)));
    if (!owner || !['admin', 'po', 'member'].includes(owner.role)) return invalidField('ownerId', 'an owner is a member, po or admin of the team');
    if (body.themeId) {
      const [t] = await w.tx.select({ id: retroThemes.id }).from(retroThemes).where(and(eq(retroThemes.id, body.themeId), eq(retroThemes.retroId, r.id)));
      if (!t) return invalidField('themeId', 'is not a theme of this retro');
    }
    const [board] = await w.tx
      .select()
      .from(boards)
      .where(and(eq(boards.teamId, r.teamId), eq(boards.kind, body.board), isNull(boards.archivedAt)))
      .orderBy(asc(boards.createdAt))
      .limit(1);
    if (!board) return invalidField('board', `the team has no ${body.board} board`);
    const title = body.title.trim();
    if (title === '') return invalidField('title', 'must not be blank');
    const card = await insertCard(
      w,
      deps.newId(),
      board,
      { title, assigneeIds: [body.ownerId], description: `Action from the retrospective “${r.title}”: /retros/${r.id}`, labels: ['retro-action'] },
      auth.user.id,
      role,
    );
    if (!card.ok) return card;
    await w.tx.insert(retroActions).values({ id: deps.newId(), retroId: r.id, title, ownerId: body.ownerId, themeId: body.themeId ?? null, cardId: card.value.id, createdAt: w.now });
    return ok(null);
  });
}

/** A finished retro, shared read-only with the other teams on this instance. */
export function publishRetro(deps: ServiceDeps, auth: AuthInfo, retroId: string, o: Opts) {
  return change(deps, auth, retroId, o, 'published', { phases: ['done'] }, async (w, r, role) => {
    if (r.facilitatorId !== auth.user.id && role !== 'po' && role !== 'admin') {
      return refuseAccess('forbidden', 'The facilitator, po or admin publish a retro.', { permission: 'plan' });
    }
    return ok({ publishedAt: r.publishedAt ?? w.now });
  });
}
