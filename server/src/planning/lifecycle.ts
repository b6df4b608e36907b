/**
 * Starting and closing an iteration. Starting snapshots the commitment and
 * refuses, until confirmed, a plan over capacity or a start outside the
 * iteration's dates; the confirmation is recorded. Closing counts velocity and
 * carries unfinished cards over (to another iteration, or back to the backlog).
 */
import { and, eq } from 'drizzle-orm';
import {
  carryOver,
  confirmationFor,
  instantToZoned,
  shiftedToToday,
  startChecks,
  unconfirmedChecks,
  type CapacityLoad,
  type CloseIterationBody,
  type Iteration,
  type OutsideDates,
  type StartChecks,
  type StartConfirmation,
  type StartIterationBody,
} from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import { iterations, teams } from '../db/schema.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { mutate } from '../events/unit-of-work.js';
import { invalidField, ok, refuse, type Refusal, type Result } from '../http/result.js';
import { decide } from '../auth/access.js';
import { iterationCapacity } from './capacity.js';
import { iterationCards, lockIteration, overlapping, sendBack, toIteration } from './iterations.js';

type Opts = IdempotencyOption;

function points(n: number): string {
  return `${n} ${n === 1 ? 'point' : 'points'}`;
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

function overCapacityWords(name: string, load: CapacityLoad): string {
  return `${name} is planned over capacity: ${load.planned} of ${points(load.capacity)} (${load.over} over). Confirm these figures to start it anyway.`;
}

function outsideDatesWords(name: string, dates: OutsideDates): string {
  const when =
    dates.position === 'before'
      ? `starts on ${dates.startDate}, in ${days(dates.days)} (today is ${dates.today})`
      : `ended on ${dates.endDate}, ${days(dates.days)} ago (today is ${dates.today})`;
  return `${name} ${when}. Confirm its dates to start it anyway, or move them to today.`;
}

/** The refusal for the first open check; its details carry every open check and the confirmation that answers them. */
function unconfirmed(name: string, iterationId: string, open: StartChecks): Refusal | null {
  const details = { iterationId, checks: open, confirm: confirmationFor(open) };
  if (open.overCapacity) return { code: 'over_capacity', message: overCapacityWords(name, open.overCapacity), details: { ...open.overCapacity, ...details } };
  if (open.outsideDates) return { code: 'outside_dates', message: outsideDatesWords(name, open.outsideDates), details: { ...open.outsideDates, ...details } };
  return null;
}

export async function startIteration(deps: ServiceDeps, auth: AuthInfo, iterationId: string, body: StartIterationBody, o: Opts): Promise<Result<Iteration>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await lockIteration(w.tx, iterationId, auth.user.id);
    const access = decide(found?.role ?? null, 'plan', 'Iteration');
    if (!access.ok) return access;
    const it = found!.iteration;
    if (it.state !== 'planned') return refuse('iteration_state', `The iteration is ${it.state}; only a planned one can start.`);
    const [team] = await w.tx.select({ timezone: teams.timezone }).from(teams).where(eq(teams.id, it.teamId)).for('update');
    const [active] = await w.tx.select().from(iterations).where(and(eq(iterations.teamId, it.teamId), eq(iterations.state, 'active')));
    if (active) return refuse('iteration_state', `"${active.name}" is still active; close it first.`, { iterationId: active.id });

    const today = instantToZoned(new Date(w.now), team!.timezone).date;
    const dates = body.moveDatesToToday ? shiftedToToday(it.startDate, it.endDate, today) : { startDate: it.startDate, endDate: it.endDate };
    const moved = dates.startDate !== it.startDate;
    if (moved) {
      const clash = await overlapping(w.tx, it.teamId, dates.startDate, dates.endDate, iterationId);
      if (clash) return refuse('conflict', `Moved to today, the dates would overlap "${clash.name}" (${clash.startDate} to ${clash.endDate}).`, { iterationId: clash.id });
    }

    const scope = await iterationCards(w.tx, iterationId);
    const committed = scope.map((s) => ({ cardId: s.card.id, points: s.card.points, title: s.card.title }));
    const committedPoints = committed.reduce((sum, c) => sum + (c.points ?? 0), 0);
    const { capacity } = await iterationCapacity(w.tx, { ...it, ...dates }, team!.timezone);
    const checks = startChecks({ planned: committedPoints, capacity: capacity.total, ...dates, today });
    const refusal = unconfirmed(it.name, iterationId, unconfirmedChecks(checks, body.confirm ?? {}));
    if (refusal) return { ok: false, refusal };

    const reason = body.reason?.trim() || null;
    const confirmation: StartConfirmation | null =
      checks.overCapacity || checks.outsideDates ? { userId: auth.user.id, at: w.now, reason, overCapacity: checks.overCapacity, outsideDates: checks.outsideDates } : null;
    const [row] = await w.tx
      .update(iterations)
      .set({ ...dates, state: 'active', startedAt: w.now, committed, committedPoints, startConfirmation: confirmation, version: it.version + 1 })
      .where(eq(iterations.id, iterationId))
      .returning();
    const iteration = toIteration(row!);
    if (moved) {
      const changes = { startDate: { from: it.startDate, to: dates.startDate }, endDate: { from: it.endDate, to: dates.endDate } };
      w.emitTeam(it.teamId, [{ type: 'iteration.updated', subjectId: iterationId, payload: { iteration, changes } }]);
    }
    w.emitTeam(it.teamId, [{ type: 'iteration.started', subjectId: iterationId, payload: { iteration, committed, confirmation } }]);
    return ok(iteration);
  });
}

