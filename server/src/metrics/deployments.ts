/**
 * Deployments (from CI, through a deployment webhook) and the DORA report:
 * deployment frequency, lead time for changes, change failure rate and time
 * to restore. Incidents are the team's critical interrupts: opened when
 * received, restored when resolved at source or when their card reached done.
 */
import { eq, sql } from 'drizzle-orm';
import { addCalendarDays, doraFigures, weekStart, zonedWallTimeToInstant, type Deployment, type DeploymentBody, type DoraQuery, type DoraReport, type WebhookIntakeResult } from '@opsboard/shared';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { deployments, webhooks } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate } from '../events/unit-of-work.js';
import { invalidField, ok, type Result } from '../http/result.js';
import { resolveRange } from './service.js';

type Row = typeof deployments.$inferSelect;

function toDeployment(r: Row): Deployment {
  const deployedAt = iso(r.deployedAt);
  const firstCommitAt = iso(r.firstCommitAt);
  return {
    id: r.id,
    service: r.service,
    version: r.version,
    environment: r.environment,
    status: r.status,
    deployedAt,
    firstCommitAt,
    leadTimeHours: firstCommitAt === null ? null : Math.round(((Date.parse(deployedAt) - Date.parse(firstCommitAt)) / 3_600_000) * 10) / 10,
  };
}

/** Records one deployment CI reported; the webhook's secret has been checked by the caller. */
export async function intakeDeployment(deps: ServiceDeps, hook: { id: string; teamId: string }, body: DeploymentBody): Promise<Result<WebhookIntakeResult>> {
  const commits = (body.commitTimes ?? []).map((t) => Date.parse(t));
  return mutate(deps, { actor: { userId: null } }, async (w) => {
    const deployedAt = body.deployedAt ?? w.now;
    const first = commits.length > 0 ? Math.min(...commits) : null;
    if (first !== null && first > Date.parse(deployedAt)) return invalidField('commitTimes', 'a commit cannot be made after its deployment');
    const [row] = await w.tx
      .insert(deployments)
      .values({
        id: deps.newId(),
        teamId: hook.teamId,
        webhookId: hook.id,
        service: body.service,
        version: body.version,
        environment: body.environment,
        status: body.status,
        deployedAt,
        firstCommitAt: first === null ? null : new Date(first).toISOString(),
        receivedAt: w.now,
      })
      .returning();
    await w.tx.update(webhooks).set({ lastUsedAt: w.now }).where(eq(webhooks.id, hook.id));
    w.emitTeam(hook.teamId, [{ type: 'deployment.recorded', subjectId: row!.id, payload: { deploymentId: row!.id } }]);
    return ok({ created: 1, updated: 0, resolved: 0, cardIds: [] });
  });
}

export async function doraReport(db: Queryable, teamId: string, timezone: string, query: DoraQuery, now: Date): Promise<Result<DoraReport>> {
  const range = resolveRange(query, timezone, now);
  if (!range.ok) return range;
  const { from, to, fromInstant, end } = range.value;
  const env = query.environment ? sql`AND environment = ${query.environment}` : sql``;
  const rows = (
    await db.execute<{ id: string; team_id: string; webhook_id: string | null; service: string; version: string; environment: string; status: 'success' | 'failure'; deployed_at: string; first_commit_at: string | null; received_at: string }>(sql`
      SELECT * FROM deployments WHERE team_id = ${teamId} AND deployed_at >= ${fromInstant.toISOString()} AND deployed_at < ${end.toISOString()} ${env}
      ORDER BY deployed_at, id
    `)
  ).rows.map(
    (r): Row => ({ id: r.id, teamId: r.team_id, webhookId: r.webhook_id, service: r.service, version: r.version, environment: r.environment, status: r.status, deployedAt: r.deployed_at, firstCommitAt: r.first_commit_at, receivedAt: r.received_at }),
  );
  // Incidents: critical interrupts; restored at source, or when the card first reached done after arriving.
  const incidents = (
    await db.execute<{ opened: string; resolved: string | null }>(sql`
      SELECT i.received_at AS opened,
             coalesce(i.resolved_by_source_at, (
               SELECT min(e.at) FROM events e JOIN columns col ON col.id = (e.payload->'card'->>'columnId')::uuid
               WHERE e.subject_id = i.card_id AND e.team_id = i.team_id AND e.type IN ('card.moved', 'card.moved_in') AND col.category = 'done' AND e.at >= i.received_at
             )) AS resolved
      FROM interrupts i
      WHERE i.team_id = ${teamId} AND i.severity = 'critical' AND i.received_at >= ${fromInstant.toISOString()} AND i.received_at < ${end.toISOString()}
    `)
  ).rows.map((r) => ({ openedAt: Date.parse(iso(r.opened)), resolvedAt: r.resolved === null ? null : Date.parse(iso(r.resolved)) }));

  const deployments = rows.map(toDeployment);
  const facts = deployments.map((d) => ({ id: d.id, service: d.service, environment: d.environment, status: d.status, deployedAt: Date.parse(d.deployedAt), firstCommitAt: d.firstCommitAt === null ? null : Date.parse(d.firstCommitAt) }));
  const f = doraFigures(facts, incidents, end.getTime() - fromInstant.getTime());
  const weeks: DoraReport['weeks'] = [];
  for (let w = weekStart(fromInstant, timezone); w <= to; w = addCalendarDays(w, 7)) {
    const a = zonedWallTimeToInstant(w, '00:00', timezone).getTime();
    const b = zonedWallTimeToInstant(addCalendarDays(w, 7), '00:00', timezone).getTime();
    const inWeek = facts.filter((d) => d.deployedAt >= a && d.deployedAt < b);
    weeks.push({ week: w, deployments: inWeek.length, failures: inWeek.filter((d) => f.failed.has(d.id)).length });
  }
  return ok({
    from,
    to,
    deployments: f.deployments,
    perWeek: f.perWeek,
    weeks,
    leadTimeHours: f.leadTimeHours,
    changeFailureRate: f.changeFailureRate,
    failedDeploymentIds: [...f.failed],
    timeToRestoreHours: f.timeToRestoreHours,
    restores: f.restores,
    recent: deployments.slice(-20).reverse().map((d) => ({ ...d, failed: f.failed.has(d.id) })),
  });
}
