import Type from 'typebox';
import { Handoff, HandoffBody, HandoffQuery, Id, IsoDateTime, OverrideBody, PotwAt, RotationInfo, RotationSettings, TeamParams } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { ok } from '../http/result.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import { requireTeam } from '../auth/access.js';
import { currentHandoff, saveHandoff } from './handoff.js';
import { addOverride, potwAt, removeOverride, rotationInfo, updateRotation } from './service.js';

const tags = ['potw'];
const OverrideParams = Type.Object({ teamId: Id, overrideId: Id }, { additionalProperties: false });
const AtQuery = Type.Object({ at: Type.Optional(IsoDateTime) }, { additionalProperties: false });

export function rotationRoutes(app: App, deps: ServiceDeps): void {

  app.get(
    '/api/teams/:teamId/rotation',
    { schema: { tags, summary: 'The PoTW rotation: settings, who is on now and next, the coming weeks, overrides', params: TeamParams, response: responses({ 200: RotationInfo }) } },
    async (request, reply) => sendResult(reply, await rotationInfo(deps, caller(request).user.id, request.params.teamId)),
  );

  app.put(
    '/api/teams/:teamId/rotation',
    {
      schema: {
        tags,
        summary: 'Set the rotation from now on: ordered members, hand-off weekday and time, time zone (admin)',
        params: TeamParams,
        body: RotationSettings,
        headers: MutationHeaders,
        response: responses({ 200: RotationInfo }),
      },
    },
    async (request, reply) => sendResult(reply, await updateRotation(deps, caller(request), request.params.teamId, request.body, idempotency(request))),
  );

  app.post(
    '/api/teams/:teamId/rotation/overrides',
    {
      schema: {
        tags,
        summary: 'Cover for someone (a person for a time range) or swap two weeks (admin)',
        params: TeamParams,
        body: OverrideBody,
        headers: MutationHeaders,
        response: responses({ 201: RotationInfo }),
      },
    },
    async (request, reply) => sendResult(reply, await addOverride(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );

  app.delete(
    '/api/teams/:teamId/rotation/overrides/:overrideId',
    { schema: { tags, summary: 'Cancel an override that has not ended (admin)', params: OverrideParams, headers: MutationHeaders, response: responses({ 200: RotationInfo }) } },
    async (request, reply) => sendResult(reply, await removeOverride(deps, caller(request), request.params.teamId, request.params.overrideId, idempotency(request))),
  );

  app.get(
    '/api/teams/:teamId/potw',
    { schema: { tags, summary: 'Who is (or was) Person of the Week at an instant (default now)', params: TeamParams, querystring: AtQuery, response: responses({ 200: PotwAt }) } },
    async (request, reply) => {
      const access = await requireTeam(deps.database.db, caller(request).user.id, request.params.teamId, 'read');
      if (!access.ok) return sendResult(reply, access);
      const at = request.query.at ? new Date(request.query.at) : deps.clock();
      return sendResult(reply, ok({ at: at.toISOString(), shift: await potwAt(deps.database.db, request.params.teamId, at) }));
    },
  );

  app.get(
    '/api/teams/:teamId/handoff',
    {
      schema: {
        tags,
        summary: 'The coming hand-off: the saved note, or (also with ?draft=true) a draft from open interrupts and what waits on whom',
        params: TeamParams,
        querystring: HandoffQuery,
        response: responses({ 200: Handoff }),
      },
    },
    async (request, reply) => sendResult(reply, await currentHandoff(deps, caller(request).user.id, request.params.teamId, request.query.draft ?? false)),
  );

  app.put(
    '/api/teams/:teamId/handoff',
    { schema: { tags, summary: 'Save the hand-off note (the outgoing PoTW, or an admin)', params: TeamParams, body: HandoffBody, headers: MutationHeaders, response: responses({ 200: Handoff }) } },
    async (request, reply) => sendResult(reply, await saveHandoff(deps, caller(request), request.params.teamId, request.body.summary, idempotency(request))),
  );
}
