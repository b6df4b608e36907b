/** The facts strip of a retro: the iteration's facts from the event log, and the previous retro's actions now. */
import { and, asc, desc, eq, lt, lte } from 'drizzle-orm';
import { iterationFacts, type RetroFacts } from '@opsboard/shared';
import { decide } from '../auth/access.js';
import type { Queryable } from '../db/database.js';
import { boards, cards, columns, events, iterations, teamMembers } from '../db/schema.js';
import { retroActions, retros } from '../db/schema/retro.js';
import { iso } from '../db/time.js';
import { ok, type Result } from '../http/result.js';

export async function retroFacts(db: Queryable, userId: string, retroId: string, now: Date): Promise<Result<RetroFacts>> {
  const [found] = await db
    .select({ retro: retros, role: teamMembers.role })
    .from(retros)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, retros.teamId), eq(teamMembers.userId, userId)))
    .where(eq(retros.id, retroId));
  const access = decide(found?.role ?? null, 'read', 'Retro');
  if (!access.ok) return access;
  const r = found!.retro;
  let iteration: RetroFacts['iteration'] = null;
  if (r.iterationId) {
    const [it] = await db.select().from(iterations).where(eq(iterations.id, r.iterationId));
    if (it?.startedAt) {
      const end = iso(it.closedAt) ?? now.toISOString();
      const teamBoards = await db.select({ id: boards.id, kind: boards.kind }).from(boards).where(eq(boards.teamId, r.teamId));
      const cols = await db.select({ id: columns.id, category: columns.category }).from(columns).innerJoin(boards, eq(boards.id, columns.boardId)).where(eq(boards.teamId, r.teamId));
      const rows = await db
        .select({ streamId: events.streamId, type: events.type, payload: events.payload, at: events.at, actorId: events.actorId })
        .from(events)
        .where(and(eq(events.teamId, r.teamId), lte(events.at, end)))
        .orderBy(asc(events.at), asc(events.streamId), asc(events.seq))
        .limit(50_000);
      const facts = iterationFacts({
        iterationId: it.id,
        goal: it.goal,
        startDate: it.startDate,
        endDate: it.endDate,
        startedAt: iso(it.startedAt)!,
        closedAt: iso(it.closedAt),
        now: now.toISOString(),
        ssaBoardIds: teamBoards.filter((b) => b.kind === 'selfservice').map((b) => b.id),
        columnCategory: new Map(cols.map((c) => [c.id, c.category])),
        events: rows.map((e) => ({ ...e, at: iso(e.at)! })),
      });
      iteration = { iterationId: it.id, name: it.name, ...facts };
    }
  }
  const [previous] = await db
    .select({ id: retros.id })
    .from(retros)
    .where(and(eq(retros.teamId, r.teamId), lt(retros.createdAt, r.createdAt)))
    .orderBy(desc(retros.createdAt), desc(retros.id))
    .limit(1);
  const previousActions = previous
    ? await db
        .select({ title: retroActions.title, ownerId: retroActions.ownerId, cardId: retroActions.cardId, number: cards.number, archivedAt: cards.archivedAt, column: columns.name, category: columns.category })
        .from(retroActions)
        .innerJoin(cards, eq(cards.id, retroActions.cardId))
        .innerJoin(columns, eq(columns.id, cards.columnId))
        .where(eq(retroActions.retroId, previous.id))
        .orderBy(asc(retroActions.createdAt), asc(retroActions.id))
    : [];
  return ok({
    iteration,
    previousRetroId: previous?.id ?? null,
    previousActions: previousActions.map((a) => ({ title: a.title, ownerId: a.ownerId, cardId: a.cardId, cardNumber: a.number, column: a.column, state: a.archivedAt ? 'archived' : a.category })),
  });
}