export async function closeIteration(deps: ServiceDeps, auth: AuthInfo, iterationId: string, body: CloseIterationBody, o: Opts): Promise<Result<Iteration>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await lockIteration(w.tx, iterationId, auth.user.id);
    const access = decide(found?.role ?? null, 'plan', 'Iteration');
    if (!access.ok) return access;
    const it = found!.iteration;
    if (it.state !== 'active') return refuse('iteration_state', `The iteration is ${it.state}; only an active one can close.`);
    if (body.carryOverTo !== null) {
      if (body.carryOverTo === iterationId) return invalidField('carryOverTo', 'must be another iteration');
      const [next] = await w.tx.select().from(iterations).where(and(eq(iterations.id, body.carryOverTo), eq(iterations.teamId, it.teamId)));
      if (!next) return invalidField('carryOverTo', 'is not an iteration of this team');
      if (next.state === 'closed') return invalidField('carryOverTo', 'is a closed iteration');
    }
    const scope = await iterationCards(w.tx, iterationId);
    const split = carryOver(scope.map((s) => ({ id: s.card.id, done: s.category === 'done' })));
    const toBacklog = new Set(body.backlogCardIds ?? []);
    const unfinished = new Set(split.carried);
    const stray = (body.backlogCardIds ?? []).findIndex((id) => !unfinished.has(id));
    if (stray >= 0) return invalidField(`backlogCardIds[${stray}]`, 'is not an unfinished card of this iteration');
    const carriedOver = split.carried.map((cardId) => ({ cardId, to: toBacklog.has(cardId) ? null : body.carryOverTo }));
    for (const { cardId, to } of carriedOver) {
      const back = await sendBack(w, cardId, iterationId, to, found!.role);
      if (!back.ok) return back;
    }
    const finished = new Set(split.finished);
    const completedPoints = scope.filter((s) => finished.has(s.card.id)).reduce((sum, s) => sum + (s.card.points ?? 0), 0);
    const [row] = await w.tx
      .update(iterations)
      .set({ state: 'closed', closedAt: w.now, completedPoints, carriedOver, version: it.version + 1 })
      .where(eq(iterations.id, iterationId))
      .returning();
    const iteration = toIteration(row!);
    w.emitTeam(it.teamId, [{ type: 'iteration.closed', subjectId: iterationId, payload: { iteration, finished: split.finished, carriedOver } }]);
    return ok(iteration);
  });
}
