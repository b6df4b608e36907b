import Type from 'typebox';
import { FinishStandupBody, FocusStandupBody, Id, IdParams, Standup, StandupList, StandupSince, StartStandupBody, TeamParams } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import { finishStandup, focusStandup, getStandup, listStandups, startStandup } from './service.js';
import { sinceLastStandup } from './since.js';

const tags = ['standup'];
const SinceQuery = Type.Object({ boardId: Type.Optional(Id) }, { additionalProperties: false });

export function standupRoutes(app: App, deps: ServiceDeps): void {
  const db = deps.database.db;
  app.get(
    '/api/teams/:teamId/standups',
    { schema: { tags, summary: 'The live standup (if any) and the last 30 recorded, newest first', params: TeamParams, response: responses({ 200: StandupList }) } },
    async (request, reply) => sendResult(reply, await listStandups(db, caller(request).user.id, request.params.teamId)),
  );
  app.get(
    '/api/teams/:teamId/standups/since',
    {
      schema: {
        tags,
        summary: 'What moved, was added, finished, and which interrupts arrived since the previous standup (or the last working day), from the event log',
        params: TeamParams,
        querystring: SinceQuery,
        response: responses({ 200: StandupSince }),
      },
    },
    async (request, reply) => sendResult(reply, await sinceLastStandup(db, caller(request).user.id, request.params.teamId, request.query.boardId ?? null, deps.clock())),
  );
  app.post(
    '/api/teams/:teamId/standups',
    { schema: { tags, summary: 'Start a standup over some boards; the caller facilitates (member, po, admin). 409 while one runs', params: TeamParams, body: StartStandupBody, headers: MutationHeaders, response: responses({ 201: Standup }) } },
    async (request, reply) => sendResult(reply, await startStandup(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );
  app.get('/api/standups/:id', { schema: { tags, summary: 'One standup', params: IdParams, response: responses({ 200: Standup }) } }, async (request, reply) =>
    sendResult(reply, await getStandup(db, caller(request).user.id, request.params.id)),
  );
  app.post(
    '/api/standups/:id/focus',
    { schema: { tags, summary: 'Move the walk (facilitator only): followers’ views go to this board, card and person', params: IdParams, body: FocusStandupBody, headers: MutationHeaders, response: responses({ 200: Standup }) } },
    async (request, reply) => sendResult(reply, await focusStandup(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post(
    '/api/standups/:id/finish',
    { schema: { tags, summary: 'Finish and record it: duration and seconds per speaker (facilitator, po, admin)', params: IdParams, body: FinishStandupBody, headers: MutationHeaders, response: responses({ 200: Standup }) } },
    async (request, reply) => sendResult(reply, await finishStandup(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
}
