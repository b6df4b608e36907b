import { and, eq } from 'drizzle-orm';
import { DoraQuery, DoraReport, ForecastAnswer, ForecastQuery, IdParams, MetricsQuery, MetricsReport, TeamParams } from '@opsboard/shared';
import { decide } from '../auth/access.js';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { boards, teamMembers, teams } from '../db/schema.js';
import { sendResult } from '../http/errors.js';
import { ok, type Result } from '../http/result.js';
import { responses, type App } from '../http/types.js';
import { doraReport } from './deployments.js';
import { forecast } from './forecast.js';
import { metricsReport } from './service.js';

const tags = ['metrics'];

/** The team (and its time zone) whose metrics `userId` may read: another team's board or team is a 404. */
async function readableScope(db: Queryable, userId: string, target: { teamId: string } | { boardId: string }): Promise<Result<{ teamId: string; timezone: string }>> {
  const what = 'boardId' in target ? 'Board' : 'Team';
  const rows =
    'boardId' in target
      ? await db
          .select({ teamId: teams.id, timezone: teams.timezone, role: teamMembers.role })
          .from(boards)
          .innerJoin(teams, eq(teams.id, boards.teamId))
          .leftJoin(teamMembers, and(eq(teamMembers.teamId, teams.id), eq(teamMembers.userId, userId)))
          .where(eq(boards.id, target.boardId))
      : await db
          .select({ teamId: teams.id, timezone: teams.timezone, role: teamMembers.role })
          .from(teams)
          .leftJoin(teamMembers, and(eq(teamMembers.teamId, teams.id), eq(teamMembers.userId, userId)))
          .where(eq(teams.id, target.teamId));
  const row = rows[0];
  const access = decide(row?.role ?? null, 'read', what);
  if (!access.ok) return access;
  return ok({ teamId: row!.teamId, timezone: row!.timezone });
}

export function metricsRoutes(app: App, deps: ServiceDeps): void {
  const db = deps.database.db;
  app.get(
    '/api/teams/:teamId/metrics',
    {
      schema: {
        tags,
        summary: "The team's flow metrics over a date range: cumulative flow by category, cycle time, throughput per week, WIP ageing, flow efficiency (any role but guest)",
        params: TeamParams,
        querystring: MetricsQuery,
        response: responses({ 200: MetricsReport }),
      },
    },
    async (request, reply) => {
      const scope = await readableScope(db, caller(request).user.id, { teamId: request.params.teamId });
      if (!scope.ok) return sendResult(reply, scope);
      return sendResult(reply, await metricsReport(db, { teamId: scope.value.teamId, boardId: null }, scope.value.timezone, request.query, deps.clock()));
    },
  );
  app.get(
    '/api/boards/:id/metrics',
    {
      schema: {
        tags,
        summary: "One board's flow metrics over a date range: cumulative flow by column, cycle time, throughput, WIP ageing, flow efficiency (any role but guest)",
        params: IdParams,
        querystring: MetricsQuery,
        response: responses({ 200: MetricsReport }),
      },
    },
    async (request, reply) => {
      const scope = await readableScope(db, caller(request).user.id, { boardId: request.params.id });
      if (!scope.ok) return sendResult(reply, scope);
      return sendResult(reply, await metricsReport(db, { teamId: scope.value.teamId, boardId: request.params.id }, scope.value.timezone, request.query, deps.clock()));
    },
  );
  app.get(
    '/api/teams/:teamId/metrics/forecast',
    {
      schema: {
        tags,
        summary: 'Monte Carlo forecast (10,000 seeded trials) from recent daily throughput: ?date=D for "how many by then", ?items=N or ?featureId= for "when"; 50/85/95% (any role but guest)',
        params: TeamParams,
        querystring: ForecastQuery,
        response: responses({ 200: ForecastAnswer }),
      },
    },
    async (request, reply) => {
      const scope = await readableScope(db, caller(request).user.id, { teamId: request.params.teamId });
      if (!scope.ok) return sendResult(reply, scope);
      return sendResult(reply, await forecast(db, scope.value.teamId, scope.value.timezone, request.query, deps.clock()));
    },
  );
  app.get(
    '/api/teams/:teamId/metrics/dora',
    {
      schema: {
        tags,
        summary: 'DORA over a date range: deployment frequency, lead time for changes, change failure rate, time to restore (any role but guest)',
        params: TeamParams,
        querystring: DoraQuery,
        response: responses({ 200: DoraReport }),
      },
    },
    async (request, reply) => {
      const scope = await readableScope(db, caller(request).user.id, { teamId: request.params.teamId });
      if (!scope.ok) return sendResult(reply, scope);
      return sendResult(reply, await doraReport(db, scope.value.teamId, scope.value.timezone, request.query, deps.clock()));
    },
  );
}
