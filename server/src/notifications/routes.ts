import Type from 'typebox';
import { IdParams, Notification } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { responses, type App } from '../http/types.js';
import { listNotifications, markRead } from './service.js';

const tags = ['notifications'];
const Marked = Type.Object({ marked: Type.Integer() }, { additionalProperties: false });

export function notificationRoutes(app: App, deps: ServiceDeps): void {
  app.get('/api/notifications', { schema: { tags, summary: 'My notifications, newest first', response: responses({ 200: Type.Array(Notification) }) } }, async (request) =>
    listNotifications(deps.database.db, caller(request).user.id),
  );
  app.post('/api/notifications/:id/read', { schema: { tags, summary: 'Mark one notification read', params: IdParams, response: responses({ 200: Marked }) } }, async (request) => ({
    marked: await markRead(deps.database.db, caller(request).user.id, request.params.id, deps.clock().toISOString()),
  }));
  app.post('/api/notifications/read', { schema: { tags, summary: 'Mark all my notifications read', response: responses({ 200: Marked }) } }, async (request) => ({
    marked: await markRead(deps.database.db, caller(request).user.id, null, deps.clock().toISOString()),
  }));
}
