import Type from 'typebox';
import { Nullable, ArchiveCardBody, Card, CardDetail, CardRef, CardSearchQuery, TeamParams, CreateCardBody, HistoryEntry, IdParams, MoveCardBody, PersonWip, RestoreCardBody, UpdateCardBody } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import { teamPersonWip } from './person-wip.js';
import { cardHistory } from './history.js';
import { archivedCards, cardDetail, searchCards } from './queries.js';
import * as svc from './service.js';

const tags = ['cards'];

export function cardRoutes(app: App, deps: ServiceDeps): void {

  app.post(
    '/api/boards/:id/cards',
    {
      schema: {
        tags,
        summary: 'Create a card (member, po, admin); goes through the WIP check of its column',
        params: IdParams,
        body: CreateCardBody,
        headers: MutationHeaders,
        response: responses({ 201: Card }),
      },
    },
    async (request, reply) => sendResult(reply, await svc.createCard(deps, caller(request), request.params.id, request.body, idempotency(request)), 201),
  );

  app.get(
    '/api/boards/:id/archived-cards',
    { schema: { tags, summary: 'Archived cards of a board, newest first', params: IdParams, response: responses({ 200: Type.Array(Card) }) } },
    async (request, reply) => sendResult(reply, await archivedCards(deps.database.db, caller(request).user.id, request.params.id)),
  );

  app.get(
    '/api/teams/:teamId/cards',
    { schema: { tags, summary: "Find the team's cards by full-text search or number, best first (links, duplicates, the board's search box)", params: TeamParams, querystring: CardSearchQuery, response: responses({ 200: Type.Array(CardRef) }) } },
    async (request, reply) =>
      sendResult(
        reply,
        await searchCards(deps.database.db, caller(request).user.id, request.params.teamId, request.query.q, request.query.limit ?? 20, request.query.archived ?? false, request.query.boardId),
      ),
  );

  app.get(
    '/api/teams/:teamId/person-wip',
    {
      schema: {
        tags,
        summary: "Each person's cards in progress (doing columns) per live board of the team: what per-person WIP limits count",
        params: TeamParams,
        response: responses({ 200: Type.Array(PersonWip) }),
      },
    },
    async (request, reply) => sendResult(reply, await teamPersonWip(deps.database.db, caller(request).user.id, request.params.teamId)),
  );

  app.get('/api/cards/:id', { schema: { tags, summary: 'A card with its links both ways', params: IdParams, response: responses({ 200: CardDetail }) } }, async (request, reply) =>
    sendResult(reply, await cardDetail(deps.database.db, caller(request).user.id, request.params.id)),
  );

  app.get(
    '/api/cards/:id/history',
    { schema: { tags, summary: "A card's history from the event log, oldest first; each entry names the people, columns, boards, features, iterations and cards it mentions by id", params: IdParams, response: responses({ 200: Type.Array(HistoryEntry) }) } },
    async (request, reply) => sendResult(reply, await cardHistory(deps.database.db, caller(request).user.id, request.params.id)),
  );

  app.patch(
    '/api/cards/:id',
    {
      schema: {
        tags,
        summary: 'Edit a card; `version` must be the one you loaded (409 version_conflict carries the current card otherwise)',
        params: IdParams,
        body: UpdateCardBody,
        headers: MutationHeaders,
        response: responses({ 200: Card }),
      },
    },
    async (request, reply) => sendResult(reply, await svc.updateCard(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );

  app.post(
    '/api/cards/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a card: name the column and a neighbour (afterCardId/beforeCardId) or a position; the server computes the rank',
        params: IdParams,
        body: MoveCardBody,
        headers: MutationHeaders,
        response: responses({ 200: Card }),
      },
    },
    async (request, reply) => sendResult(reply, await svc.moveCard(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );

  app.post(
    '/api/cards/:id/archive',
    { schema: { tags, summary: 'Archive a card', params: IdParams, body: Nullable(ArchiveCardBody), headers: MutationHeaders, response: responses({ 200: Card }) } },
    async (request, reply) => sendResult(reply, await svc.archiveCard(deps, caller(request), request.params.id, request.body?.version, idempotency(request))),
  );

  app.post(
    '/api/cards/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived card to its column (or another); goes through the WIP check',
        params: IdParams,
        body: Nullable(RestoreCardBody),
        headers: MutationHeaders,
        response: responses({ 200: Card }),
      },
    },
    async (request, reply) => sendResult(reply, await svc.restoreCard(deps, caller(request), request.params.id, request.body ?? {}, idempotency(request))),
  );
}
