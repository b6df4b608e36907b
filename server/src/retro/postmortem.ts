/**
 * Blameless postmortems for critical/high interrupts and incident cards: a
 * template whose timeline is pre-filled from the card's history and its alert,
 * actions that become linked cards, sharing, and firing-to-resolution time (MTTR).
 */
import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import {
  nameInText,
  postmortemAllowed,
  prefillTimeline,
  timeToResolve,
  type CardPostmortem,
  type Postmortem,
  type PostmortemActionBody,
  type Role,
  type UpdatePostmortemBody,
} from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { decide } from '../auth/access.js';
import { insertCard } from '../cards/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { boards, cards, columns, events, interrupts, teamMembers, users } from '../db/schema.js';
import { postmortemActions, postmortems } from '../db/schema/retro.js';
import { iso } from '../db/time.js';
import { mutate } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, notFound, ok, refuse, refuseAccess, type Result } from '../http/result.js';

type Opts = IdempotencyOption;
type Row = typeof postmortems.$inferSelect;

async function toPostmortem(db: Queryable, r: Row, readOnly: boolean): Promise<Postmortem> {
  const acts = await db
    .select({ a: postmortemActions, boardId: cards.boardId, number: cards.number })
    .from(postmortemActions)
    .innerJoin(cards, eq(cards.id, postmortemActions.cardId))
    .where(eq(postmortemActions.postmortemId, r.id))
    .orderBy(asc(postmortemActions.createdAt), asc(postmortemActions.id));
  return {
    id: r.id,
    teamId: r.teamId,
    cardId: r.cardId,
    title: r.title,
    summary: r.summary,
    impact: r.impact,
    timeline: r.timeline.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
    contributingFactors: r.contributingFactors,
    wentWell: r.wentWell,
    firingAt: iso(r.firingAt),
    resolvedAt: iso(r.resolvedAt),
    timeToResolveSeconds: r.timeToResolveSeconds,
    actions: acts.map((x) => ({ id: x.a.id, title: x.a.title, ownerId: x.a.ownerId, cardId: x.a.cardId, boardId: x.boardId, cardNumber: x.number })),
    publishedAt: iso(r.publishedAt),
    readOnly,
    version: r.version,
    createdAt: iso(r.createdAt)!,
  };
}

async function readsSomeTeam(db: Queryable, userId: string): Promise<boolean> {
  const rows = await db.select({ role: teamMembers.role }).from(teamMembers).where(eq(teamMembers.userId, userId));
  return rows.some((r) => r.role !== 'guest');
}

async function find(db: Queryable, id: string, userId: string, lock = false): Promise<{ pm: Row; role: Role | null } | null> {
  const q = db
    .select({ pm: postmortems, role: teamMembers.role })
    .from(postmortems)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, postmortems.teamId), eq(teamMembers.userId, userId)))
    .where(eq(postmortems.id, id));
  const [row] = lock ? await q.for('update', { of: [postmortems] }) : await q;
  return row ?? null;
}

export async function getPostmortem(db: Queryable, userId: string, id: string): Promise<Result<Postmortem>> {
  const found = await find(db, id, userId);
  if (found && found.role !== null && found.role !== 'guest') return ok(await toPostmortem(db, found.pm, false));
  if (found && found.pm.publishedAt && found.role === null && (await readsSomeTeam(db, userId))) return ok(await toPostmortem(db, found.pm, true));
  const access = decide(found?.role ?? null, 'read', 'Postmortem');
  return access.ok ? notFound('Postmortem') : access;
}

export async function listPostmortems(db: Queryable, userId: string, teamId: string): Promise<Result<Postmortem[]>> {
  const [m] = await db.select({ role: teamMembers.role }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  const access = decide(m?.role ?? null, 'read', 'Team');
  if (!access.ok) return access;
  const rows = await db.select().from(postmortems).where(eq(postmortems.teamId, teamId)).orderBy(desc(postmortems.createdAt), asc(postmortems.id));
  return ok(await Promise.all(rows.map((r) => toPostmortem(db, r, false))));
}

/** Postmortems published on this instance, newest first, for anyone who reads a team here. */
export async function listPublishedPostmortems(db: Queryable, userId: string): Promise<Postmortem[]> {
  if (!(await readsSomeTeam(db, userId))) return [];
  const rows = await db.select().from(postmortems).where(isNotNull(postmortems.publishedAt)).orderBy(desc(postmortems.publishedAt), asc(postmortems.id)).limit(200);
  const mine = new Set((await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId))).map((m) => m.teamId));
  return Promise.all(rows.map((r) => toPostmortem(db, r, !mine.has(r.teamId))));
}

