/**
 * Iterations: two-week Scrum-ban by default. Planning pulls ranked backlog
 * cards in up to capacity (starting and closing are in lifecycle.ts).
 */
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import {
  addCalendarDays,
  isAcceptableDate,
  LATEST_DATE,
  velocity,
  type CreateIterationBody,
  type Iteration,
  type Role,
  type UpdateIterationBody,
  type VelocityReport,
} from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { diff } from '../events/changes.js';
import { firstColumn } from '../boards/columns.js';
import type { BoardRow, CardRow } from '../boards/mappers.js';
import { applyUpdate, moveLocked } from '../cards/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable, Tx } from '../db/database.js';
import { boards, cards, columns, iterationAbsences, iterations, teamMembers, teams } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, notFound, ok, refuse, type Result } from '../http/result.js';
import { decide, requireTeam } from '../auth/access.js';

type Opts = IdempotencyOption;
export type IterationRow = typeof iterations.$inferSelect;

export function toIteration(r: IterationRow): Iteration {
  return {
    id: r.id,
    teamId: r.teamId,
    name: r.name,
    goal: r.goal,
    startDate: r.startDate,
    endDate: r.endDate,
    state: r.state,
    pointsPerPerson: r.pointsPerPerson,
    committedPoints: r.committedPoints,
    completedPoints: r.completedPoints,
    startedAt: iso(r.startedAt),
    closedAt: iso(r.closedAt),
    version: r.version,
    createdAt: iso(r.createdAt),
  };
}

/** Another open (planned or active) iteration of the team whose dates overlap. */
export async function overlapping(tx: Queryable, teamId: string, start: string, end: string, exceptId: string | null): Promise<IterationRow | null> {
  const rows = await tx
    .select()
    .from(iterations)
    .where(and(eq(iterations.teamId, teamId), ne(iterations.state, 'closed')));
  return rows.find((r) => r.id !== exceptId && r.startDate <= end && start <= r.endDate) ?? null;
}

export async function listIterations(db: Queryable, userId: string, teamId: string): Promise<Result<Iteration[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await db.select().from(iterations).where(eq(iterations.teamId, teamId)).orderBy(asc(iterations.startDate), asc(iterations.createdAt));
  return ok(rows.map(toIteration));
}

export async function createIteration(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: CreateIterationBody, o: Opts): Promise<Result<Iteration>> {
  // Two weeks by default: a Monday start ends on the Friday of the next week.
  const endDate = body.endDate ?? addCalendarDays(body.startDate, 11);
  // The implied end must be a date we accept too; the field to fix is the one that was sent.
  if (body.endDate === undefined && !isAcceptableDate(endDate)) return invalidField('startDate', `the iteration would end after ${LATEST_DATE}; give an earlier start or an endDate`);
  if (endDate < body.startDate) return invalidField('endDate', 'must not be before startDate');
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'plan');
    if (!access.ok) return access;
    const [team] = await w.tx.select().from(teams).where(eq(teams.id, teamId)).for('update');
    const clash = await overlapping(w.tx, teamId, body.startDate, endDate, null);
    if (clash) return refuse('conflict', `The dates overlap "${clash.name}" (${clash.startDate} to ${clash.endDate}).`, { iterationId: clash.id });
    const count = (await w.tx.select({ id: iterations.id }).from(iterations).where(eq(iterations.teamId, teamId))).length;
    const [row] = await w.tx
      .insert(iterations)
      .values({
        id: deps.newId(),
        teamId,
        name: body.name?.trim() || `Iteration ${count + 1}`,
        goal: body.goal?.trim() ?? '',
        startDate: body.startDate,
        endDate,
        state: 'planned',
        pointsPerPerson: body.pointsPerPerson ?? team!.pointsPerPerson,
        createdAt: w.now,
      })
      .returning();
    const iteration = toIteration(row!);
    w.emitTeam(teamId, [{ type: 'iteration.created', subjectId: iteration.id, payload: { iteration } }]);
    return ok(iteration);
  });
}

export async function lockIteration(tx: Tx, iterationId: string, userId: string): Promise<{ iteration: IterationRow; role: Role | null } | null> {
  const [row] = await tx
    .select({ iteration: iterations, role: teamMembers.role })
    .from(iterations)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, iterations.teamId), eq(teamMembers.userId, userId)))
    .where(eq(iterations.id, iterationId))
    .for('update', { of: [iterations] });
  return row ?? null;
}

