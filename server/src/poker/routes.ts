import Type from 'typebox';
import {
  CardPokerHistory,
  Id,
  IdParams,
  JoinPokerBody,
  OpenPokerBody,
  PokerAcceptBody,
  PokerFacilitatorBody,
  PokerReference,
  PokerSession,
  PokerSessionSummary,
  PokerVoteBody,
  QueuePokerCardsBody,
  SaveTeamPokerDeckBody,
  TeamParams,
  TeamPokerDeck,
} from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import { cardPokerHistory, listSessions, pokerReferences, readTeamDeck } from './queries.js';
import { accept, addCards, castVote, closeSession, handFacilitator, joinSession, makeCurrent, openSession, readSession, reveal, revote, saveTeamDeck, skip } from './service.js';

const tags = ['poker'];
const ItemParams = Type.Object({ id: Id, itemId: Id }, { additionalProperties: false });
const NearQuery = Type.Object({ near: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })) }, { additionalProperties: false });
const Session = responses({ 200: PokerSession });

export function pokerRoutes(app: App, deps: ServiceDeps): void {
  const db = deps.database.db;
  app.get('/api/teams/:teamId/poker', { schema: { tags, summary: 'Planning poker sessions of the team, newest first', params: TeamParams, response: responses({ 200: Type.Array(PokerSessionSummary) }) } }, async (request, reply) =>
    sendResult(reply, await listSessions(db, caller(request).user.id, request.params.teamId)),
  );
  app.get(
    '/api/teams/:teamId/poker/deck',
    { schema: { tags, summary: "The team's saved custom deck (null: none saved yet)", params: TeamParams, response: responses({ 200: TeamPokerDeck }) } },
    async (request, reply) => sendResult(reply, await readTeamDeck(db, caller(request).user.id, request.params.teamId)),
  );
  app.put(
    '/api/teams/:teamId/poker/deck',
    {
      schema: {
        tags,
        summary: 'Save the team’s custom deck: 2 to 20 cards, labels unique; deck "custom" then uses it (po, admin, or a feature lead)',
        params: TeamParams,
        body: SaveTeamPokerDeckBody,
        headers: MutationHeaders,
        response: responses({ 200: TeamPokerDeck }),
      },
    },
    async (request, reply) => sendResult(reply, await saveTeamDeck(deps, caller(request), request.params.teamId, request.body.cards, idempotency(request))),
  );
  app.delete(
    '/api/teams/:teamId/poker/deck',
    { schema: { tags, summary: 'Forget the team’s custom deck (po, admin, or a feature lead)', params: TeamParams, headers: MutationHeaders, response: responses({ 200: TeamPokerDeck }) } },
    async (request, reply) => sendResult(reply, await saveTeamDeck(deps, caller(request), request.params.teamId, null, idempotency(request))),
  );
  app.post(
    '/api/teams/:teamId/poker',
    {
      schema: {
        tags,
        summary: 'Open a planning poker session with a deck and a queue of cards; the opener facilitates (po, admin, or a feature lead)',
        params: TeamParams,
        body: OpenPokerBody,
        headers: MutationHeaders,
        response: responses({ 201: PokerSession }),
      },
    },
    async (request, reply) => sendResult(reply, await openSession(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );
  app.get(
    '/api/poker/:id',
    { schema: { tags, summary: 'A session as the caller sees it: before a reveal, who voted and only the caller’s own vote', params: IdParams, response: Session } },
    async (request, reply) => sendResult(reply, await readSession(deps, caller(request), request.params.id)),
  );
  app.post(
    '/api/poker/:id/cards',
    { schema: { tags, summary: 'Queue more cards (facilitator)', params: IdParams, body: QueuePokerCardsBody, headers: MutationHeaders, response: Session } },
    async (request, reply) => sendResult(reply, await addCards(deps, caller(request), request.params.id, request.body.cardIds, idempotency(request))),
  );
  app.post(
    '/api/poker/:id/join',
    { schema: { tags, summary: 'Join as a voter (member, po, admin) or a viewer (anyone in the team)', params: IdParams, body: JoinPokerBody, headers: MutationHeaders, response: Session }, preValidation: async (request) => void (request.body ??= {}) },
    async (request, reply) => sendResult(reply, await joinSession(deps, caller(request), request.params.id, request.body.role, idempotency(request))),
  );
  app.post(
    '/api/poker/:id/vote',
    { schema: { tags, summary: 'Vote a card of the deck on the current round (hidden from others until the reveal); voting again changes it', params: IdParams, body: PokerVoteBody, headers: MutationHeaders, response: Session } },
    async (request, reply) => sendResult(reply, await castVote(deps, caller(request), request.params.id, request.body.value, idempotency(request))),
  );
  app.post('/api/poker/:id/reveal', { schema: { tags, summary: 'Reveal every vote of the round (facilitator)', params: IdParams, headers: MutationHeaders, response: Session } }, async (request, reply) =>
    sendResult(reply, await reveal(deps, caller(request), request.params.id, idempotency(request))),
  );
  app.post('/api/poker/:id/revote', { schema: { tags, summary: 'Start a new round on the current card; earlier rounds stay in the history (facilitator)', params: IdParams, headers: MutationHeaders, response: Session } }, async (request, reply) =>
    sendResult(reply, await revote(deps, caller(request), request.params.id, idempotency(request))),
  );
  app.post(
    '/api/poker/:id/accept',
    { schema: { tags, summary: 'Accept an estimate after the reveal: writes the points to the card (a card.updated on its board) and moves to the next card (facilitator)', params: IdParams, body: PokerAcceptBody, headers: MutationHeaders, response: Session } },
    async (request, reply) => sendResult(reply, await accept(deps, caller(request), request.params.id, request.body.value, idempotency(request))),
  );
  app.post('/api/poker/:id/skip', { schema: { tags, summary: 'Skip the current card for now and move to the next (facilitator)', params: IdParams, headers: MutationHeaders, response: Session } }, async (request, reply) =>
    sendResult(reply, await skip(deps, caller(request), request.params.id, idempotency(request))),
  );
  app.post(
    '/api/poker/:id/items/:itemId/current',
    { schema: { tags, summary: 'Come back to a card (skipped, queued or accepted) with a fresh round (facilitator)', params: ItemParams, headers: MutationHeaders, response: Session } },
    async (request, reply) => sendResult(reply, await makeCurrent(deps, caller(request), request.params.id, request.params.itemId, idempotency(request))),
  );
  app.post(
    '/api/poker/:id/facilitator',
    { schema: { tags, summary: 'Hand the facilitator role to another member, po or admin (facilitator)', params: IdParams, body: PokerFacilitatorBody, headers: MutationHeaders, response: Session } },
    async (request, reply) => sendResult(reply, await handFacilitator(deps, caller(request), request.params.id, request.body.userId, idempotency(request))),
  );
  app.post('/api/poker/:id/close', { schema: { tags, summary: 'Close the session; its history stays readable (facilitator)', params: IdParams, headers: MutationHeaders, response: Session } }, async (request, reply) =>
    sendResult(reply, await closeSession(deps, caller(request), request.params.id, idempotency(request))),
  );
  app.get('/api/cards/:id/poker', { schema: { tags, summary: 'The card’s planning poker history: every revealed round and the final value', params: IdParams, response: responses({ 200: Type.Array(CardPokerHistory) }) } }, async (request, reply) =>
    sendResult(reply, await cardPokerHistory(db, caller(request).user.id, request.params.id)),
  );
  app.get(
    '/api/cards/:id/poker-references',
    { schema: { tags, summary: 'Three estimated cards of the same type and similar size, with final points and actual cycle time', params: IdParams, querystring: NearQuery, response: responses({ 200: Type.Array(PokerReference) }) } },
    async (request, reply) => sendResult(reply, await pokerReferences(db, caller(request).user.id, request.params.id, request.query.near)),
  );
}