/** The postmortem a card has, or whether one may be opened for it (what the card panel shows). */
export async function cardPostmortem(db: Queryable, userId: string, cardId: string): Promise<Result<CardPostmortem>> {
  const [found] = await db
    .select({ card: cards, role: teamMembers.role })
    .from(cards)
    .innerJoin(boards, eq(boards.id, cards.boardId))
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, boards.teamId), eq(teamMembers.userId, userId)))
    .where(eq(cards.id, cardId));
  const access = decide(found?.role ?? null, 'read', 'Card');
  if (!access.ok) return access;
  const [existing] = await db.select({ id: postmortems.id, title: postmortems.title, publishedAt: postmortems.publishedAt }).from(postmortems).where(eq(postmortems.cardId, cardId));
  if (existing) return ok({ allowed: true, reason: null, postmortem: { id: existing.id, title: existing.title, publishedAt: iso(existing.publishedAt) } });
  const [interrupt] = await db.select({ severity: interrupts.severity }).from(interrupts).where(eq(interrupts.cardId, cardId));
  const allowed = postmortemAllowed(found!.card, interrupt ?? null);
  return ok({ allowed, reason: allowed ? null : NOT_ALLOWED, postmortem: null });
}

const NOT_ALLOWED = 'A postmortem is for an interrupt of severity critical or high, or a card labelled incident.';

/** Opens the postmortem of a card (or returns the one it has), its timeline pre-filled. */
export async function createPostmortem(deps: ServiceDeps, auth: AuthInfo, cardId: string, o: Opts): Promise<Result<Postmortem>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const [found] = await w.tx
      .select({ card: cards, role: teamMembers.role, teamId: boards.teamId })
      .from(cards)
      .innerJoin(boards, eq(boards.id, cards.boardId))
      .leftJoin(teamMembers, and(eq(teamMembers.teamId, boards.teamId), eq(teamMembers.userId, auth.user.id)))
      .where(eq(cards.id, cardId));
    const access = decide(found?.role ?? null, 'write', 'Card');
    if (!access.ok) return access;
    const card = found!.card;
    const [existing] = await w.tx.select().from(postmortems).where(eq(postmortems.cardId, cardId));
    if (existing) return ok(await toPostmortem(w.tx, existing, false));
    const [interrupt] = await w.tx.select().from(interrupts).where(eq(interrupts.cardId, cardId));
    if (!postmortemAllowed(card, interrupt ?? null)) return refuse('conflict', NOT_ALLOWED);
    const history = await w.tx
      .select({ type: events.type, payload: events.payload, at: events.at })
      .from(events)
      .where(eq(events.subjectId, cardId))
      .orderBy(asc(events.at), asc(events.seq));
    const cols = await w.tx.select({ id: columns.id, category: columns.category }).from(columns).innerJoin(boards, eq(boards.id, columns.boardId)).where(eq(boards.teamId, found!.teamId));
    const alert = interrupt?.alert ? { name: interrupt.alert.name, startsAt: new Date(interrupt.alert.startsAt).toISOString() } : null;
    const pre = prefillTimeline(
      alert,
      history.map((h) => ({ ...h, at: iso(h.at)! })),
      new Map(cols.map((c) => [c.id, c.category])),
    );
    const [row] = await w.tx
      .insert(postmortems)
      .values({
        id: deps.newId(),
        teamId: found!.teamId,
        cardId,
        title: `Postmortem: ${card.title}`.slice(0, 300),
        timeline: pre.timeline,
        firingAt: pre.firingAt,
        resolvedAt: pre.resolvedAt,
        timeToResolveSeconds: timeToResolve(pre.firingAt, pre.resolvedAt),
        createdBy: auth.user.id,
        createdAt: w.now,
      })
      .returning();
    w.emitTeam(found!.teamId, [{ type: 'postmortem.created', subjectId: row!.id, payload: { postmortemId: row!.id, cardId } }]);
    return ok(await toPostmortem(w.tx, row!, false));
  });
}