export async function updateIteration(deps: ServiceDeps, auth: AuthInfo, iterationId: string, body: UpdateIterationBody, o: Opts): Promise<Result<Iteration>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await lockIteration(w.tx, iterationId, auth.user.id);
    const access = decide(found?.role ?? null, 'plan', 'Iteration');
    if (!access.ok) return access;
    const current = found!.iteration;
    if (current.state === 'closed') return refuse('iteration_state', 'A closed iteration cannot change.');
    const startDate = body.startDate ?? current.startDate;
    const endDate = body.endDate ?? current.endDate;
    if (endDate < startDate) return invalidField(body.endDate ? 'endDate' : 'startDate', 'the iteration must not end before it starts');
    if (current.state === 'active' && body.startDate && body.startDate !== current.startDate) return refuse('iteration_state', 'An active iteration keeps its start date.');
    const clash = await overlapping(w.tx, current.teamId, startDate, endDate, iterationId);
    if (clash) return refuse('conflict', `The dates overlap "${clash.name}" (${clash.startDate} to ${clash.endDate}).`, { iterationId: clash.id });
    if (body.absences) {
      const ids = body.absences.map((a) => a.userId);
      const members = ids.length === 0 ? [] : await w.tx.select({ userId: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.teamId, current.teamId), inArray(teamMembers.userId, ids)));
      const known = new Set(members.map((m) => m.userId));
      const stranger = ids.findIndex((id) => !known.has(id));
      if (stranger >= 0) return invalidField(`absences[${stranger}].userId`, 'is not a member of this team');
      await w.tx.delete(iterationAbsences).where(eq(iterationAbsences.iterationId, iterationId));
      const rows = body.absences.filter((a) => a.days > 0).map((a) => ({ iterationId, userId: a.userId, days: a.days }));
      if (rows.length > 0) await w.tx.insert(iterationAbsences).values(rows);
    }
    const name = body.name?.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    const [row] = await w.tx
      .update(iterations)
      .set({
        ...(name !== undefined && { name }),
        ...(body.goal !== undefined && { goal: body.goal.trim() }),
        startDate,
        endDate,
        ...(body.pointsPerPerson !== undefined && { pointsPerPerson: body.pointsPerPerson }),
        version: current.version + 1,
      })
      .where(eq(iterations.id, iterationId))
      .returning();
    const iteration = toIteration(row!);
    const changes = diff(toIteration(current), iteration, ['name', 'goal', 'startDate', 'endDate', 'pointsPerPerson']);
    if (body.absences) changes.absences = { from: null, to: body.absences };
    w.emitTeam(current.teamId, [{ type: 'iteration.updated', subjectId: iterationId, payload: { iteration, changes } }]);
    return ok(iteration);
  });
}

export interface CardAt {
  card: CardRow;
  board: BoardRow;
  category: string;
}

export async function iterationCards(tx: Queryable, iterationId: string): Promise<CardAt[]> {
  return tx
    .select({ card: cards, board: boards, category: columns.category })
    .from(cards)
    .innerJoin(boards, eq(boards.id, cards.boardId))
    .innerJoin(columns, eq(columns.id, cards.columnId))
    .where(and(eq(cards.iterationId, iterationId), isNull(cards.archivedAt)))
    .orderBy(asc(boards.rank), asc(cards.rank));
}

/**
 * Pulls cards into the iteration (the PO's planning): each joins it, and a
 * card still in the backlog moves on to the board's first to-do column.
 */
