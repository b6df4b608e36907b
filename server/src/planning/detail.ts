/**
 * Everything the iteration page and the planning screen show: the cards, the
 * capacity (points per person minus planned absence and PoTW days), the SS&A
 * allocation, and burndown/burnup from the event log.
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { burnChart, ssaAllocation, type Card, type CardStateChange, type IterationDetail } from '@opsboard/shared';
import { toCard } from '../boards/mappers.js';
import type { Queryable } from '../db/database.js';
import { boards, columns, events, iterations, teamMembers, teams } from '../db/schema.js';
import { ok, type Result } from '../http/result.js';
import { decide } from '../auth/access.js';
import { iterationCapacity } from './capacity.js';
import { iterationCards, toIteration, type IterationRow } from './iterations.js';
import { iso } from '../db/time.js';

const CARD_EVENTS = ['card.created', 'card.updated', 'card.moved', 'card.archived', 'card.restored', 'card.moved_in'];

export async function iterationDetail(db: Queryable, userId: string, iterationId: string, now: Date): Promise<Result<IterationDetail>> {
  const [row] = await db
    .select({ iteration: iterations, role: teamMembers.role, timezone: teams.timezone })
    .from(iterations)
    .innerJoin(teams, eq(teams.id, iterations.teamId))
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, iterations.teamId), eq(teamMembers.userId, userId)))
    .where(eq(iterations.id, iterationId));
  const access = decide(row?.role ?? null, 'read', 'Iteration');
  if (!access.ok) return access;
  const it = row!.iteration;
  const tz = row!.timezone;

  const scope = await iterationCards(db, iterationId);
  const cards = scope.map((s) => toCard(s.card));
  const { workingDays, capacity } = await iterationCapacity(db, it, tz);

  const ssa = ssaAllocation(scope.map((s) => ({ assigneeIds: s.card.assigneeIds, boardKind: s.board.kind, done: s.category === 'done' })));
  const plannedPoints = cards.reduce((sum, c) => sum + (c.points ?? 0), 0);
  const donePoints = scope.filter((s) => s.category === 'done').reduce((sum, s) => sum + (s.card.points ?? 0), 0);

  return ok({
    iteration: toIteration(it),
    cards,
    committed: it.committed ?? null,
    workingDays,
    capacity,
    plannedPoints,
    donePoints,
    ssa,
    burn: it.startedAt ? await burn(db, it, tz, now) : [],
    carriedOver: it.carriedOver ?? null,
    startConfirmation: it.startConfirmation ?? null,
  });
}

/** Burndown/burnup points from the card events after the iteration started. */
async function burn(db: Queryable, it: IterationRow, tz: string, now: Date) {
  const teamBoards = await db.select({ id: boards.id }).from(boards).where(eq(boards.teamId, it.teamId));
  const done = new Set(
    teamBoards.length === 0
      ? []
      : (await db.select({ id: columns.id }).from(columns).where(and(inArray(columns.boardId, teamBoards.map((b) => b.id)), eq(columns.category, 'done')))).map((c) => c.id),
  );
  const rows = await db
    .select({ at: events.at, payload: events.payload })
    .from(events)
    .where(and(eq(events.teamId, it.teamId), inArray(events.type, CARD_EVENTS), gte(events.at, it.startedAt!)))
    .orderBy(asc(events.at), asc(events.seq));
  const relevant = new Set((it.committed ?? []).map((c) => c.cardId));
  const changes: CardStateChange[] = [];
  for (const r of rows) {
    const card = (r.payload as { card?: Card }).card;
    if (!card) continue;
    const inIteration = card.iterationId === it.id && card.archivedAt === null;
    if (!inIteration && !relevant.has(card.id)) continue;
    relevant.add(card.id);
    changes.push({ at: iso(r.at), cardId: card.id, inIteration, points: card.points, done: done.has(card.columnId) });
  }
  return burnChart({
    startDate: it.startDate,
    endDate: it.endDate,
    timezone: tz,
    startedAt: iso(it.startedAt!),
    committed: (it.committed ?? []).map((c) => ({ cardId: c.cardId, points: c.points })),
    changes,
    now: (it.closedAt ? new Date(iso(it.closedAt)) : now).toISOString(),
  });
}
