import Type from 'typebox';
import {
  ApiToken,
  CreateTokenBody,
  CreatedToken,
  InstanceInfo,
  LoginBody,
  Ok,
  SessionInfo,
  SessionSummary,
  SignupBody,
} from '@opsboard/shared';
import type { FastifyReply } from 'fastify';
import type { ServiceDeps } from '../context.js';
import { errorBody, sendRefusal } from '../http/errors.js';
import { responses, type App } from '../http/types.js';
import { caller, clearSessionCookie, setSessionCookie } from './plugin.js';
import { hitRateLimit } from './rate-limit.js';
import type { AuthCache } from './cache.js';
import * as auth from './service.js';

export interface AuthRouteOptions {
  /** The demo login printed at start, offered on the login page while the demo account is untouched. */
  demoLogin: () => { email: string; password: string } | null;
  /** This instance's credential cache, emptied of what is revoked here before the answer goes out. */
  cache: AuthCache;
}

const SessionParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$' }) }, { additionalProperties: false });
const TokenParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export function authRoutes(app: App, deps: ServiceDeps, opts: AuthRouteOptions): void {
  const limited = async (reply: FastifyReply, limits: [key: string, limit: number][]): Promise<boolean> => {
    for (const [key, limit] of limits) {
      const d = await hitRateLimit(deps.database.db, key, limit, deps.config.rateLimitWindowSeconds, deps.clock());
      if (!d.allowed) {
        reply
          .code(429)
          .header('retry-after', String(d.retryAfterSeconds))
          .send(errorBody('rate_limited', `Too many attempts; try again in ${d.retryAfterSeconds} seconds.`, { retryAfterSeconds: d.retryAfterSeconds }));
        return true;
      }
    }
    return false;
  };

  app.get(
    '/api/instance',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'What the login page needs to know', response: responses({ 200: InstanceInfo }) } },
    async (request) => ({
      hasUsers: await auth.hasUsers(deps),
      signup: deps.config.signup,
      database: deps.database.kind,
      demo: opts.demoLogin(),
      session: request.auth ? { user: request.auth.user, csrfToken: request.auth.csrfToken, via: request.auth.via } : null,
    }),
  );

  app.post(
    '/api/auth/signup',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Create an account and log in', body: SignupBody, response: responses({ 201: SessionInfo }) } },
    async (request, reply) => {
      if (await limited(reply, [[`signup:ip:${request.ip}`, deps.config.signupRateLimit]])) return reply;
      const result = await auth.signup(deps, request.body, request.headers['user-agent'] ?? null);
      if (!result.ok) return sendRefusal(reply, result.refusal);
      setSessionCookie(request, reply, result.value.secret, result.value.expiresAt);
      return reply.code(201).send({ user: result.value.user, csrfToken: result.value.csrfToken, via: 'session' as const });
    },
  );

  app.post(
    '/api/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Log in with e-mail and password', body: LoginBody, response: responses({ 200: SessionInfo }) } },
    async (request, reply) => {
      const email = auth.normaliseEmail(request.body.email);
      const perEmail = deps.config.loginRateLimit;
      if (await limited(reply, [[`login:ip:${request.ip}`, perEmail * 5], [`login:email:${email}`, perEmail]])) return reply;
      const result = await auth.login(deps, request.body, request.headers['user-agent'] ?? null);
      if (!result.ok) return sendRefusal(reply, result.refusal);
      // A new session id at every login; an old cookie's session is not reused.
      setSessionCookie(request, reply, result.value.secret, result.value.expiresAt);
      return { user: result.value.user, csrfToken: result.value.csrfToken, via: 'session' as const };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'End this session (an API token is revoked with DELETE /api/auth/tokens/:id)', response: responses({ 200: Ok }) } },
    async (request, reply) => {
      const me = caller(request);
      // A token has no session: answering "ok" would let a script believe its credential is dead.
      if (!me.sessionId) return reply.code(404).send(errorBody('not_found', 'This request carries an API token, not a session; revoke the token with DELETE /api/auth/tokens/:id.'));
      await auth.revokeSession(deps, me.user.id, me.sessionId, opts.cache);
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: 'Who is logged in', response: responses({ 200: SessionInfo }) } },
    async (request) => {
      const me = caller(request);
      return { user: me.user, csrfToken: me.csrfToken, via: me.via };
    },
  );

  app.get(
    '/api/auth/sessions',
    { schema: { tags: ['auth'], summary: 'My active sessions', response: responses({ 200: Type.Array(SessionSummary) }) } },
    async (request) => {
      const me = caller(request);
      return auth.listSessions(deps, me.user.id, me.sessionId);
    },
  );

  app.delete(
    '/api/auth/sessions/:id',
    { schema: { tags: ['auth'], summary: 'Revoke one of my sessions', params: SessionParams, response: responses({ 200: Ok }) } },
    async (request, reply) => {
      const me = caller(request);
      if (!(await auth.revokeSessionByShortId(deps, me.user.id, request.params.id, opts.cache))) {
        return reply.code(404).send(errorBody('not_found', 'Session not found'));
      }
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password (the current one is required); my other sessions end',
        body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false }),
        response: responses({ 200: Ok }),
      },
    },
    async (request, reply) => {
      const me = caller(request);
      const result = await auth.changePassword(deps, me.user.id, me.sessionId, request.body, opts.cache);
      if (!result.ok) return sendRefusal(reply, result.refusal);
      return result.value;
    },
  );

  app.get(
    '/api/auth/tokens',
    { schema: { tags: ['auth'], summary: 'My API tokens (secrets are never shown again)', response: responses({ 200: Type.Array(ApiToken) }) } },
    async (request) => auth.listApiTokens(deps, caller(request).user.id),
  );

  app.post(
    '/api/auth/tokens',
    { schema: { tags: ['auth'], summary: 'Create an API token for scripts', body: CreateTokenBody, response: responses({ 201: CreatedToken }) } },
    async (request, reply) => {
      const result = await auth.createApiToken(deps, caller(request).user.id, request.body);
      if (!result.ok) return sendRefusal(reply, result.refusal);
      return reply.code(201).send(result.value);
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    { schema: { tags: ['auth'], summary: 'Revoke an API token', params: TokenParams, response: responses({ 200: Ok }) } },
    async (request, reply) => {
      if (!(await auth.revokeApiToken(deps, caller(request).user.id, request.params.id, opts.cache))) {
        return reply.code(404).send(errorBody('not_found', 'Token not found'));
      }
      return { ok: true as const };
    },
  );
}
