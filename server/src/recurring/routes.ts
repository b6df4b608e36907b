import Type from 'typebox';
import { CreateRecurrenceBody, IdParams, Ok, Recurrence, TeamParams } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import * as svc from './service.js';

const tags = ['recurring'];

export function recurringRoutes(app: App, deps: ServiceDeps): void {
  app.get(
    '/api/teams/:teamId/recurrences',
    { schema: { tags, summary: "The team's recurring cards with their next occurrence", params: TeamParams, response: responses({ 200: Type.Array(Recurrence) }) } },
    async (request, reply) => sendResult(reply, await svc.listRecurrences(deps.database.db, caller(request).user.id, request.params.teamId)),
  );
  app.post(
    '/api/teams/:teamId/recurrences',
    {
      schema: {
        tags,
        summary: 'Schedule a recurring card (admin, po): a 5-field cron in the team time zone, e.g. "0 9 1 * *" for the first of each month at 09:00',
        params: TeamParams,
        body: CreateRecurrenceBody,
        headers: MutationHeaders,
        response: responses({ 201: Recurrence }),
      },
    },
    async (request, reply) => sendResult(reply, await svc.createRecurrence(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );
  app.delete(
    '/api/recurrences/:id',
    { schema: { tags, summary: 'Stop a recurring card (admin, po); cards already created stay', params: IdParams, headers: MutationHeaders, response: responses({ 200: Ok }) } },
    async (request, reply) => sendResult(reply, await svc.deleteRecurrence(deps, caller(request), request.params.id, idempotency(request))),
  );
}
