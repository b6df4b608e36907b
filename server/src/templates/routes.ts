import Type from 'typebox';
import { CardTemplate, CreateTemplateBody, IdParams, Ok, TeamParams, UpdateTemplateBody } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import * as svc from './service.js';

const tags = ['templates'];

export function templateRoutes(app: App, deps: ServiceDeps): void {
  app.get(
    '/api/teams/:teamId/card-templates',
    { schema: { tags, summary: "The team's card templates, by name", params: TeamParams, response: responses({ 200: Type.Array(CardTemplate) }) } },
    async (request, reply) => sendResult(reply, await svc.listTemplates(deps.database.db, caller(request).user.id, request.params.teamId)),
  );
  app.post(
    '/api/teams/:teamId/card-templates',
    { schema: { tags, summary: 'Create a card template (admin, po): type, description, labels and checklist a new card starts with', params: TeamParams, body: CreateTemplateBody, headers: MutationHeaders, response: responses({ 201: CardTemplate }) } },
    async (request, reply) => sendResult(reply, await svc.createTemplate(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );
  app.patch(
    '/api/card-templates/:id',
    { schema: { tags, summary: 'Change a card template (admin, po)', params: IdParams, body: UpdateTemplateBody, headers: MutationHeaders, response: responses({ 200: CardTemplate }) } },
    async (request, reply) => sendResult(reply, await svc.updateTemplate(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.delete(
    '/api/card-templates/:id',
    { schema: { tags, summary: 'Delete a card template (admin, po); cards made from it keep what they got', params: IdParams, headers: MutationHeaders, response: responses({ 200: Ok }) } },
    async (request, reply) => sendResult(reply, await svc.deleteTemplate(deps, caller(request), request.params.id, idempotency(request))),
  );
}
