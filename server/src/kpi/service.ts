/** Team KPIs: a target on a built-in measure (computed per week by the metrics code) or on hand-entered weekly numbers. */
import { and, asc, eq, gte } from 'drizzle-orm';
import { currentKpiValue, isMondayDate, judgeKpi, kpiTrend, percentile, weekStart, type CreateKpiBody, type Kpi, type KpiEntryBody, type KpiRow, type UpdateKpiBody } from '@opsboard/shared';
import { decide, requireTeam, roleIn } from '../auth/access.js';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { kpiEntries, kpis, teams } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, type Result } from '../http/result.js';
import { interruptFigures } from '../interrupts/figures.js';
import { doraReport } from '../metrics/deployments.js';
import { metricsReport, resolveRange } from '../metrics/service.js';

type Row = typeof kpis.$inferSelect;
export const KPI_WEEKS = 12;

function toKpi(r: Row): Kpi {
  return { id: r.id, teamId: r.teamId, name: r.name, unit: r.unit, source: r.source, direction: r.direction, baseline: r.baseline, target: r.target, createdAt: iso(r.createdAt) };
}

const DAY = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** The last `KPI_WEEKS` Mondays up to the week holding `today` (a team-local date), oldest first. */
function lastMondays(today: string): string[] {
  const dow = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, -dow);
  return Array.from({ length: KPI_WEEKS }, (_, i) => addDays(monday, (i - KPI_WEEKS + 1) * 7));
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Per week, the built-in measure a KPI follows, from the same code as the metrics page's charts. */
async function builtInSeries(db: Queryable, userId: string, kpi: Row, timezone: string, weeks: string[], today: string, now: Date): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  const query = { from: weeks[0]!, to: today };
  const scope = { teamId: kpi.teamId, boardId: null };
  const weekOf = (iso: string) => weekStart(new Date(iso), timezone);
  switch (kpi.source) {
    case 'throughput': {
      const r = await metricsReport(db, scope, timezone, { ...query, chart: ['throughput'] }, now);
      if (r.ok) for (const w of r.value.throughput ?? []) out.set(w.week, w.count);
      break;
    }
    case 'cycle-time-p85': {
      const r = await metricsReport(db, scope, timezone, { ...query, chart: ['cycleTime'] }, now);
      if (!r.ok) break;
      const perWeek = new Map<string, number[]>();
      for (const p of r.value.cycleTime?.points ?? []) perWeek.set(weekOf(p.finishedAt), [...(perWeek.get(weekOf(p.finishedAt)) ?? []), p.days]);
      for (const [week, days] of perWeek) out.set(week, round2(percentile(days, 85)!));
      break;
    }
    case 'wip': {
      // The cumulative flow's doing band on the last day of each week (today for this week).
      const r = await metricsReport(db, scope, timezone, { ...query, chart: ['cfd'] }, now);
      if (!r.ok || !r.value.cfd) break;
      const doing = r.value.cfd.bands.findIndex((b) => b.key === 'doing');
      for (const d of r.value.cfd.days) out.set(weekStart(new Date(`${d.date}T12:00:00Z`), 'UTC'), doing < 0 ? 0 : (d.counts[doing] ?? 0));
      break;
    }
    case 'flow-efficiency': {
      const r = await metricsReport(db, scope, timezone, { ...query, chart: ['cycleTime', 'flowEfficiency'] }, now);
      if (!r.ok) break;
      const finished = new Map((r.value.cycleTime?.points ?? []).map((p) => [p.cardId, weekOf(p.finishedAt)]));
      const sums = new Map<string, { active: number; total: number }>();
      for (const c of r.value.flowEfficiency?.cards ?? []) {
        const week = finished.get(c.cardId);
        if (!week) continue;
        const s = sums.get(week) ?? { active: 0, total: 0 };
        s.active += c.activeMs;
        s.total += c.activeMs + c.waitingMs + c.blockedMs;
        sums.set(week, s);
      }
      for (const [week, s] of sums) out.set(week, s.total === 0 ? null : Math.round((s.active / s.total) * 1000) / 10);
      break;
    }
    case 'interrupt-share':
    case 'time-to-triage': {
      const r = await interruptFigures(db, userId, kpi.teamId, { by: 'week', weeks: weeks.length }, now);
      if (!r.ok) break;
      for (const w of r.value) {
        if (kpi.source === 'interrupt-share') out.set(w.label, w.finished.shareByCount === null ? null : Math.round(w.finished.shareByCount * 1000) / 10);
        else out.set(w.label, w.timeToTriageMs.median === null ? null : round2(w.timeToTriageMs.median / 60_000));
      }
      break;
    }
    case 'deployment-frequency':
    case 'change-failure-rate': {
      const r = await doraReport(db, kpi.teamId, timezone, query, now);
      if (r.ok)
        for (const w of r.value.weeks) {
          if (kpi.source === 'deployment-frequency') out.set(w.week, w.deployments);
          else out.set(w.week, w.deployments === 0 ? null : Math.round((w.failures / w.deployments) * 1000) / 10);
        }
      break;
    }
    case 'manual':
      break;
  }
  return out;
}

