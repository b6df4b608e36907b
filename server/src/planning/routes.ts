import Type from 'typebox';
import {
  CloseIterationBody,
  CreateFeatureBody,
  CreateIterationBody,
  Feature,
  FeatureDetail,
  FeatureSummary,
  Id,
  IdParams,
  Iteration,
  IterationCardsBody,
  IterationDetail,
  PairingMatrix,
  SetPairsBody,
  StartIterationBody,
  TeamParams,
  UpdateFeatureBody,
  UpdateIterationBody,
  VelocityReport,
} from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import { iterationDetail } from './detail.js';
import { createFeature, featureDetail, listFeatures, pairingMatrix, setPairs, updateFeature } from './features.js';
import { addCards, createIteration, listIterations, removeCard, updateIteration, velocityReport } from './iterations.js';
import { closeIteration, startIteration } from './lifecycle.js';

const tags = ['planning'];
const LastQuery = Type.Object({ last: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })) }, { additionalProperties: false });
const IterationCardParams = Type.Object({ id: Id, cardId: Id }, { additionalProperties: false });

export function planningRoutes(app: App, deps: ServiceDeps): void {
  const db = deps.database.db;

  // ---- features
  app.get('/api/teams/:teamId/features', { schema: { tags, summary: 'Features with their progress (points done of total)', params: TeamParams, response: responses({ 200: Type.Array(FeatureSummary) }) } }, async (request, reply) =>
    sendResult(reply, await listFeatures(db, caller(request).user.id, request.params.teamId)),
  );
  app.post(
    '/api/teams/:teamId/features',
    { schema: { tags, summary: 'Create a feature (IDD project) with a feature lead (po, admin)', params: TeamParams, body: CreateFeatureBody, headers: MutationHeaders, response: responses({ 201: Feature }) } },
    async (request, reply) => sendResult(reply, await createFeature(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );
  app.get('/api/features/:id', { schema: { tags, summary: 'A feature: its cards across boards, progress and pairs by iteration', params: IdParams, response: responses({ 200: FeatureDetail }) } }, async (request, reply) =>
    sendResult(reply, await featureDetail(db, caller(request).user.id, request.params.id)),
  );
  app.patch(
    '/api/features/:id',
    { schema: { tags, summary: 'Edit a feature (its lead, po, admin); send the version you loaded', params: IdParams, body: UpdateFeatureBody, headers: MutationHeaders, response: responses({ 200: Feature }) } },
    async (request, reply) => sendResult(reply, await updateFeature(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.put(
    '/api/features/:id/pairs',
    { schema: { tags, summary: 'Set the pairs the lead assembled for one iteration', params: IdParams, body: SetPairsBody, headers: MutationHeaders, response: responses({ 200: FeatureDetail }) } },
    async (request, reply) => sendResult(reply, await setPairs(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.get(
    '/api/teams/:teamId/pairing',
    { schema: { tags, summary: 'Pairing matrix: who paired with whom over the last N iterations', params: TeamParams, querystring: LastQuery, response: responses({ 200: PairingMatrix }) } },
    async (request, reply) => sendResult(reply, await pairingMatrix(db, caller(request).user.id, request.params.teamId, request.query.last ?? 6)),
  );

  // ---- iterations
  app.get('/api/teams/:teamId/iterations', { schema: { tags, summary: 'Iterations, oldest first', params: TeamParams, response: responses({ 200: Type.Array(Iteration) }) } }, async (request, reply) =>
    sendResult(reply, await listIterations(db, caller(request).user.id, request.params.teamId)),
  );
  app.post(
    '/api/teams/:teamId/iterations',
    { schema: { tags, summary: 'Plan an iteration (two weeks unless endDate says otherwise) (po, admin)', params: TeamParams, body: CreateIterationBody, headers: MutationHeaders, response: responses({ 201: Iteration }) } },
    async (request, reply) => sendResult(reply, await createIteration(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );
  app.get(
    '/api/iterations/:id',
    { schema: { tags, summary: 'An iteration: cards, commitment, capacity, SS&A allocation, burndown/burnup', params: IdParams, response: responses({ 200: IterationDetail }) } },
    async (request, reply) => sendResult(reply, await iterationDetail(db, caller(request).user.id, request.params.id, deps.clock())),
  );
  app.patch(
    '/api/iterations/:id',
    { schema: { tags, summary: 'Change goal, dates, points per person or planned absence (po, admin)', params: IdParams, body: UpdateIterationBody, headers: MutationHeaders, response: responses({ 200: Iteration }) } },
    async (request, reply) => sendResult(reply, await updateIteration(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post(
    '/api/iterations/:id/cards',
    { schema: { tags, summary: 'Pull cards into the iteration; backlog cards move to the first to-do column (po, admin)', params: IdParams, body: IterationCardsBody, headers: MutationHeaders, response: responses({ 200: Iteration }) } },
    async (request, reply) => sendResult(reply, await addCards(deps, caller(request), request.params.id, request.body.cardIds, idempotency(request))),
  );
  app.delete(
    '/api/iterations/:id/cards/:cardId',
    { schema: { tags, summary: 'Take a card out of the iteration (po, admin)', params: IterationCardParams, headers: MutationHeaders, response: responses({ 200: Iteration }) } },
    async (request, reply) => sendResult(reply, await removeCard(deps, caller(request), request.params.id, request.params.cardId, idempotency(request))),
  );
  app.post(
    '/api/iterations/:id/start',
    {
      schema: {
        tags,
        summary: 'Start: snapshot the commitment (po, admin). Over capacity or outside its dates it answers 409 over_capacity / outside_dates until the figures are confirmed',
        params: IdParams,
        body: StartIterationBody,
        headers: MutationHeaders,
        response: responses({ 200: Iteration }),
      },
      // A bare POST (no body) is a start with nothing confirmed, as it was before confirmations existed.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => sendResult(reply, await startIteration(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post(
    '/api/iterations/:id/close',
    {
      schema: {
        tags,
        summary: 'Close: count finished points, carry unfinished cards to another iteration or (null) the backlog; backlogCardIds go to the backlog either way (po, admin)',
        params: IdParams,
        body: CloseIterationBody,
        headers: MutationHeaders,
        response: responses({ 200: Iteration }),
      },
    },
    async (request, reply) => sendResult(reply, await closeIteration(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.get(
    '/api/teams/:teamId/velocity',
    { schema: { tags, summary: 'Velocity: points finished per closed iteration (last N) and their average', params: TeamParams, querystring: LastQuery, response: responses({ 200: VelocityReport }) } },
    async (request, reply) => sendResult(reply, await velocityReport(db, caller(request).user.id, request.params.teamId, request.query.last ?? 6)),
  );
}
