/**
 * Builds the Fastify app; never listens (main.ts does). Plugins go in order:
 * external → app-wide hooks → routes, each cleaning up after itself on close.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyRequest } from 'fastify';
import Type from 'typebox';
import { WS_MAX_CLIENT_MESSAGE } from '@opsboard/shared';
import { AuthCache } from './auth/cache.js';
import { registerAuth } from './auth/plugin.js';
import { stillValid } from './auth/service.js';
import { authRoutes } from './auth/routes.js';
import { boardRoutes } from './boards/routes.js';
import { SnapshotCache } from './boards/snapshot.js';
import { cardRoutes } from './cards/routes.js';
import type { AppDeps, ServiceDeps } from './context.js';
import { BodyError, errorBody, errorHandler, frameworkErrorHandler } from './http/errors.js';
import { clientErrorHandler } from './http/framework-errors.js';
import { findBadString, parseJsonBody } from './http/json-body.js';
import { responses, type App } from './http/types.js';
import { validatorCompiler } from './http/validation.js';
import { startMaintenance } from './maintenance.js';
import { RealtimeHub, type HubOptions } from './realtime/hub.js';
import { websocketRoute, type WsOptions } from './realtime/ws-route.js';
import { teamRoutes } from './teams/routes.js';
import { interruptRoutes } from './interrupts/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { rotationRoutes } from './rotation/routes.js';
import { planningRoutes } from './planning/routes.js';
import { guestRoutes } from './guests/routes.js';
import { conversationRoutes } from './conversation/routes.js';
import { activityRoutes } from './activity/routes.js';
import { searchRoutes } from './search/routes.js';
import { retroRoutes } from './retro/routes.js';
import { metricsRoutes } from './metrics/routes.js';
import { myRequests } from './guests/queries.js';
import { RequestWatch, type RequestWatchOptions } from './guests/watch.js';
import { techRoutes } from './tech/routes.js';
import { standupRoutes } from './standup/routes.js';
import { pokerRoutes } from './poker/routes.js';
import { checklistRoutes } from './checklists/routes.js';
import { templateRoutes } from './templates/routes.js';
import { recurringRoutes } from './recurring/routes.js';
import { runDueRecurrences } from './recurring/service.js';
import { hookRoutes, notifyRoutes, passwordResetRoutes } from './notify/routes.js';
import { icalRoutes } from './ical/routes.js';
import { notifyRuntime, type NotifyRuntime, type NotifyRuntimeOptions } from './notify/runtime.js';
import { runEscalations } from './interrupts/escalation.js';
import { kpiRoutes } from './kpi/routes.js';

export const BODY_LIMIT = 1 << 20;

export interface BuildOptions {
  hub?: HubOptions;
  ws?: WsOptions;
  requests?: RequestWatchOptions;
  /** Timings of the e-mail outbox sender and the other notification loops. */
  notify?: NotifyRuntimeOptions;
  /** The demo account printed at start, offered on the login page. */
  demoLogin?: () => { email: string; password: string } | null;
  /** Serve the built client from config.clientDir when it exists (default true). */
  serveClient?: boolean;
  logger?: boolean;
}

export interface Built {
  app: App;
  hub: RealtimeHub;
  services: ServiceDeps;
  /** Every API route registered (method and URL), for the OpenAPI coverage check. */
  routes: { method: string; url: string }[];
  notify: NotifyRuntime;
}

