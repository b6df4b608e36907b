import type { AuthCache } from '../auth/cache.js';
import Type from 'typebox';
import { CreateHookBody, CreatedHook, HookDelivery, NotifyPreferencesBody, NotifyPreferencesView, Ok, OutgoingHook, TeamParams } from '@opsboard/shared';
import * as hooks from './hooks/service.js';
import { errorBody } from '../http/errors.js';
import { hitRateLimit } from '../auth/rate-limit.js';
import { confirmReset, requestReset } from './password-reset.js';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { responses, type App } from '../http/types.js';
import { loadPreferences, savePreferences } from './preferences.js';

const tags = ['notify'];

export function notifyRoutes(app: App, deps: ServiceDeps): void {
  const emailEnabled = deps.config.smtp !== null;
  app.get(
    '/api/account/notify-preferences',
    { schema: { tags, summary: 'Where my notifications go (in-app, e-mail, chat), my quiet hours and digest', response: responses({ 200: NotifyPreferencesView }) } },
    async (request) => ({ preferences: await loadPreferences(deps.database.db, caller(request).user.id), emailEnabled }),
  );
  app.put(
    '/api/account/notify-preferences',
    {
      schema: {
        tags,
        summary: 'Replace my notification preferences (400 for an unknown time zone or an empty quiet window)',
        body: NotifyPreferencesBody,
        response: responses({ 200: NotifyPreferencesView }),
      },
    },
    async (request, reply) => {
      const saved = await savePreferences(deps.database.db, caller(request).user.id, request.body, deps.clock().toISOString());
      return sendResult(reply, saved.ok ? { ok: true, value: { preferences: saved.value, emailEnabled } } : saved);
    },
  );
}

const hookTags = ['hooks'];
const HookParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

/** Outgoing webhooks and chat hooks of a team (admins). */
export function hookRoutes(app: App, deps: ServiceDeps): void {
  app.get(
    '/api/teams/:teamId/outgoing-hooks',
    { schema: { tags: hookTags, summary: 'The team’s outgoing webhooks and chat hooks (admin)', params: TeamParams, response: responses({ 200: Type.Array(OutgoingHook) }) } },
    async (request, reply) => sendResult(reply, await hooks.listHooks(deps, caller(request).user.id, request.params.teamId)),
  );
  app.post(
    '/api/teams/:teamId/outgoing-hooks',
    {
      schema: {
        tags: hookTags,
        summary: 'Add an outgoing webhook (signed JSON) or a Slack, Mattermost or Teams chat hook (admin); the signing secret is shown once',
        params: TeamParams,
        body: CreateHookBody,
        response: responses({ 201: CreatedHook }),
      },
    },
    async (request, reply) => sendResult(reply, await hooks.createHook(deps, caller(request).user.id, request.params.teamId, request.body), 201),
  );
  app.delete(
    '/api/outgoing-hooks/:id',
    { schema: { tags: hookTags, summary: 'Delete a hook (admin); pending deliveries are dropped', params: HookParams, response: responses({ 200: Ok }) } },
    async (request, reply) => sendResult(reply, await hooks.deleteHook(deps, caller(request).user.id, request.params.id)),
  );
  app.post(
    '/api/outgoing-hooks/:id/test',
    { schema: { tags: hookTags, summary: 'Send a test message through the hook (admin)', params: HookParams, response: responses({ 202: Type.Object({ deliveryId: Type.String() }, { additionalProperties: false }) }) } },
    async (request, reply) => sendResult(reply, await hooks.testHook(deps, caller(request).user.id, request.params.id), 202),
  );
  app.get(
    '/api/outgoing-hooks/:id/deliveries',
    { schema: { tags: hookTags, summary: 'The hook’s delivery log, newest first (admin)', params: HookParams, response: responses({ 200: Type.Array(HookDelivery) }) } },
    async (request, reply) => sendResult(reply, await hooks.listDeliveries(deps, caller(request).user.id, request.params.id)),
  );
}

const ResetRequestBody = Type.Object({ email: Type.String({ minLength: 1, maxLength: 254 }) }, { additionalProperties: false });
const ResetConfirmBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });

/** Password reset by e-mail (public; 404 when the server sends no e-mail). */
export function passwordResetRoutes(app: App, deps: ServiceDeps, cache: AuthCache): void {
  app.post(
    '/api/auth/password-reset',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'E-mail a one-hour, single-use reset link; the answer is the same whether or not the address has an account', body: ResetRequestBody, response: responses({ 202: Ok }) },
    },
    async (request, reply) => {
      for (const [key, limit] of [[`reset:ip:${request.ip}`, deps.config.loginRateLimit * 5], [`reset:email:${request.body.email.trim().toLowerCase()}`, 3]] as const) {
        const d = await hitRateLimit(deps.database.db, key, limit, deps.config.rateLimitWindowSeconds, deps.clock());
        if (!d.allowed) return reply.code(429).header('retry-after', String(d.retryAfterSeconds)).send(errorBody('rate_limited', `Too many attempts; try again in ${d.retryAfterSeconds} seconds.`, { retryAfterSeconds: d.retryAfterSeconds }));
      }
      return sendResult(reply, await requestReset(deps, request.body.email), 202);
    },
  );
  app.post(
    '/api/auth/password-reset/confirm',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Set a new password with the token from the e-mail; ends every session of the account', body: ResetConfirmBody, response: responses({ 200: Ok }) } },
    async (request, reply) => {
      const d = await hitRateLimit(deps.database.db, `reset-confirm:ip:${request.ip}`, deps.config.loginRateLimit, deps.config.rateLimitWindowSeconds, deps.clock());
      if (!d.allowed) return reply.code(429).header('retry-after', String(d.retryAfterSeconds)).send(errorBody('rate_limited', `Too many attempts; try again in ${d.retryAfterSeconds} seconds.`, { retryAfterSeconds: d.retryAfterSeconds }));
      return sendResult(reply, await confirmReset(deps, request.body.token, request.body.password, (key) => cache.drop(key)));
    },
  );
}
