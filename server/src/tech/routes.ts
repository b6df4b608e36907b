import Type from 'typebox';
import {
  AssessmentSummary,
  AssessmentView,
  CardTechnologies,
  CardTechnologiesBody,
  CreateRuleBody,
  CreateTechnologyBody,
  IdParams,
  Ok,
  OpenAssessmentBody,
  OverrideLevelBody,
  ScoresBody,
  TeamParams,
  Technology,
  TechnologyDetail,
  TechnologyRule,
  TechOverview,
  TechOverviewQuery,
  UpdateTechnologyBody,
} from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import { createRule, deleteRule, listRules } from './rules.js';
import {
  assessmentView,
  cardTechnologiesOf,
  createTechnology,
  listTechnologies,
  openAssessment,
  overrideLevel,
  revealAssessment,
  setArchived,
  setCardTechnologies,
  settleAssessment,
  submitScores,
  updateTechnology,
} from './service.js';
import { techOverview, technologyDetail } from './views.js';

const tags = ['technologies'];
const ListQuery = Type.Object({ archived: Type.Optional(Type.Boolean({ description: 'true lists the archived ones' })) }, { additionalProperties: false });

export function techRoutes(app: App, deps: ServiceDeps): void {
  const db = deps.database.db;

  // ---- catalogue
  app.get(
    '/api/teams/:teamId/technologies',
    { schema: { tags, summary: "The team's technology catalogue (?archived=true for the archived ones)", params: TeamParams, querystring: ListQuery, response: responses({ 200: Type.Array(Technology) }) } },
    async (request, reply) => sendResult(reply, await listTechnologies(db, caller(request).user.id, request.params.teamId, request.query.archived ?? false)),
  );
  app.post(
    '/api/teams/:teamId/technologies',
    { schema: { tags, summary: 'Add a technology to the catalogue (member, po, admin)', params: TeamParams, body: CreateTechnologyBody, headers: MutationHeaders, response: responses({ 201: Technology }) } },
    async (request, reply) => sendResult(reply, await createTechnology(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );
  app.get(
    '/api/teams/:teamId/technologies/overview',
    {
      schema: {
        tags,
        summary: 'Every technology with its maturity, interrupts per week, open SS&A cards and where SS&A would pay (ranked)',
        params: TeamParams,
        querystring: TechOverviewQuery,
        response: responses({ 200: TechOverview }),
      },
    },
    async (request, reply) => sendResult(reply, await techOverview(db, caller(request).user.id, request.params.teamId, request.query.weeks ?? 12, deps.clock())),
  );
  app.get(
    '/api/technologies/:id',
    { schema: { tags, summary: 'A technology: assessments, vector trends, interrupts per week, load before and after each maturity rise, rules, cards', params: IdParams, response: responses({ 200: TechnologyDetail }) } },
    async (request, reply) => sendResult(reply, await technologyDetail(db, caller(request).user.id, request.params.id, deps.clock())),
  );
  app.patch(
    '/api/technologies/:id',
    { schema: { tags, summary: 'Edit a technology (member, po, admin); send the version you loaded', params: IdParams, body: UpdateTechnologyBody, headers: MutationHeaders, response: responses({ 200: Technology }) } },
    async (request, reply) => sendResult(reply, await updateTechnology(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post(
    '/api/technologies/:id/override',
    { schema: { tags, summary: 'Override the computed maturity level with a reason, or clear it with level null (po, admin)', params: IdParams, body: OverrideLevelBody, headers: MutationHeaders, response: responses({ 200: Technology }) } },
    async (request, reply) => sendResult(reply, await overrideLevel(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post('/api/technologies/:id/archive', { schema: { tags, summary: 'Archive a technology (po, admin)', params: IdParams, response: responses({ 200: Technology }) } }, async (request, reply) =>
    sendResult(reply, await setArchived(deps, caller(request), request.params.id, true)),
  );
  app.post('/api/technologies/:id/restore', { schema: { tags, summary: 'Restore an archived technology (po, admin)', params: IdParams, response: responses({ 200: Technology }) } }, async (request, reply) =>
    sendResult(reply, await setArchived(deps, caller(request), request.params.id, false)),
  );

  // ---- assessments
  app.post(
    '/api/technologies/:id/assessments',
    { schema: { tags, summary: 'Open a dated maturity assessment; people then score alone (member, po, admin)', params: IdParams, body: OpenAssessmentBody, headers: MutationHeaders, response: responses({ 201: AssessmentSummary }) } },
    async (request, reply) => sendResult(reply, await openAssessment(deps, caller(request), request.params.id, request.body, idempotency(request)), 201),
  );
  app.get(
    '/api/assessments/:id',
    { schema: { tags, summary: 'An assessment: your own scores, and everyone’s once revealed', params: IdParams, response: responses({ 200: AssessmentView }) } },
    async (request, reply) => sendResult(reply, await assessmentView(db, caller(request).user.id, request.params.id)),
  );
  app.put(
    '/api/assessments/:id/scores',
    { schema: { tags, summary: 'Score the fifteen vectors 0–5 with a note each, privately until the reveal (member, po, admin)', params: IdParams, body: ScoresBody, headers: MutationHeaders, response: responses({ 200: AssessmentView }) } },
    async (request, reply) => sendResult(reply, await submitScores(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post(
    '/api/assessments/:id/reveal',
    { schema: { tags, summary: 'Reveal everyone’s scores (whoever opened it, po, admin)', params: IdParams, response: responses({ 200: AssessmentView }) } },
    async (request, reply) => sendResult(reply, await revealAssessment(deps, caller(request), request.params.id)),
  );
  app.post(
    '/api/assessments/:id/settle',
    { schema: { tags, summary: 'Settle the team’s one set of scores; the aggregate level follows (po, admin)', params: IdParams, body: ScoresBody, headers: MutationHeaders, response: responses({ 200: AssessmentView }) } },
    async (request, reply) => sendResult(reply, await settleAssessment(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );

  // ---- label rules and card links
  app.get(
    '/api/teams/:teamId/technology-rules',
    { schema: { tags, summary: 'Alertmanager label rules that name a technology', params: TeamParams, response: responses({ 200: Type.Array(TechnologyRule) }) } },
    async (request, reply) => sendResult(reply, await listRules(db, caller(request).user.id, request.params.teamId)),
  );
  app.post(
    '/api/teams/:teamId/technology-rules',
    { schema: { tags, summary: 'Add a label rule: alerts matching every matcher concern the technology (po, admin)', params: TeamParams, body: CreateRuleBody, headers: MutationHeaders, response: responses({ 201: TechnologyRule }) } },
    async (request, reply) => sendResult(reply, await createRule(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );
  app.delete('/api/technology-rules/:id', { schema: { tags, summary: 'Remove a label rule (po, admin)', params: IdParams, response: responses({ 200: Ok }) } }, async (request, reply) => {
    const r = await deleteRule(deps, caller(request), request.params.id);
    return sendResult(reply, r.ok ? { ok: true, value: { ok: true as const } } : r);
  });
  app.get(
    '/api/cards/:id/technologies',
    { schema: { tags, summary: 'The technologies a card or interrupt concerns', params: IdParams, response: responses({ 200: CardTechnologies }) } },
    async (request, reply) => sendResult(reply, await cardTechnologiesOf(db, caller(request).user.id, request.params.id)),
  );
  app.put(
    '/api/cards/:id/technologies',
    { schema: { tags, summary: 'Set the technologies a card or interrupt concerns', params: IdParams, body: CardTechnologiesBody, headers: MutationHeaders, response: responses({ 200: CardTechnologies }) } },
    async (request, reply) => sendResult(reply, await setCardTechnologies(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
}
