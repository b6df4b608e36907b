/**
 * Interrupt figures per week or per iteration: what arrived (by source and
 * severity), how fast it was triaged (median, 90th percentile), and what share
 * of the team's finished work was interrupts, by count and by points.
 * Finished work comes from the event log: cards entering a done column.
 */
import { and, asc, eq, gte, inArray, lt, ne } from 'drizzle-orm';
import { addCalendarDays, percentile, share, weekStart, zonedWallTimeToInstant, type Card, type InterruptFigures } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { boards, columns, events, interrupts, iterations, teamMembers, teams, users } from '../db/schema.js';
import { iso } from '../db/time.js';
import { ok, type Result } from '../http/result.js';
import { requireTeam } from '../auth/access.js';

interface Bucket {
  label: string;
  from: Date;
  to: Date;
  /** by=person: the interrupts this person received as PoTW and the cards they finished. */
  personId?: string;
}

function weekBuckets(now: Date, timezone: string, weeks: number): Bucket[] {
  const thisWeek = weekStart(now, timezone);
  const out: Bucket[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const date = addCalendarDays(thisWeek, -7 * i);
    out.push({ label: date, from: zonedWallTimeToInstant(date, '00:00', timezone), to: zonedWallTimeToInstant(addCalendarDays(date, 7), '00:00', timezone) });
  }
  return out;
}

export async function interruptFigures(
  db: Queryable,
  userId: string,
  teamId: string,
  opts: { by: 'week' | 'iteration' | 'person'; weeks: number },
  now: Date,
): Promise<Result<InterruptFigures[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  const tz = team!.timezone;
  let buckets: Bucket[];
  if (opts.by === 'week') {
    buckets = weekBuckets(now, tz, opts.weeks);
  } else if (opts.by === 'person') {
    const weeks = weekBuckets(now, tz, opts.weeks);
    const people = await db
      .select({ id: users.id, name: users.name })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, teamId), ne(teamMembers.role, 'guest')))
      .orderBy(asc(users.name), asc(users.id));
    buckets = people.map((p) => ({ label: p.name, from: weeks[0]!.from, to: weeks.at(-1)!.to, personId: p.id }));
  } else {
    const its = await db
      .select()
      .from(iterations)
      .where(and(eq(iterations.teamId, teamId), ne(iterations.state, 'planned')))
      .orderBy(asc(iterations.startDate));
    buckets = its.slice(-opts.weeks).map((it) => ({
      label: it.name,
      from: zonedWallTimeToInstant(it.startDate, '00:00', tz),
      to: zonedWallTimeToInstant(addCalendarDays(it.endDate, 1), '00:00', tz),
    }));
  }
  if (buckets.length === 0) return ok([]);
  const from = buckets[0]!.from.toISOString();
  const to = buckets.at(-1)!.to.toISOString();

  const arrivals = await db
    .select({ source: interrupts.source, severity: interrupts.severity, receivedAt: interrupts.receivedAt, triagedAt: interrupts.triagedAt, potwId: interrupts.assignedPotwId })
    .from(interrupts)
    .where(and(eq(interrupts.teamId, teamId), gte(interrupts.receivedAt, from), lt(interrupts.receivedAt, to)));

  const teamBoards = await db.select({ id: boards.id, kind: boards.kind }).from(boards).where(eq(boards.teamId, teamId));
  const interruptBoards = new Set(teamBoards.filter((b) => b.kind === 'interrupts').map((b) => b.id));
  const doneColumns = new Set(
    teamBoards.length === 0
      ? []
      : (
          await db
            .select({ id: columns.id })
            .from(columns)
            .where(and(inArray(columns.boardId, teamBoards.map((b) => b.id)), eq(columns.category, 'done')))
        ).map((c) => c.id),
  );
  const moves = await db
    .select({ at: events.at, payload: events.payload })
    .from(events)
    .where(and(eq(events.teamId, teamId), inArray(events.type, ['card.moved', 'card.moved_in']), gte(events.at, from), lt(events.at, to)));

  const result = buckets.map((b): InterruptFigures => {
    const inside = (at: string) => {
      const t = new Date(iso(at)).getTime();
      return t >= b.from.getTime() && t < b.to.getTime();
    };
    const arrived = arrivals.filter((a) => inside(a.receivedAt) && (b.personId === undefined || a.potwId === b.personId));
    const bySource: Record<string, number> = {};
    const bySeverity: Record<string, number> = {};
    for (const a of arrived) {
      bySource[a.source] = (bySource[a.source] ?? 0) + 1;
      bySeverity[a.severity] = (bySeverity[a.severity] ?? 0) + 1;
    }
    const ttt = arrived.filter((a) => a.triagedAt !== null).map((a) => new Date(iso(a.triagedAt!)).getTime() - new Date(iso(a.receivedAt)).getTime());

    // A card counts once per bucket, as it was when it last entered a done column.
    const finished = new Map<string, Card>();
    for (const m of moves) {
      if (!inside(m.at)) continue;
      const card = (m.payload as { card: Card }).card;
      if (doneColumns.has(card.columnId) && (b.personId === undefined || card.assigneeIds.includes(b.personId))) finished.set(card.id, card);
    }
    const done = [...finished.values()];
    const isInterrupt = (c: Card) => c.type === 'interrupt' || interruptBoards.has(c.boardId);
    const points = done.reduce((s, c) => s + (c.points ?? 0), 0);
    const interruptPoints = done.filter(isInterrupt).reduce((s, c) => s + (c.points ?? 0), 0);
    const interruptCount = done.filter(isInterrupt).length;
    return {
      label: b.label,
      ...(b.personId !== undefined && { personId: b.personId }),
      from: b.from.toISOString(),
      to: b.to.toISOString(),
      received: arrived.length,
      bySource,
      bySeverity,
      triaged: ttt.length,
      timeToTriageMs: { median: percentile(ttt, 50), p90: percentile(ttt, 90) },
      finished: {
        total: done.length,
        interrupts: interruptCount,
        shareByCount: share(interruptCount, done.length),
        points,
        interruptPoints,
        shareByPoints: share(interruptPoints, points),
      },
    };
  });
  return ok(result);
}
