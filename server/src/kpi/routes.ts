import Type from 'typebox';
import { CreateKpiBody, IdParams, Kpi, KpiEntryBody, KpiEntryParams, KpiRow, Ok, TeamParams, UpdateKpiBody } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import * as svc from './service.js';

const tags = ['kpis'];
const Entry = Type.Object({ kpiId: Type.String(), week: Type.String(), value: Type.Number() }, { additionalProperties: false });

export function kpiRoutes(app: App, deps: ServiceDeps): void {
  app.get(
    '/api/teams/:teamId/kpis',
    { schema: { tags, summary: "The team's KPIs, each with its last 12 weekly values, current value, met/missed/no-data status and trend (any role but guest)", params: TeamParams, response: responses({ 200: Type.Array(KpiRow) }) } },
    async (request, reply) => sendResult(reply, await svc.listKpis(deps.database.db, caller(request).user.id, request.params.teamId, deps.clock())),
  );
  app.post(
    '/api/teams/:teamId/kpis',
    { schema: { tags, summary: 'Create a KPI (admin, po): name, unit, source (a built-in measure or manual), direction, baseline, target', params: TeamParams, body: CreateKpiBody, headers: MutationHeaders, response: responses({ 201: Kpi }) } },
    async (request, reply) => sendResult(reply, await svc.createKpi(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );
  app.patch(
    '/api/kpis/:id',
    { schema: { tags, summary: 'Change a KPI (admin, po)', params: IdParams, body: UpdateKpiBody, headers: MutationHeaders, response: responses({ 200: Kpi }) } },
    async (request, reply) => sendResult(reply, await svc.updateKpi(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.delete(
    '/api/kpis/:id',
    { schema: { tags, summary: 'Delete a KPI and its entries (admin, po)', params: IdParams, headers: MutationHeaders, response: responses({ 200: Ok }) } },
    async (request, reply) => sendResult(reply, await svc.deleteKpi(deps, caller(request), request.params.id, idempotency(request))),
  );
  app.put(
    '/api/kpis/:id/entries/:week',
    { schema: { tags, summary: "Record a manual KPI's value for the week starting on Monday :week (member, po, admin)", params: KpiEntryParams, body: KpiEntryBody, headers: MutationHeaders, response: responses({ 200: Entry }) } },
    async (request, reply) => sendResult(reply, await svc.recordKpi(deps, caller(request), request.params.id, request.params.week, request.body, idempotency(request))),
  );
}
