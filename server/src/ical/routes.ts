import Type from 'typebox';
import { Ok } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { errorBody } from '../http/errors.js';
import { responses, type App } from '../http/types.js';
import { feed, feedStatus, regenerate, revoke, type FeedKind } from './service.js';

const tags = ['calendar'];
const FeedStatus = Type.Object({ exists: Type.Boolean(), createdAt: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false });
const CreatedFeed = Type.Object(
  { url: Type.String(), urls: Type.Object({ potw: Type.String(), mine: Type.String(), iterations: Type.String() }, { additionalProperties: false }) },
  { additionalProperties: false },
);
const FeedParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export function icalRoutes(app: App, deps: ServiceDeps): void {
  app.get(
    '/api/account/calendar',
    { schema: { tags, summary: 'Whether I have a calendar feed token, and since when', response: responses({ 200: FeedStatus }) } },
    async (request) => feedStatus(deps.database.db, caller(request).user.id),
  );
  app.post(
    '/api/account/calendar',
    { schema: { tags, summary: 'Create or regenerate my secret calendar feed URL (shown once; the old one stops working)', response: responses({ 201: CreatedFeed }) } },
    async (request, reply) => {
      const token = await regenerate(deps, caller(request).user.id);
      const base = `${deps.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`}/ical/${token}/`;
      return reply.code(201).send({ url: base, urls: { potw: `${base}potw.ics`, mine: `${base}mine.ics`, iterations: `${base}iterations.ics` } });
    },
  );
  app.delete(
    '/api/account/calendar',
    { schema: { tags, summary: 'Revoke my calendar feed URL', response: responses({ 200: Ok }) } },
    async (request) => {
      await revoke(deps.database.db, caller(request).user.id);
      return { ok: true as const };
    },
  );
  for (const kind of ['potw', 'mine', 'iterations'] as const satisfies readonly FeedKind[]) {
    app.get(
      `/ical/:token/${kind}.ics`,
      {
        config: { public: true },
        schema: { tags, summary: `iCal feed (${kind}) at a secret per-person URL; 404 for an unknown or revoked token`, params: FeedParams, response: responses({ 200: Type.String() }) },
      },
      async (request, reply) => {
        const text = await feed(deps, request.params.token, kind);
        if (text === null) return reply.code(404).send(errorBody('not_found', 'No such calendar feed.'));
        return reply.code(200).header('content-type', 'text/calendar; charset=utf-8').send(text);
      },
    );
  }
}