const Health = Type.Object(
  {
    status: Type.Literal('ok'),
    database: Type.Union([Type.Literal('postgres'), Type.Literal('pglite')]),
    instanceId: Type.String(),
    connections: Type.Integer({ description: 'websocket connections on this instance' }),
  },
  { additionalProperties: false },
);

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<Built> {
  const app: App = Fastify({
    logger:
      options.logger === false || deps.config.logLevel === 'silent'
        ? false
        : { level: deps.config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    logController: new LogController({ disableRequestLogging: deps.config.logLevel !== 'debug' && deps.config.logLevel !== 'trace' }),
    bodyLimit: BODY_LIMIT,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    trustProxy: deps.config.trustProxy,
    // Answered in the one error shape by the hook below, not by Fastify in its own.
    return503OnClosing: false,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider();

  let closing = false;
  app.addHook('onRequest', async (_request, reply) => {
    if (closing) {
      return reply
        .code(503)
        .header('retry-after', '1')
        .header('connection', 'close')
        .send(errorBody('unavailable', 'This server is shutting down; try again in a moment.'));
    }
  });

  const authCache = new AuthCache();
  const hub = new RealtimeHub(deps.database, deps.instanceId, app.log, options.hub, {
    ended: (key) => (key === null ? authCache.clear() : authCache.drop(key)),
    stillValid: (credentials) => stillValid(deps, credentials),
  });
  const services: ServiceDeps = {
    ...deps,
    publish: (events) => hub.publish(events),
    willPublish: (events) => hub.expectLocal(events),
    abandonPublish: (events) => hub.forgetLocal(events),
  };
  const snapshots = new SnapshotCache();

  const routes: Built['routes'] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')) routes.push({ method, url: route.url });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);

  // Only JSON bodies, checked for what Fastify lets through by default (PITFALLS 7).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request: FastifyRequest, text: string | Buffer, done) => {
    const parsed = parseJsonBody(typeof text === 'string' ? text : text.toString('utf8'));
    if (parsed.ok) done(null, parsed.value);
    else done(new BodyError(parsed.problem.code, parsed.problem.message, parsed.problem.field), undefined);
  });
  app.addHook('preValidation', async (request, reply) => {
    for (const [part, value] of [
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      const bad = findBadString(value);
      if (bad) return reply.code(400).send(errorBody('validation_failed', `${part}.${bad.message}`, { field: bad.field, in: part }));
    }
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", (req) => wsOrigin(req.headers.host)],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    // A team's plain-HTTP trial must keep working; HTTPS deployments set HSTS at their proxy.
    strictTransportSecurity: false,
  });
  await app.register(websocket, { options: { maxPayload: WS_MAX_CLIENT_MESSAGE } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'opsboard API',
        version: '1',
        description:
          'Boards, cards, WIP limits and live sync for operations teams. Authenticate with the session cookie (and the x-csrf-token header on mutations) or with "Authorization: Bearer <API token>". Every error body is { "error": { "code", "message", "details" } }.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token from POST /api/auth/tokens' },
          session: { type: 'apiKey', in: 'cookie', name: 'opsboard_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    // Websocket routes are left out by the generator; the endpoint is part of the contract, so it is written in here.
    transformObject: (doc) => {
      if (!('openapiObject' in doc)) return doc.swaggerObject;
      const openapi = doc.openapiObject;
      openapi.paths = {
        ...openapi.paths,
        '/api/ws': {
          get: {
            tags: ['realtime'],
            summary: 'Websocket upgrade: subscribe to board and team streams with the last seq you hold, or (guests) watch your own requests (protocol in shared/src/protocol.ts)',
            responses: { '101': { description: 'Switching protocols' }, '401': { description: 'Not logged in' }, '403': { description: 'Origin not allowed' } },
          },
        },
      };
      return openapi;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/upgrade-insecure-requests;?/, '').replace("base-uri 'self'", "base-uri 'none'"),
  });

  // API answers are private to their caller and several carry secrets (an API token or a webhook
  // secret shown once, the CSRF token, the demo password): no browser or proxy cache keeps any of them.
  // Set first, so refusals from the hooks below carry it too.
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
  });
  registerAuth(app, deps, authCache);

  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['ops'], summary: 'Liveness with the database: 200 when it answers, 503 when not', response: responses({ 200: Health }) } },
    async (_request, reply) => {
      if (!(await deps.database.ping())) {
        return reply.code(503).header('retry-after', '5').send(errorBody('unavailable', 'The database is not reachable.'));
      }
      return { status: 'ok' as const, database: deps.database.kind, instanceId: deps.instanceId, connections: hub.connectionCount };
    },
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, services, { demoLogin: options.demoLogin ?? (() => null), cache: authCache });
  teamRoutes(app, services);
  boardRoutes(app, services, snapshots);
  cardRoutes(app, services);
  rotationRoutes(app, services);
  interruptRoutes(app, services);
  notificationRoutes(app, services);
  planningRoutes(app, services);
  guestRoutes(app, services);
  techRoutes(app, services);
  standupRoutes(app, services);
  conversationRoutes(app, services);
  activityRoutes(app, services);
  searchRoutes(app, services);
  retroRoutes(app, services);
  pokerRoutes(app, services);
  checklistRoutes(app, services);
  templateRoutes(app, services);
  recurringRoutes(app, services);
  metricsRoutes(app, services);
  notifyRoutes(app, services);
  hookRoutes(app, services);
  passwordResetRoutes(app, services, authCache);
  kpiRoutes(app, services);
  icalRoutes(app, services);
  const requestWatch = new RequestWatch(deps.database, (userId, teamId) => myRequests(deps.database.db, userId, teamId), app.log, options.requests);
  hub.observe(requestWatch);
  websocketRoute(app, deps, hub, requestWatch, options.ws);

  const clientDir = deps.config.clientDir;
  const serveClient = (options.serveClient ?? true) && existsSync(path.join(clientDir, 'index.html'));
  if (serveClient) {
    // vite build writes .br/.gz beside each asset; the static plugin picks the one the browser accepts.
    // One route per built file rather than a catch-all: every other path (all of /api, a page URL of any
    // length) reaches the not-found handler below, never the file system (whose ENAMETOOLONG was a 403).
    await app.register(fastifyStatic, { root: clientDir, index: ['index.html'], preCompressed: true, setHeaders: cacheHeaders, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const accept = request.headers.accept ?? '';
    if (serveClient && request.method === 'GET' && !request.url.startsWith('/api/') && accept.includes('text/html')) {
      // Client-side routes: the app shell answers every page URL.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });

  const maintenance = startMaintenance(deps, app.log, undefined, [() => runDueRecurrences(services, app.log)]);
  const notify = notifyRuntime(services, app.log, {
    ...options.notify,
    sweeps: options.notify?.escalations === false ? [] : [{ name: 'escalation', run: (deps) => runEscalations(deps) }],
  });
  app.addHook('onReady', async () => {
    await hub.start();
    notify.start();
  });
  app.addHook('preClose', async () => {
    closing = true;
    maintenance.stop();
    await notify.stop();
    for (const client of app.websocketServer?.clients ?? []) client.close(1001, 'server shutting down');
  });
  app.addHook('onClose', async () => {
    requestWatch.stop();
    await hub.stop();
  });

  return { app, hub, services, routes, notify };
}

/** Hashed assets never change; everything else (index.html) is revalidated. */
function cacheHeaders(reply: { header(name: string, value: string): unknown }, filePath: string): void {
  reply.header('cache-control', /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

function wsOrigin(host: string | undefined): string {
  if (!host || !/^[a-zA-Z0-9.\-:[\]]+$/.test(host)) return "'self'";
  return `ws://${host} wss://${host}`;
}
