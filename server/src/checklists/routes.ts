import { AddChecklistItemBody, Board, Card, ChecklistItemParams, DodCriterionParams, IdParams, SetDodBody, TickDodBody, UpdateChecklistItemBody } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import * as svc from './service.js';

const tags = ['checklists'];

export function checklistRoutes(app: App, deps: ServiceDeps): void {
  app.post(
    '/api/cards/:id/checklist',
    { schema: { tags, summary: "Add an item to a card's checklist (at the end, or at `position`)", params: IdParams, body: AddChecklistItemBody, headers: MutationHeaders, response: responses({ 201: Card }) } },
    async (request, reply) => sendResult(reply, await svc.addItem(deps, caller(request), request.params.id, request.body, idempotency(request)), 201),
  );

  app.patch(
    '/api/cards/:id/checklist/:itemId',
    { schema: { tags, summary: 'Edit, tick or untick a checklist item, or move it to `position`', params: ChecklistItemParams, body: UpdateChecklistItemBody, headers: MutationHeaders, response: responses({ 200: Card }) } },
    async (request, reply) => sendResult(reply, await svc.updateItem(deps, caller(request), request.params.id, request.params.itemId, request.body, idempotency(request))),
  );

  app.delete(
    '/api/cards/:id/checklist/:itemId',
    { schema: { tags, summary: 'Delete a checklist item', params: ChecklistItemParams, headers: MutationHeaders, response: responses({ 200: Card }) } },
    async (request, reply) => sendResult(reply, await svc.removeItem(deps, caller(request), request.params.id, request.params.itemId, idempotency(request))),
  );

  app.put(
    '/api/cards/:id/dod/:criterionId',
    { schema: { tags, summary: "Tick or untick one criterion of the board's Definition of Done on a card", params: DodCriterionParams, body: TickDodBody, headers: MutationHeaders, response: responses({ 200: Card }) } },
    async (request, reply) => sendResult(reply, await svc.tickDod(deps, caller(request), request.params.id, request.params.criterionId, request.body.done, idempotency(request))),
  );

  app.put(
    '/api/boards/:id/definition-of-done',
    {
      schema: {
        tags,
        summary: "Set a board's Definition of Done (admin, po): cards enter its done columns only with every criterion ticked and their checklist finished, or with an override reason (409 dod_unmet otherwise)",
        params: IdParams,
        body: SetDodBody,
        headers: MutationHeaders,
        response: responses({ 200: Board }),
      },
    },
    async (request, reply) => sendResult(reply, await svc.setDod(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
}
