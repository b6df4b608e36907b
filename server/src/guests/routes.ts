import Type from 'typebox';
import { Id, MyRequest, MyRequests, MyWorkItem, ProposeBody, TeamParams, WorkMoveBody } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import { myRequests } from './queries.js';
import { moveWork, propose } from './service.js';

const tags = ['requests'];
const WorkParams = Type.Object({ teamId: Id, cardId: Id }, { additionalProperties: false });

/** A person's own requests and paired work in a team: all a guest sees of it (members may use them too). */
export function guestRoutes(app: App, deps: ServiceDeps): void {
  app.get(
    '/api/teams/:teamId/my-requests',
    {
      schema: {
        tags,
        summary: 'What I raised or proposed and where it is now (triage, column, who is on it), and the feature cards I am paired on (guest, member, po, admin)',
        params: TeamParams,
        response: responses({ 200: MyRequests }),
      },
    },
    async (request, reply) => sendResult(reply, await myRequests(deps.database.db, caller(request).user.id, request.params.teamId)),
  );

  app.post(
    '/api/teams/:teamId/proposals',
    {
      schema: {
        tags,
        summary: "Propose a story into the planned or SS&A backlog; it lands at the bottom for the PO to rank (guest, member, po, admin)",
        params: TeamParams,
        body: ProposeBody,
        headers: MutationHeaders,
        response: responses({ 201: MyRequest }),
      },
    },
    async (request, reply) => sendResult(reply, await propose(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );

  app.post(
    '/api/teams/:teamId/my-work/:cardId/move',
    {
      schema: {
        tags,
        summary: "Move a feature card I am assigned to into another column of its board, not the backlog; WIP limits apply (guest, member, po, admin)",
        params: WorkParams,
        body: WorkMoveBody,
        headers: MutationHeaders,
        response: responses({ 200: MyWorkItem }),
      },
    },
    async (request, reply) =>
      sendResult(reply, await moveWork(deps, caller(request), request.params.teamId, request.params.cardId, request.body, idempotency(request))),
  );
}
