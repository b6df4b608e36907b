import { NotifyPreferencesBody, NotifyPreferencesView } from '@opsboard/shared';
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
