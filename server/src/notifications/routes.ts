import Type from 'typebox';
import { IdParams, Notification } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { responses, type App } from '../http/types.js';
import { listNotifications, markAllRead, markOneRead } from './service.js';

const tags = ['notifications'];
const Marked = Type.Object({ marked: Type.Integer() }, { additionalProperties: false });

export function notificationRoutes(app: App, deps: ServiceDeps): void {
  app.get('/api/notifications', { schema: { tags, summary: 'My notifications, newest first', response: responses({ 200: Type.Array(Notification) }) } }, async (request) =>
    listNotifications(deps.database.db, caller(request).user.id),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of my notifications read (404 for one that is not mine)', params: IdParams, response: responses({ 200: Marked }) } },
    async (request, reply) => sendResult(reply, await markOneRead(deps.database.db, caller(request).user.id, request.params.id, deps.clock().toISOString())),
  );
  app.post('/api/notifications/read', { schema: { tags, summary: 'Mark all my notifications read', response: responses({ 200: Marked }) } }, async (request) => ({
    marked: await markAllRead(deps.database.db, caller(request).user.id, deps.clock().toISOString()),
  }));
}
