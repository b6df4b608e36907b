/**
 * Recurring cards for chores (certificate renewals, restore tests, patch
 * days): a cron-like schedule in the team's time zone. Each due occurrence is
 * claimed by inserting (recurrence, occurrence time) under a unique key, in
 * the same transaction as the card, so with several instances running each
 * occurrence becomes exactly one card.
 */
import { and, asc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { nextOccurrence, parseCron, type CreateRecurrenceBody, type Recurrence } from '@opsboard/shared';
import { requireTeam, decide, roleIn } from '../auth/access.js';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { boards, cardRecurrences, columns, recurrenceOccurrences, teams } from '../db/schema.js';
import { iso } from '../db/time.js';
import { insertCard } from '../cards/service.js';
import { mutate } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, type Result } from '../http/result.js';

type Row = typeof cardRecurrences.$inferSelect;

function toRecurrence(r: Row): Recurrence {
  return {
    id: r.id,
    teamId: r.teamId,
    boardId: r.boardId,
    columnId: r.columnId,
    title: r.title,
    description: r.description,
    checklist: r.checklist,
    schedule: r.schedule,
    nextAt: iso(r.nextAt),
    createdAt: iso(r.createdAt),
  };
}

export async function listRecurrences(db: Queryable, userId: string, teamId: string): Promise<Result<Recurrence[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await db.select().from(cardRecurrences).where(eq(cardRecurrences.teamId, teamId)).orderBy(asc(cardRecurrences.title), asc(cardRecurrences.id));
  return ok(rows.map(toRecurrence));
}

export async function createRecurrence(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: CreateRecurrenceBody, o: IdempotencyOption): Promise<Result<Recurrence>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'plan');
    if (!access.ok) return access;
    const title = body.title.trim();
    if (title === '') return invalidField('title', 'must not be blank');
    const parsed = parseCron(body.schedule);
    if (!parsed.ok) return invalidField('schedule', parsed.message);
    const [board] = await w.tx.select().from(boards).where(and(eq(boards.id, body.boardId), eq(boards.teamId, teamId)));
    if (!board || board.archivedAt) return invalidField('boardId', 'is not a live board of this team');
    if (body.columnId) {
      const [col] = await w.tx.select({ id: columns.id }).from(columns).where(and(eq(columns.id, body.columnId), eq(columns.boardId, board.id)));
      if (!col) return invalidField('columnId', 'is not a column of this board');
    }
    const [team] = await w.tx.select({ timezone: teams.timezone }).from(teams).where(eq(teams.id, teamId));
    const next = nextOccurrence(parsed.value, new Date(w.now), team!.timezone);
    const [row] = await w.tx
      .insert(cardRecurrences)
      .values({
        id: deps.newId(),
        teamId,
        boardId: board.id,
        columnId: body.columnId ?? null,
        title,
        description: body.description ?? '',
        checklist: (body.checklist ?? []).map((x) => x.trim()).filter(Boolean),
        schedule: body.schedule.trim(),
        nextAt: next?.toISOString() ?? null,
        createdBy: auth.user.id,
        createdAt: w.now,
      })
      .returning();
    const recurrence = toRecurrence(row!);
    w.emitTeam(teamId, [{ type: 'recurrence.created', subjectId: recurrence.id, payload: { recurrence } }]);
    return ok(recurrence);
  });
}

export async function deleteRecurrence(deps: ServiceDeps, auth: AuthInfo, id: string, o: IdempotencyOption): Promise<Result<{ ok: true }>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const [row] = await w.tx.select().from(cardRecurrences).where(eq(cardRecurrences.id, id)).for('update');
    const access = decide(row ? await roleIn(w.tx, auth.user.id, row.teamId) : null, 'plan', 'Recurring card');
    if (!access.ok) return access;
    await w.tx.delete(cardRecurrences).where(eq(cardRecurrences.id, id));
    w.emitTeam(row!.teamId, [{ type: 'recurrence.deleted', subjectId: id, payload: { recurrenceId: id } }]);
    return ok({ ok: true as const });
  });
}

/**
 * Creates the cards of every occurrence due by now (run from the maintenance
 * loop). Occurrences missed while no instance ran become one card, for the
 * latest; the schedule then continues from now. Returns how many cards this
 * call created.
 */
export async function runDueRecurrences(deps: ServiceDeps, log?: { warn(obj: unknown, msg: string): void }): Promise<number> {
  const now = deps.clock();
  const due = await deps.database.db
    .select({ id: cardRecurrences.id })
    .from(cardRecurrences)
    .where(and(isNotNull(cardRecurrences.nextAt), lte(cardRecurrences.nextAt, now.toISOString())))
    .orderBy(asc(cardRecurrences.nextAt))
    .limit(100);
  let created = 0;
  for (const { id } of due) {
    const result = await mutate(deps, { actor: { userId: null } }, async (w) => {
      const [r] = await w.tx.select().from(cardRecurrences).where(eq(cardRecurrences.id, id));
      if (!r || r.nextAt === null || new Date(r.nextAt) > now) return ok(false);
      const parsed = parseCron(r.schedule);
      const [team] = await w.tx.select({ timezone: teams.timezone }).from(teams).where(eq(teams.id, r.teamId));
      // The latest occurrence due (missed ones in between are not made up), and the one after now.
      let occurs = new Date(r.nextAt);
      let next = parsed.ok ? nextOccurrence(parsed.value, occurs, team!.timezone) : null;
      while (parsed.ok && next !== null && next <= now) {
        occurs = next;
        next = nextOccurrence(parsed.value, occurs, team!.timezone);
      }
      const cardId = deps.newId();
      const claimed = await w.tx
        .insert(recurrenceOccurrences)
        .values({ recurrenceId: r.id, occursAt: occurs.toISOString(), cardId, createdAt: w.now })
        .onConflictDoNothing()
        .returning({ cardId: recurrenceOccurrences.cardId });
      await w.tx.update(cardRecurrences).set({ nextAt: next?.toISOString() ?? null }).where(eq(cardRecurrences.id, r.id));
      // Another instance created this occurrence already.
      if (claimed.length === 0) return ok(false);
      const [board] = await w.tx.select().from(boards).where(eq(boards.id, r.boardId));
      if (!board || board.archivedAt) return ok(false);
      const card = await insertCard(
        w,
        cardId,
        board,
        { title: r.title, description: r.description, checklist: r.checklist, type: 'chore', ...(r.columnId && { columnId: r.columnId }), overrideReason: 'Recurring chore, due now' },
        r.createdBy,
        null,
      );
      if (!card.ok) {
        log?.warn({ recurrenceId: r.id, refusal: card.refusal }, 'recurring card refused; skipping this occurrence');
        return card;
      }
      return ok(true);
    });
    if (result.ok && result.value) created++;
    if (!result.ok) {
      // Refused (a hard WIP limit, say): try again in a quarter of an hour rather than on every pass.
      const later = new Date(now.getTime() + 15 * 60_000).toISOString();
      await deps.database.db.execute(sql`UPDATE card_recurrences SET next_at = ${later} WHERE id = ${id} AND next_at <= ${now.toISOString()}`);
    }
  }
  return created;
}
