/**
 * What the catalogue shows: each technology's interrupt load per week next to
 * its maturity, the open SS&A work on it, the "where SS&A would pay" ranking,
 * vector trends and whether the load fell after the maturity rose.
 */
import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { loadAround, scoreNumbers, vectorTrends, whereSsaPays, type TechnologyDetail, type TechOverview, type VectorScoresWithNotes } from '@opsboard/shared';
import { decide, requireTeam } from '../auth/access.js';
import type { Queryable } from '../db/database.js';
import { boards, cards, cardTechnologies, columns, interrupts, teamMembers, technologies, technologyAssessments, technologyRules, technologyScores } from '../db/schema.js';
import { ok, type Result } from '../http/result.js';
import { toAssessment, toTechnology } from './service.js';
import { toRule } from './rules.js';

const DAY = 86_400_000;

/** The Mondays (UTC) of the last `n` weeks, oldest first, the current week last. */
export function weekStarts(now: Date, n: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  return Array.from({ length: n }, (_, i) => new Date(monday - (n - 1 - i) * 7 * DAY).toISOString().slice(0, 10));
}

/** Interrupts per technology per week since `from` (a Monday). */
async function weeklyInterrupts(db: Queryable, technologyIds: readonly string[], from: string): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (technologyIds.length === 0) return out;
  const week = sql<string>`to_char(date_trunc('week', ${interrupts.receivedAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const rows = await db
    .select({ technologyId: cardTechnologies.technologyId, week, count: sql<number>`count(*)::int` })
    .from(cardTechnologies)
    .innerJoin(interrupts, eq(interrupts.cardId, cardTechnologies.cardId))
    .where(and(inArray(cardTechnologies.technologyId, [...technologyIds]), gte(interrupts.receivedAt, `${from}T00:00:00.000Z`)))
    .groupBy(cardTechnologies.technologyId, week);
  for (const r of rows) {
    const m = out.get(r.technologyId) ?? new Map<string, number>();
    m.set(r.week, Number(r.count));
    out.set(r.technologyId, m);
  }
  return out;
}

export async function techOverview(db: Queryable, userId: string, teamId: string, weeks: number, now: Date): Promise<Result<TechOverview>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const techs = await db.select().from(technologies).where(and(eq(technologies.teamId, teamId), isNull(technologies.archivedAt))).orderBy(asc(technologies.name), asc(technologies.id));
  const ids = techs.map((t) => t.id);
  const starts = weekStarts(now, weeks);
  const weekly = await weeklyInterrupts(db, ids, starts[0]!);

  // The newest settled scores of each technology, for the heat map.
  const settled = ids.length === 0 ? [] : await db
    .select({ technologyId: technologyAssessments.technologyId, assessedOn: technologyAssessments.assessedOn, settledAt: technologyAssessments.settledAt, scores: technologyAssessments.scores })
    .from(technologyAssessments)
    .where(and(inArray(technologyAssessments.technologyId, ids), eq(technologyAssessments.status, 'settled')));
  const latest = new Map<string, { key: string; scores: VectorScoresWithNotes | null }>();
  for (const s of settled) {
    const key = `${s.assessedOn}|${s.settledAt}`;
    const seen = latest.get(s.technologyId);
    if (!seen || key > seen.key) latest.set(s.technologyId, { key, scores: s.scores });
  }

  // Open (not done, not archived) cards on the team's SS&A boards that name each technology.
  const ssa = ids.length === 0 ? [] : await db
    .select({ technologyId: cardTechnologies.technologyId, id: cards.id, title: cards.title, boardId: cards.boardId })
    .from(cardTechnologies)
    .innerJoin(cards, eq(cards.id, cardTechnologies.cardId))
    .innerJoin(boards, eq(boards.id, cards.boardId))
    .innerJoin(columns, eq(columns.id, cards.columnId))
    .where(and(inArray(cardTechnologies.technologyId, ids), eq(boards.kind, 'selfservice'), isNull(cards.archivedAt), sql`${columns.category} <> 'done'`))
    .orderBy(asc(cards.title));
  const [ssaBoard] = await db.select({ id: boards.id }).from(boards).where(and(eq(boards.teamId, teamId), eq(boards.kind, 'selfservice'), isNull(boards.archivedAt))).orderBy(asc(boards.rank)).limit(1);

  const series = new Map(techs.map((t) => [t.id, starts.map((week) => ({ week, count: weekly.get(t.id)?.get(week) ?? 0 }))]));
  const totals = new Map(techs.map((t) => [t.id, series.get(t.id)!.reduce((a, w) => a + w.count, 0)]));
  const ranked = whereSsaPays(techs.map((t) => ({ technologyId: t.id, level: toTechnology(t).level, interrupts: totals.get(t.id)!, configManagedPct: t.configManagedPct })));
  const rankOf = new Map(ranked.map((r, i) => [r.technologyId, { rank: i + 1, score: r.score, reasons: r.reasons }]));

  return ok({
    weeks: starts,
    ssaBoardId: ssaBoard?.id ?? null,
    rows: techs
      .map((t) => ({
        technology: toTechnology(t),
        scores: latest.get(t.id)?.scores ?? null,
        interrupts: totals.get(t.id)!,
        weekly: series.get(t.id)!,
        openSsaCards: ssa.filter((c) => c.technologyId === t.id).map((c) => ({ id: c.id, title: c.title, boardId: c.boardId })),
        pay: rankOf.get(t.id)!,
      }))
      .sort((a, b) => a.pay.rank - b.pay.rank),
  });
}

export async function technologyDetail(db: Queryable, userId: string, technologyId: string, now: Date): Promise<Result<TechnologyDetail>> {
  const [found] = await db
    .select({ tech: technologies, role: teamMembers.role })
    .from(technologies)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, technologies.teamId), eq(teamMembers.userId, userId)))
    .where(eq(technologies.id, technologyId));
  const access = decide(found?.role ?? null, 'read', 'Technology');
  if (!access.ok) return access;
  const tech = found!.tech;
  const rows = await db.select().from(technologyAssessments).where(eq(technologyAssessments.technologyId, technologyId)).orderBy(asc(technologyAssessments.assessedOn), asc(technologyAssessments.openedAt));
  const scorerRows = rows.length === 0 ? [] : await db.select({ assessmentId: technologyScores.assessmentId, userId: technologyScores.userId }).from(technologyScores).where(inArray(technologyScores.assessmentId, rows.map((r) => r.id)));
  const scorers = (id: string) => scorerRows.filter((s) => s.assessmentId === id).map((s) => s.userId);
  const settled = rows.filter((r) => r.status === 'settled' && r.scores !== null);

  const starts = weekStarts(now, 26);
  const weeklyMap = (await weeklyInterrupts(db, [technologyId], starts[0]!)).get(technologyId);
  const weekly = starts.map((week) => ({ week, count: weeklyMap?.get(week) ?? 0 }));

  const rises: TechnologyDetail['rises'] = [];
  let previous: number | null = null;
  for (const a of settled) {
    if (a.level !== null && (previous === null || a.level > previous) && previous !== null) {
      rises.push({ date: a.assessedOn, from: previous, to: a.level, ...loadAround(weekly, a.assessedOn, 4) });
    }
    if (a.level !== null) previous = a.level;
  }

  const rules = await db.select().from(technologyRules).where(eq(technologyRules.technologyId, technologyId)).orderBy(asc(technologyRules.createdAt));
  const linked = await db
    .select({ id: cards.id, title: cards.title, boardId: cards.boardId, type: cards.type, category: columns.category })
    .from(cardTechnologies)
    .innerJoin(cards, eq(cards.id, cardTechnologies.cardId))
    .innerJoin(columns, eq(columns.id, cards.columnId))
    .where(and(eq(cardTechnologies.technologyId, technologyId), isNull(cards.archivedAt)))
    .orderBy(asc(cards.createdAt))
    .limit(200);

  return ok({
    technology: toTechnology(tech),
    assessments: rows.map((r) => toAssessment(r, scorers(r.id))).reverse(),
    trends: vectorTrends(settled.map((a) => ({ date: a.assessedOn, scores: scoreNumbers(a.scores!) }))),
    weekly,
    rises,
    rules: rules.map(toRule),
    cards: linked.map((c) => ({ id: c.id, title: c.title, boardId: c.boardId, type: c.type, done: c.category === 'done' })),
  });
}
