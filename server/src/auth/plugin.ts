import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../context.js';
import { errorBody } from '../http/errors.js';
import type { App } from '../http/types.js';
import type { AuthCache } from './cache.js';
import { safeEqual } from './secrets.js';
import { resolveApiToken, resolveSession, type AuthInfo } from './service.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthInfo | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in (health, login, sign-up, webhooks with their own secret). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/** `__Host-` needs Secure, which needs HTTPS; a plain-HTTP trial on localhost keeps the plain name. */
export function sessionCookieName(request: FastifyRequest): string {
  return request.protocol === 'https' ? '__Host-opsboard_session' : 'opsboard_session';
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, secret: string, expiresAt: string): void {
  const secure = request.protocol === 'https';
  reply.setCookie(sessionCookieName(request), secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(request), { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' });
}

function sessionSecret(request: FastifyRequest): string | undefined {
  return request.cookies['__Host-opsboard_session'] ?? request.cookies.opsboard_session;
}

/** The request's own origin, and any configured ones, may send unsafe requests and open websockets. */
export function originAllowed(request: FastifyRequest, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser, or a same-origin GET
  if (origin === `${request.protocol}://${request.host}`) return true;
  return allowed.includes(origin);
}

export type Authentication = { ok: true; auth: AuthInfo | null } | { ok: false; code: 'unauthorized' | 'session_expired'; message: string };

/** Reads a bearer token or the session cookie; a present but bad credential is an error, an absent one is `auth: null`. */
export async function authenticate(deps: AppDeps, request: FastifyRequest, cache?: AuthCache): Promise<Authentication> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const auth = match?.[1] ? await resolveApiToken(deps, match[1], cache) : null;
    return auth ? { ok: true, auth } : { ok: false, code: 'unauthorized', message: 'The API token is invalid, expired or revoked.' };
  }
  const secret = sessionSecret(request);
  if (secret === undefined) return { ok: true, auth: null };
  const check = await resolveSession(deps, secret, cache);
  if (check.ok) return { ok: true, auth: check.auth };
  return { ok: false, code: 'session_expired', message: 'Your session has ended; log in again.' };
}

export function registerAuth(app: App, deps: AppDeps, cache: AuthCache): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    // The API docs page (registered by @fastify/swagger-ui) is public like the document it shows.
    const isPublic = request.routeOptions.config.public === true || request.routeOptions.url === undefined || request.url.startsWith('/api/docs');
    const unsafe = !SAFE_METHODS.has(request.method);

    if (unsafe && !originAllowed(request, deps.config.allowedOrigins)) {
      return reply.code(403).send(errorBody('origin_not_allowed', `Requests from origin ${request.headers.origin} are not allowed.`));
    }
    const result = await authenticate(deps, request, cache);
    if (!result.ok) {
      if (result.code === 'session_expired') clearSessionCookie(request, reply);
      if (isPublic) return; // e.g. logging in again over an expired cookie
      return reply.code(401).send(errorBody(result.code, result.message));
    }
    request.auth = result.auth;
    if (!result.auth) {
      if (isPublic) return;
      return reply.code(401).send(errorBody('unauthorized', 'Log in, or send an API token as "Authorization: Bearer <token>".'));
    }
    // Cookie-authenticated mutations must prove they come from our own page.
    if (unsafe && result.auth.via === 'session') {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !result.auth.csrfToken || !safeEqual(sent, result.auth.csrfToken)) {
        return reply.code(403).send(errorBody('csrf_failed', `Missing or wrong ${CSRF_HEADER} header; reload the page.`));
      }
    }
  });
}

/** The caller, for routes that are not public (the hook above already answered 401 otherwise). */
export function caller(request: FastifyRequest): AuthInfo {
  if (!request.auth) throw new Error(`route ${request.routeOptions.url} used caller() without authentication`);
  return request.auth;
}
