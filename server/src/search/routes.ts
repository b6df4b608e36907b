import Type from 'typebox';
import { CardSearchHit, CreateSavedFilterBody, IdParams, Ok, SavedFilter, SearchQuery, TeamParams, UpdateSavedFilterBody } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import { searchCardHits } from './cards.js';
import { createSavedFilter, deleteSavedFilter, listSavedFilters, updateSavedFilter } from './saved-filters.js';

const tags = ['search'];

export function searchRoutes(app: App, deps: ServiceDeps): void {
  app.get(
    '/api/search',
    {
      schema: {
        tags,
        summary: 'Full-text search over the cards of every team you may read (or of `teamId`): title, labels, blocked reason, description, alert labels and annotations; best first',
        querystring: SearchQuery,
        response: responses({ 200: Type.Array(CardSearchHit) }),
      },
    },
    async (request, reply) => {
      const { q, teamId, limit, archived } = request.query;
      return sendResult(reply, await searchCardHits(deps.database.db, caller(request).user.id, { q, teamId, limit: limit ?? 20, archived: archived ?? false }));
    },
  );

  app.get(
    '/api/teams/:teamId/saved-filters',
    { schema: { tags, summary: "The team's saved board filters, then your own", params: TeamParams, response: responses({ 200: Type.Array(SavedFilter) }) } },
    async (request, reply) => sendResult(reply, await listSavedFilters(deps.database.db, caller(request).user.id, request.params.teamId)),
  );

  app.post(
    '/api/teams/:teamId/saved-filters',
    {
      schema: {
        tags,
        summary: 'Save a board filter for yourself (anyone who reads the team) or for the whole team (po, admin)',
        params: TeamParams,
        body: CreateSavedFilterBody,
        headers: MutationHeaders,
        response: responses({ 201: SavedFilter }),
      },
    },
    async (request, reply) => sendResult(reply, await createSavedFilter(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );

  app.patch(
    '/api/saved-filters/:id',
    {
      schema: {
        tags,
        summary: 'Rename or change a saved filter: your own, or (po, admin) a team filter',
        params: IdParams,
        body: UpdateSavedFilterBody,
        headers: MutationHeaders,
        response: responses({ 200: SavedFilter }),
      },
    },
    async (request, reply) => sendResult(reply, await updateSavedFilter(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );

  app.delete(
    '/api/saved-filters/:id',
    { schema: { tags, summary: 'Delete a saved filter: your own, or (po, admin) a team filter', params: IdParams, headers: MutationHeaders, response: responses({ 200: Ok }) } },
    async (request, reply) => {
      const result = await deleteSavedFilter(deps, caller(request), request.params.id, idempotency(request));
      return sendResult(reply, result.ok ? { ok: true as const, value: { ok: true as const } } : result);
    },
  );
}