async function change(
  deps: ServiceDeps,
  auth: AuthInfo,
  id: string,
  o: Opts,
  what: 'edited' | 'action' | 'published',
  fn: (w: Parameters<Parameters<typeof mutate>[2]>[0], pm: Row, role: Role) => Promise<Result<Partial<Row> | null>>,
): Promise<Result<Postmortem>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await find(w.tx, id, auth.user.id, true);
    const access = decide(found?.role ?? null, 'write', 'Postmortem');
    if (!access.ok) return access;
    const done = await fn(w, found!.pm, access.value);
    if (!done.ok) return done;
    const [row] = await w.tx
      .update(postmortems)
      .set({ ...(done.value ?? {}), version: found!.pm.version + 1 })
      .where(eq(postmortems.id, id))
      .returning();
    w.emitTeam(row!.teamId, [{ type: 'postmortem.changed', subjectId: id, payload: { postmortemId: id, cardId: row!.cardId, what } }]);
    return ok(await toPostmortem(w.tx, row!, false));
  });
}

export function updatePostmortem(deps: ServiceDeps, auth: AuthInfo, id: string, body: UpdatePostmortemBody, o: Opts) {
  return change(deps, auth, id, o, 'edited', async (w, pm) => {
    if (body.version !== pm.version) return refuse('version_conflict', `The postmortem changed since you loaded it (now version ${pm.version}).`, { current: await toPostmortem(w.tx, pm, false) });
    if (body.title !== undefined && body.title.trim() === '') return invalidField('title', 'must not be blank');
    if (body.contributingFactors !== undefined) {
      const people = await w.tx.select({ name: users.name }).from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId)).where(eq(teamMembers.teamId, pm.teamId));
      const named = nameInText(body.contributingFactors, people.map((p) => p.name));
      if (named) return invalidField('contributingFactors', `blameless: name what happened, not who (found “${named}”)`);
    }
    const resolvedAt = body.resolvedAt !== undefined ? body.resolvedAt : iso(pm.resolvedAt);
    return ok({
      ...(body.title !== undefined && { title: body.title.trim() }),
      ...(body.summary !== undefined && { summary: body.summary }),
      ...(body.impact !== undefined && { impact: body.impact }),
      ...(body.timeline !== undefined && { timeline: [...body.timeline].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)) }),
      ...(body.contributingFactors !== undefined && { contributingFactors: body.contributingFactors }),
      ...(body.wentWell !== undefined && { wentWell: body.wentWell }),
      resolvedAt,
      timeToResolveSeconds: timeToResolve(iso(pm.firingAt), resolvedAt),
    });
  });
}

export function addPostmortemAction(deps: ServiceDeps, auth: AuthInfo, id: string, body: PostmortemActionBody, o: Opts) {
  return change(deps, auth, id, o, 'action', async (w, pm, role) => {
    const [owner] = await w.tx.select({ role: teamMembers.role }).from(teamMembers).where(and(eq(teamMembers.teamId, pm.teamId), eq(teamMembers.userId, body.ownerId)));
    if (!owner || !['admin', 'po', 'member'].includes(owner.role)) return invalidField('ownerId', 'an owner is a member, po or admin of the team');
    const [board] = await w.tx
      .select()
      .from(boards)
      .where(and(eq(boards.teamId, pm.teamId), eq(boards.kind, body.board), isNull(boards.archivedAt)))
      .orderBy(asc(boards.createdAt))
      .limit(1);
    if (!board) return invalidField('board', `the team has no ${body.board} board`);
    const title = body.title.trim();
    if (title === '') return invalidField('title', 'must not be blank');
    const card = await insertCard(
      w,
      deps.newId(),
      board,
      { title, assigneeIds: [body.ownerId], description: `Action from the postmortem “${pm.title}”: /postmortems/${pm.id}`, labels: ['postmortem-action'], links: [{ kind: 'relates', cardId: pm.cardId }] },
      auth.user.id,
      role,
    );
    if (!card.ok) return card;
    await w.tx.insert(postmortemActions).values({ id: deps.newId(), postmortemId: pm.id, title, ownerId: body.ownerId, cardId: card.value.id, createdAt: w.now });
    return ok(null);
  });
}

export function publishPostmortem(deps: ServiceDeps, auth: AuthInfo, id: string, o: Opts) {
  return change(deps, auth, id, o, 'published', async (w, pm, role) => {
    if (pm.createdBy !== auth.user.id && role !== 'po' && role !== 'admin') return refuseAccess('forbidden', 'Its author, the po or an admin publish a postmortem.', { permission: 'plan' });
    return ok({ publishedAt: iso(pm.publishedAt) ?? w.now });
  });
}