export async function addCards(deps: ServiceDeps, auth: AuthInfo, iterationId: string, cardIds: string[], o: Opts): Promise<Result<Iteration>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await lockIteration(w.tx, iterationId, auth.user.id);
    const access = decide(found?.role ?? null, 'plan', 'Iteration');
    if (!access.ok) return access;
    const it = found!.iteration;
    if (it.state === 'closed') return refuse('iteration_state', 'A closed iteration takes no more cards.');
    const rows = await w.tx
      .select({ card: cards, board: boards, category: columns.category })
      .from(cards)
      .innerJoin(boards, eq(boards.id, cards.boardId))
      .innerJoin(columns, eq(columns.id, cards.columnId))
      .where(and(inArray(cards.id, cardIds), eq(cards.teamId, it.teamId)))
      .orderBy(asc(cards.id))
      .for('update', { of: [cards] });
    const byId = new Map(rows.map((r) => [r.card.id, r]));
    const missing = cardIds.findIndex((id) => !byId.has(id));
    if (missing >= 0) return invalidField(`cardIds[${missing}]`, 'is not a card of this team');
    for (const [i, id] of cardIds.entries()) {
      const r = byId.get(id)!;
      if (r.card.archivedAt) return invalidField(`cardIds[${i}]`, 'is an archived card');
      if (r.board.kind === 'interrupts') return invalidField(`cardIds[${i}]`, 'interrupts are not planned into iterations');
    }
    for (const id of cardIds) {
      const r = byId.get(id)!;
      let card = r.card;
      if (r.category === 'backlog') {
        const todo = await firstColumn(w.tx, r.board.id, 'todo');
        if (todo) {
          const moved = await moveLocked(w, card, r.board, { toColumnId: todo.id, overrideReason: `Planned into ${it.name}` }, found!.role);
          if (!moved.ok) return moved;
          card = await reload(w.tx, id);
        }
      }
      if (card.iterationId !== iterationId) {
        const updated = await applyUpdate(w, r.board, card, { iterationId });
        if (!updated.ok) return updated;
      }
    }
    return ok(toIteration(it));
  });
}

async function reload(tx: Tx, cardId: string): Promise<CardRow> {
  const [row] = await tx.select().from(cards).where(eq(cards.id, cardId));
  return row!;
}

/** Takes a card out of the iteration; if it has not started it goes back to the backlog. */
export async function removeCard(deps: ServiceDeps, auth: AuthInfo, iterationId: string, cardId: string, o: Opts): Promise<Result<Iteration>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await lockIteration(w.tx, iterationId, auth.user.id);
    const access = decide(found?.role ?? null, 'plan', 'Iteration');
    if (!access.ok) return access;
    const it = found!.iteration;
    if (it.state === 'closed') return refuse('iteration_state', 'A closed iteration cannot change.');
    const back = await sendBack(w, cardId, iterationId, null, found!.role);
    if (!back.ok) return back;
    return ok(toIteration(it));
  });
}

/** Moves a card out of an iteration (into `to`, or the backlog when null); unstarted cards return to the backlog column. */
export async function sendBack(w: WriteContext, cardId: string, from: string, to: string | null, role: Role | null): Promise<Result<null>> {
  const [r] = await w.tx
    .select({ card: cards, board: boards, category: columns.category })
    .from(cards)
    .innerJoin(boards, eq(boards.id, cards.boardId))
    .innerJoin(columns, eq(columns.id, cards.columnId))
    .where(and(eq(cards.id, cardId), eq(cards.iterationId, from)))
    .for('update', { of: [cards] });
  if (!r) return notFound('Card in this iteration');
  let card = r.card;
  if (to === null && r.category === 'todo') {
    const backlog = await firstColumn(w.tx, r.board.id, 'backlog');
    if (backlog) {
      // Back on top of the backlog: it was ranked high enough to be planned.
      const moved = await moveLocked(w, card, r.board, { toColumnId: backlog.id, position: 0 }, role);
      if (!moved.ok) return moved;
      card = await reload(w.tx, cardId);
    }
  }
  const updated = await applyUpdate(w, r.board, card, { iterationId: to });
  return updated.ok ? ok(null) : updated;
}

/** Points finished per closed iteration, the last several, with their average. */
export async function velocityReport(db: Queryable, userId: string, teamId: string, lastN: number): Promise<Result<VelocityReport>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await db
    .select()
    .from(iterations)
    .where(and(eq(iterations.teamId, teamId), eq(iterations.state, 'closed')))
    .orderBy(desc(iterations.startDate))
    .limit(lastN);
  const entries = rows.reverse().map((r) => ({ id: r.id, name: r.name, committed: r.committedPoints ?? 0, completed: r.completedPoints ?? 0 }));
  return ok(velocity(entries, lastN));
}