export async function listKpis(db: Queryable, userId: string, teamId: string, now: Date): Promise<Result<KpiRow[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const [team] = await db.select({ timezone: teams.timezone }).from(teams).where(eq(teams.id, teamId));
  const range = resolveRange({}, team!.timezone, now);
  if (!range.ok) return range;
  const today = range.value.to;
  const weeks = lastMondays(today);
  const rows = await db.select().from(kpis).where(eq(kpis.teamId, teamId)).orderBy(asc(kpis.name), asc(kpis.id));
  const out: KpiRow[] = [];
  for (const row of rows) {
    let values: Map<string, number | null>;
    if (row.source === 'manual') {
      const entries = await db.select().from(kpiEntries).where(and(eq(kpiEntries.kpiId, row.id), gte(kpiEntries.week, weeks[0]!)));
      values = new Map(entries.map((e) => [e.week, e.value]));
    } else {
      values = await builtInSeries(db, userId, row, team!.timezone, weeks, today, now);
    }
    const series = weeks.map((week) => ({ week, value: values.get(week) ?? null }));
    const list = series.map((s) => s.value);
    const current = currentKpiValue(list);
    out.push({ kpi: toKpi(row), series, current, status: judgeKpi(current, row.target, row.direction), trend: kpiTrend(list, row.direction) });
  }
  return ok(out);
}

export async function createKpi(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: CreateKpiBody, o: IdempotencyOption): Promise<Result<Kpi>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'configure');
    if (!access.ok) return access;
    const name = body.name.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    const [row] = await w.tx
      .insert(kpis)
      .values({ id: deps.newId(), teamId, name, unit: (body.unit ?? '').trim(), source: body.source, direction: body.direction, baseline: body.baseline, target: body.target, createdAt: w.now })
      .returning();
    w.emitTeam(teamId, [{ type: 'kpi.created', subjectId: row!.id, payload: { kpiId: row!.id } }]);
    return ok(toKpi(row!));
  });
}

/** The KPI, if the caller may do `permission` in its team; unknown to non-members (404). */
async function loadKpi(db: Queryable, userId: string, id: string, permission: 'configure' | 'write'): Promise<Result<Row>> {
  const [row] = await db.select().from(kpis).where(eq(kpis.id, id)).for('update');
  const access = decide(row ? await roleIn(db, userId, row.teamId) : null, permission, 'KPI');
  if (!access.ok) return access;
  return ok(row!);
}

export async function updateKpi(deps: ServiceDeps, auth: AuthInfo, id: string, body: UpdateKpiBody, o: IdempotencyOption): Promise<Result<Kpi>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await loadKpi(w.tx, auth.user.id, id, 'configure');
    if (!found.ok) return found;
    const name = body.name?.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    const set = {
      ...(name !== undefined && { name }),
      ...(body.unit !== undefined && { unit: body.unit.trim() }),
      ...(body.direction !== undefined && { direction: body.direction }),
      ...(body.baseline !== undefined && { baseline: body.baseline }),
      ...(body.target !== undefined && { target: body.target }),
    };
    const [row] = await w.tx.update(kpis).set(set).where(eq(kpis.id, id)).returning();
    w.emitTeam(row!.teamId, [{ type: 'kpi.updated', subjectId: id, payload: { kpiId: id } }]);
    return ok(toKpi(row!));
  });
}

export async function deleteKpi(deps: ServiceDeps, auth: AuthInfo, id: string, o: IdempotencyOption): Promise<Result<{ ok: true }>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await loadKpi(w.tx, auth.user.id, id, 'configure');
    if (!found.ok) return found;
    await w.tx.delete(kpis).where(eq(kpis.id, id));
    w.emitTeam(found.value.teamId, [{ type: 'kpi.deleted', subjectId: id, payload: { kpiId: id } }]);
    return ok({ ok: true as const });
  });
}

/** Records (or replaces) a manual KPI's value for the week starting on Monday `week`. */
export async function recordKpi(deps: ServiceDeps, auth: AuthInfo, id: string, week: string, body: KpiEntryBody, o: IdempotencyOption): Promise<Result<{ kpiId: string; week: string; value: number }>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await loadKpi(w.tx, auth.user.id, id, 'write');
    if (!found.ok) return found;
    if (!isMondayDate(week)) return invalidField('week', 'must be a Monday date, YYYY-MM-DD');
    if (found.value.source !== 'manual') return invalidField('value', `this KPI is computed from ${found.value.source}; only manual KPIs take entries`);
    await w.tx
      .insert(kpiEntries)
      .values({ kpiId: id, week, value: body.value })
      .onConflictDoUpdate({ target: [kpiEntries.kpiId, kpiEntries.week], set: { value: body.value } });
    w.emitTeam(found.value.teamId, [{ type: 'kpi.recorded', subjectId: id, payload: { kpiId: id, week } }]);
    return ok({ kpiId: id, week, value: body.value });
  });
}
