/**
 * Standups: start, follow the facilitator, finish and record. Every step is
 * a team-stream event, so followers' open views move with the facilitator.
 */
import { and, desc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import type { FinishStandupBody, FocusStandupBody, Standup, StandupList, StandupSpeaker, StartStandupBody } from '@opsboard/shared';
import { decide, requireTeam, roleIn, rolesIn } from '../auth/access.js';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { boards, cards, standups, teams } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, refuse, refuseAccess, type Result } from '../http/result.js';

type Row = typeof standups.$inferSelect;
/** A live standup older than this was left open (nobody pressed finish): the next start closes it. */
const ABANDONED_MS = 4 * 3_600_000;
const DEFAULT_LIMIT_SECONDS = 120;

export function toStandup(r: Row): Standup {
  return {
    id: r.id,
    teamId: r.teamId,
    boardIds: r.boardIds,
    mode: r.mode,
    facilitatorId: r.facilitatorId,
    limitSeconds: r.limitSeconds,
    startedAt: iso(r.startedAt),
    endedAt: iso(r.endedAt),
    durationSeconds: r.durationSeconds,
    focus: r.focus,
    speakers: r.speakers,
  };
}

export async function listStandups(db: Queryable, userId: string, teamId: string): Promise<Result<StandupList>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const [live] = await db.select().from(standups).where(and(eq(standups.teamId, teamId), isNull(standups.endedAt)));
  const recent = await db
    .select()
    .from(standups)
    .where(and(eq(standups.teamId, teamId), isNotNull(standups.endedAt)))
    .orderBy(desc(standups.startedAt))
    .limit(30);
  return ok({ live: live ? toStandup(live) : null, recent: recent.map(toStandup) });
}

export async function getStandup(db: Queryable, userId: string, id: string): Promise<Result<Standup>> {
  const [row] = await db.select().from(standups).where(eq(standups.id, id));
  const access = decide(row ? await roleIn(db, userId, row.teamId) : null, 'read', 'Standup');
  if (!access.ok) return access;
  return ok(toStandup(row!));
}

/** When the team's previous finished standup began, before `before` (null when there was none). */
export async function previousStandupAt(db: Queryable, teamId: string, before: string): Promise<string | null> {
  const [row] = await db
    .select({ startedAt: standups.startedAt })
    .from(standups)
    .where(and(eq(standups.teamId, teamId), isNotNull(standups.endedAt), isNotNull(standups.durationSeconds), lt(standups.startedAt, before)))
    .orderBy(desc(standups.startedAt))
    .limit(1);
  return row ? iso(row.startedAt) : null;
}

export async function startStandup(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: StartStandupBody, o: IdempotencyOption): Promise<Result<Standup>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'write');
    if (!access.ok) return access;
    const teamBoards = await w.tx.select({ id: boards.id, archivedAt: boards.archivedAt }).from(boards).where(eq(boards.teamId, teamId));
    const open = new Set(teamBoards.filter((b) => b.archivedAt === null).map((b) => b.id));
    for (const [i, id] of body.boardIds.entries()) {
      if (!open.has(id)) return invalidField(`boardIds[${i}]`, 'is not an open board of this team');
      if (body.boardIds.indexOf(id) !== i) return invalidField(`boardIds[${i}]`, 'is named twice');
    }
    // Two starts at once: the team row orders them, so the second sees the first's standup (a 409, not a unique-index 500).
    await w.tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for('update');
    const [live] = await w.tx.select().from(standups).where(and(eq(standups.teamId, teamId), isNull(standups.endedAt))).for('update');
    if (live) {
      if (Date.parse(w.now) - Date.parse(live.startedAt) < ABANDONED_MS) {
        return refuse('conflict', 'A standup is already running for this team: join it, or finish it first.', { standupId: live.id });
      }
      // Left open hours ago: closed without a duration, so metrics do not count it.
      await finishRow(w, live, { endedAt: w.now, durationSeconds: null, speakers: live.speakers });
    }
    const [row] = await w.tx
      .insert(standups)
      .values({
        id: deps.newId(),
        teamId,
        boardIds: body.boardIds,
        mode: body.mode ?? 'card',
        facilitatorId: auth.user.id,
        limitSeconds: body.limitSeconds ?? DEFAULT_LIMIT_SECONDS,
        startedAt: w.now,
        focus: { boardId: body.boardIds[0]!, cardId: null, personId: null, paused: false },
        speakers: [],
      })
      .returning();
    const standup = toStandup(row!);
    w.emitTeam(teamId, [{ type: 'standup.started', subjectId: standup.id, payload: { standup } }]);
    return ok(standup);
  });
}

