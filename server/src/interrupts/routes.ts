import Type from 'typebox';
import {
  AlertmanagerPayload,
  CreateWebhookBody,
  CreatedWebhook,
  FiguresQuery,
  GenericWebhookBody,
  Id,
  IdParams,
  INTERRUPT_STATUSES,
  InterruptFigures,
  InterruptItem,
  Ok,
  RaiseInterruptBody,
  StringEnum,
  TeamParams,
  TriageBody,
  TriageResult,
  Webhook,
  WebhookIntakeResult,
  Card,
  DeploymentBody,
  Interrupt,
  type InterruptStatus,
} from '@opsboard/shared';
import type { FastifyRequest } from 'fastify';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { errorBody, sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import { bodyChecker, validatorCompiler } from '../http/validation.js';
import { interruptFigures } from './figures.js';
import { raiseInterrupt } from './intake.js';
import { listInterrupts, triage } from './triage.js';
import { intakeDeployment } from '../metrics/deployments.js';
import { authenticateWebhook, createWebhook, intakeAlertmanager, intakeGeneric, listWebhooks, revokeWebhook, type WebhookRow } from './webhooks.js';

const tags = ['interrupts'];
const ListQuery = Type.Object(
  { status: Type.Optional(Type.Array(StringEnum(INTERRUPT_STATUSES), { maxItems: 6 })) },
  { additionalProperties: false },
);
const WebhookParams = Type.Object({ teamId: Id, webhookId: Id }, { additionalProperties: false });
const Raised = Type.Object({ card: Card, interrupt: Interrupt }, { additionalProperties: false });

// The hook decides which payload applies, so bodies are checked after authentication, by kind.
const checkGeneric = bodyChecker(GenericWebhookBody);
const checkAlertmanager = bodyChecker(AlertmanagerPayload);
const checkDeployment = bodyChecker(DeploymentBody);

function baseUrl(deps: ServiceDeps, request: FastifyRequest): string {
  return deps.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
}

export function interruptRoutes(app: App, deps: ServiceDeps): void {

  app.post(
    '/api/teams/:teamId/interrupts',
    {
      schema: {
        tags,
        summary: 'Raise an interrupt: it lands in the interrupts inbox, assigned to the Person of the Week (member, po, admin, guest)',
        params: TeamParams,
        body: RaiseInterruptBody,
        headers: MutationHeaders,
        response: responses({ 201: Raised }),
      },
    },
    async (request, reply) => sendResult(reply, await raiseInterrupt(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );

  app.get(
    '/api/teams/:teamId/interrupts',
    { schema: { tags, summary: 'Interrupts oldest first with their age; ?status=untriaged for the triage view', params: TeamParams, querystring: ListQuery, response: responses({ 200: Type.Array(InterruptItem) }) } },
    async (request, reply) => {
      const statuses: InterruptStatus[] | null = request.query.status ?? null;
      return sendResult(reply, await listInterrupts(deps.database.db, caller(request).user.id, request.params.teamId, statuses, deps.clock()));
    },
  );

  app.post(
    '/api/interrupts/:id/triage',
    {
      schema: {
        tags,
        summary: 'Triage an interrupt: accept, escalate, convert into a story, mark duplicate or close (member, po, admin)',
        params: IdParams,
        body: TriageBody,
        headers: MutationHeaders,
        response: responses({ 200: TriageResult }),
      },
    },
    async (request, reply) => sendResult(reply, await triage(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );

  app.get(
    '/api/teams/:teamId/interrupts/figures',
    {
      schema: {
        tags,
        summary: 'Per week (or per iteration): interrupts received by source and severity, time-to-triage, share of finished work',
        params: TeamParams,
        querystring: FiguresQuery,
        response: responses({ 200: Type.Array(InterruptFigures) }),
      },
    },
    async (request, reply) =>
      sendResult(
        reply,
        await interruptFigures(deps.database.db, caller(request).user.id, request.params.teamId, { by: request.query.by ?? 'week', weeks: request.query.weeks ?? 8 }, deps.clock()),
      ),
  );

  // ---- webhook secrets (admin)
  app.get('/api/teams/:teamId/webhooks', { schema: { tags, summary: 'Webhook secrets (never shown again) (admin)', params: TeamParams, response: responses({ 200: Type.Array(Webhook) }) } }, async (request, reply) =>
    sendResult(reply, await listWebhooks(deps.database.db, caller(request).user.id, request.params.teamId, baseUrl(deps, request))),
  );
  app.post(
    '/api/teams/:teamId/webhooks',
    { schema: { tags, summary: 'Create a webhook secret for the generic JSON hook or Alertmanager (admin); the secret is shown once', params: TeamParams, body: CreateWebhookBody, response: responses({ 201: CreatedWebhook }) } },
    async (request, reply) => sendResult(reply, await createWebhook(deps, caller(request), request.params.teamId, request.body, baseUrl(deps, request)), 201),
  );
  app.delete('/api/teams/:teamId/webhooks/:webhookId', { schema: { tags, summary: 'Revoke a webhook secret (admin)', params: WebhookParams, response: responses({ 200: Ok }) } }, async (request, reply) => {
    const result = await revokeWebhook(deps, caller(request), request.params.teamId, request.params.webhookId);
    return sendResult(reply, result.ok ? { ok: true as const, value: { ok: true as const } } : result);
  });

  // ---- intake: authenticated by the hook's own secret, not a session
  app.post(
    '/api/webhooks/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Interrupt intake. Authorization: Bearer <secret> (or basic auth with the secret as password). Generic hooks take {title, description, severity, requester, dedupKey, status}: status "resolved" with a dedupKey marks that interrupt resolved at source (404 for an unknown key); Alertmanager hooks take its version 4 payload; deployment hooks (DORA) take {service, version, environment, status: success|failure, commitTimes?, deployedAt?}.',
        params: IdParams,
        body: Type.Union([GenericWebhookBody, AlertmanagerPayload]),
        response: responses({ 200: WebhookIntakeResult }),
      },
      // Bodies are validated in the handler, after the secret, against the hook's own format.
      validatorCompiler: (ctx) => (ctx.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(ctx)),
      preValidation: async (request, reply) => {
        const params = request.params as { id?: string };
        const hook = params.id && /^[0-9a-f-]{36}$/i.test(params.id) ? await authenticateWebhook(deps.database.db, params.id, request.headers.authorization) : null;
        if (!hook) return reply.code(401).send(errorBody('unauthorized', 'Unknown webhook or wrong secret.'));
        request.webhook = hook;
      },
    },
    async (request, reply) => {
      const hook = request.webhook!;
      if (hook.kind === 'deployment') {
        const deployment = checkDeployment(request.body);
        if (!deployment.ok) throw deployment.error;
        return sendResult(reply, await intakeDeployment(deps, hook, deployment.value));
      }
      if (hook.kind === 'alertmanager') {
        const payload = checkAlertmanager(request.body);
        if (!payload.ok) throw payload.error;
        return sendResult(reply, await intakeAlertmanager(deps, hook, payload.value));
      }
      const body = checkGeneric(request.body);
      if (!body.ok) throw body.error;
      return sendResult(reply, await intakeGeneric(deps, hook, body.value));
    },
  );
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The webhook whose secret authenticated this intake request. */
    webhook?: WebhookRow;
  }
}
