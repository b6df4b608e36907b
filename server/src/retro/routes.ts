import Type from 'typebox';
import {
  CardPostmortem,
  CreateRetroBody,
  Postmortem,
  PostmortemActionBody,
  UpdatePostmortemBody,
  Id,
  IdParams,
  Retro,
  RetroActionBody,
  RetroCheckinBody,
  RetroFacts,
  RetroGroupBody,
  RetroNoteBody,
  RetroPhaseBody,
  RetroThemeBody,
  RetroTimerBody,
  RetroView,
  RetroVoteBody,
  TeamParams,
} from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import { retroFacts } from './facts.js';
import { addPostmortemAction, cardPostmortem, createPostmortem, getPostmortem, listPostmortems, listPublishedPostmortems, publishPostmortem, updatePostmortem } from './postmortem.js';
import { addAction, addNote, addTheme, checkIn, createRetro, deleteNote, getRetro, groupNote, listPublished, listRetros, movePhase, publishRetro, setTimer, unvote, vote } from './service.js';

const tags = ['retrospectives'];
const View = responses({ 200: RetroView });
const VoteParams = Type.Object({ id: Id, themeId: Id }, { additionalProperties: false });

export function retroRoutes(app: App, deps: ServiceDeps): void {
  const db = deps.database.db;
  app.get('/api/teams/:teamId/retros', { schema: { tags, summary: 'The team’s retrospectives, oldest first', params: TeamParams, response: responses({ 200: Type.Array(Retro) }) } }, async (request, reply) =>
    sendResult(reply, await listRetros(db, caller(request).user.id, request.params.teamId)),
  );
  app.get('/api/retros/published', { schema: { tags, summary: 'Retros the teams of this instance published, newest first (read-only for other teams)', response: responses({ 200: Type.Array(Retro) }) } }, async (request) =>
    listPublished(db, caller(request).user.id),
  );
  app.post(
    '/api/teams/:teamId/retros',
    { schema: { tags, summary: 'Open a retrospective (of an iteration, or on its own); the caller facilitates', params: TeamParams, body: CreateRetroBody, headers: MutationHeaders, response: responses({ 201: RetroView }) } },
    async (request, reply) => sendResult(reply, await createRetro(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );
  app.get('/api/retros/:id', { schema: { tags, summary: 'A retro as the caller sees it: before the reveal only their own notes, and counts', params: IdParams, response: View } }, async (request, reply) =>
    sendResult(reply, await getRetro(db, caller(request).user.id, request.params.id)),
  );
  app.get(
    '/api/retros/:id/facts',
    { schema: { tags, summary: 'The facts strip: the iteration’s facts from the event log, and the previous retro’s actions as they stand now', params: IdParams, response: responses({ 200: RetroFacts }) } },
    async (request, reply) => sendResult(reply, await retroFacts(db, caller(request).user.id, request.params.id, deps.clock())),
  );
  app.post(
    '/api/retros/:id/phase',
    { schema: { tags, summary: 'Move to the next (or previous) phase: the facilitator only', params: IdParams, body: RetroPhaseBody, headers: MutationHeaders, response: View } },
    async (request, reply) => sendResult(reply, await movePhase(deps, caller(request), request.params.id, request.body.phase, idempotency(request))),
  );
  app.post(
    '/api/retros/:id/timer',
    { schema: { tags, summary: 'Start (minutes) or stop (null) the discussion timer: the facilitator only', params: IdParams, body: RetroTimerBody, headers: MutationHeaders, response: View } },
    async (request, reply) => sendResult(reply, await setTimer(deps, caller(request), request.params.id, request.body.minutes, idempotency(request))),
  );
  app.put(
    '/api/retros/:id/checkin',
    { schema: { tags, summary: 'My check-in: morale 1–5 and an optional one-word mood', params: IdParams, body: RetroCheckinBody, headers: MutationHeaders, response: View } },
    async (request, reply) => sendResult(reply, await checkIn(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post(
    '/api/retros/:id/notes',
    { schema: { tags, summary: 'Write a note into Do, Don’t, Try or Avoid (private to me until the reveal)', params: IdParams, body: RetroNoteBody, headers: MutationHeaders, response: View } },
    async (request, reply) => sendResult(reply, await addNote(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.delete(
    '/api/retro-notes/:id',
    { schema: { tags, summary: 'Take back one of my notes while writing', params: IdParams, headers: MutationHeaders, response: View } },
    async (request, reply) => sendResult(reply, await deleteNote(deps, caller(request), request.params.id, idempotency(request))),
  );
  app.post(
    '/api/retros/:id/themes',
    { schema: { tags, summary: 'Make a theme to group notes under', params: IdParams, body: RetroThemeBody, headers: MutationHeaders, response: View } },
    async (request, reply) => sendResult(reply, await addTheme(deps, caller(request), request.params.id, request.body.title, idempotency(request))),
  );
  app.put(
    '/api/retro-notes/:id/theme',
    { schema: { tags, summary: 'Put a note under a theme (or none)', params: IdParams, body: RetroGroupBody, headers: MutationHeaders, response: View } },
    async (request, reply) => sendResult(reply, await groupNote(deps, caller(request), request.params.id, request.body.themeId, idempotency(request))),
  );
  app.post(
    '/api/retros/:id/votes',
    { schema: { tags, summary: 'Put one of my votes on a theme (capped per person)', params: IdParams, body: RetroVoteBody, headers: MutationHeaders, response: View } },
    async (request, reply) => sendResult(reply, await vote(deps, caller(request), request.params.id, request.body.themeId, idempotency(request))),
  );
  app.delete(
    '/api/retros/:id/votes/:themeId',
    { schema: { tags, summary: 'Take back one of my votes on a theme', params: VoteParams, headers: MutationHeaders, response: View } },
    async (request, reply) => sendResult(reply, await unvote(deps, caller(request), request.params.id, request.params.themeId, idempotency(request))),
  );
  app.post(
    '/api/retros/:id/actions',
    { schema: { tags, summary: 'An action with an owner: becomes a card on the planned or SS&A board, linked back', params: IdParams, body: RetroActionBody, headers: MutationHeaders, response: View } },
    async (request, reply) => sendResult(reply, await addAction(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post(
    '/api/retros/:id/publish',
    { schema: { tags, summary: 'Share a finished retro read-only with the other teams on this instance', params: IdParams, headers: MutationHeaders, response: View } },
    async (request, reply) => sendResult(reply, await publishRetro(deps, caller(request), request.params.id, idempotency(request))),
  );

  // ---- blameless postmortems
  const PM = responses({ 200: Postmortem });
  app.get('/api/teams/:teamId/postmortems', { schema: { tags, summary: 'The team’s postmortems, newest first', params: TeamParams, response: responses({ 200: Type.Array(Postmortem) }) } }, async (request, reply) =>
    sendResult(reply, await listPostmortems(db, caller(request).user.id, request.params.teamId)),
  );
  app.get('/api/postmortems/published', { schema: { tags, summary: 'Postmortems the teams of this instance published, newest first (read-only for other teams)', response: responses({ 200: Type.Array(Postmortem) }) } }, async (request) =>
    listPublishedPostmortems(db, caller(request).user.id),
  );
  app.get(
    '/api/cards/:id/postmortem',
    { schema: { tags, summary: 'The postmortem this card has, or whether one may be opened for it and why not', params: IdParams, response: responses({ 200: CardPostmortem }) } },
    async (request, reply) => sendResult(reply, await cardPostmortem(db, caller(request).user.id, request.params.id)),
  );
  app.post(
    '/api/cards/:id/postmortem',
    {
      schema: {
        tags,
        summary: 'Open the postmortem of a critical/high interrupt or an incident card (or get the one it has); the timeline is pre-filled from the card and its alert',
        params: IdParams,
        headers: MutationHeaders,
        response: PM,
      },
    },
    async (request, reply) => sendResult(reply, await createPostmortem(deps, caller(request), request.params.id, idempotency(request))),
  );
  app.get('/api/postmortems/:id', { schema: { tags, summary: 'A postmortem (another team reads it once published)', params: IdParams, response: PM } }, async (request, reply) =>
    sendResult(reply, await getPostmortem(db, caller(request).user.id, request.params.id)),
  );
  app.patch(
    '/api/postmortems/:id',
    { schema: { tags, summary: 'Edit the template (send the version you loaded); contributing factors name no one', params: IdParams, body: UpdatePostmortemBody, headers: MutationHeaders, response: PM } },
    async (request, reply) => sendResult(reply, await updatePostmortem(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post(
    '/api/postmortems/:id/actions',
    { schema: { tags, summary: 'An action item: a card on the planned or SS&A board, linked to the incident card', params: IdParams, body: PostmortemActionBody, headers: MutationHeaders, response: PM } },
    async (request, reply) => sendResult(reply, await addPostmortemAction(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post(
    '/api/postmortems/:id/publish',
    { schema: { tags, summary: 'Share a postmortem read-only with the other teams on this instance', params: IdParams, headers: MutationHeaders, response: PM } },
    async (request, reply) => sendResult(reply, await publishPostmortem(deps, caller(request), request.params.id, idempotency(request))),
  );
}