async function finishRow(w: WriteContext, row: Row, set: { endedAt: string; durationSeconds: number | null; speakers: StandupSpeaker[] }): Promise<Standup> {
  const [updated] = await w.tx.update(standups).set(set).where(eq(standups.id, row.id)).returning();
  const standup = toStandup(updated!);
  w.emitTeam(row.teamId, [{ type: 'standup.finished', subjectId: row.id, payload: { standup } }]);
  return standup;
}

/** The live standup, locked, if the caller may lead it: its facilitator, or (when `orPlanner`) a po or admin. */
async function lockForFacilitator(w: WriteContext, id: string, userId: string, orPlanner: boolean): Promise<Result<Row>> {
  const [row] = await w.tx.select().from(standups).where(eq(standups.id, id)).for('update');
  const role = row ? await roleIn(w.tx, userId, row.teamId) : null;
  const access = decide(role, 'write', 'Standup');
  if (!access.ok) return access;
  const planner = role === 'admin' || role === 'po';
  if (row!.facilitatorId !== userId && !(orPlanner && planner)) {
    return refuseAccess('forbidden', 'Only the facilitator leads this standup; follow along, or start your own once it is finished.', { facilitatorId: row!.facilitatorId });
  }
  if (row!.endedAt !== null) return refuse('conflict', 'This standup is already finished.', { standupId: id });
  return ok(row!);
}

export async function focusStandup(deps: ServiceDeps, auth: AuthInfo, id: string, body: FocusStandupBody, o: IdempotencyOption): Promise<Result<Standup>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const locked = await lockForFacilitator(w, id, auth.user.id, false);
    if (!locked.ok) return locked;
    const row = locked.value;
    if (!row.boardIds.includes(body.boardId)) return invalidField('boardId', 'is not one of the boards this standup walks');
    if (body.cardId !== null) {
      const [card] = await w.tx.select({ boardId: cards.boardId }).from(cards).where(eq(cards.id, body.cardId));
      if (card?.boardId !== body.boardId) return invalidField('cardId', 'is not a card on that board');
    }
    if (body.personId !== null && !(await rolesIn(w.tx, row.teamId, [body.personId])).has(body.personId)) {
      return invalidField('personId', 'is not a member of this team');
    }
    const focus = { boardId: body.boardId, cardId: body.cardId, personId: body.personId, paused: body.paused };
    const [updated] = await w.tx.update(standups).set({ focus }).where(eq(standups.id, id)).returning();
    w.emitTeam(row.teamId, [{ type: 'standup.focused', subjectId: id, payload: { standupId: id, focus } }]);
    return ok(toStandup(updated!));
  });
}

export async function finishStandup(deps: ServiceDeps, auth: AuthInfo, id: string, body: FinishStandupBody, o: IdempotencyOption): Promise<Result<Standup>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const locked = await lockForFacilitator(w, id, auth.user.id, true);
    if (!locked.ok) return locked;
    const row = locked.value;
    const roles = await rolesIn(w.tx, row.teamId, body.speakers.map((s) => s.userId));
    const seconds = new Map<string, number>();
    for (const [i, s] of body.speakers.entries()) {
      if (!roles.has(s.userId)) return invalidField(`speakers[${i}].userId`, 'is not a member of this team');
      seconds.set(s.userId, (seconds.get(s.userId) ?? 0) + s.seconds);
    }
    const durationSeconds = Math.max(0, Math.round((Date.parse(w.now) - Date.parse(row.startedAt)) / 1000));
    const speakers = [...seconds].map(([userId, s]) => ({ userId, seconds: s }));
    return ok(await finishRow(w, row, { endedAt: w.now, durationSeconds, speakers }));
  });
}
