import { ActivityPage, ActivityQuery, TeamParams } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { responses, type App } from '../http/types.js';
import { teamActivity } from './feed.js';

const tags = ['activity'];

export function activityRoutes(app: App, deps: ServiceDeps): void {
  app.get(
    '/api/teams/:teamId/activity',
    {
      schema: {
        tags,
        summary: "What happened in the team, newest first, from the event log: filter by kind, board, person (who did it) and dates (whole UTC days); page with `before` = the previous page's `next`",
        params: TeamParams,
        querystring: ActivityQuery,
        response: responses({ 200: ActivityPage }),
      },
    },
    async (request, reply) => sendResult(reply, await teamActivity(deps.database.db, caller(request).user.id, request.params.teamId, request.query)),
  );
}
