import Type from 'typebox';
import { Comment, CommentBody, CommentParams, IdParams, Ok, ReactionBody, WatchState } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import { createComment, deleteComment, editComment, listComments, toggleReaction } from './comments.js';
import { getWatch, setWatch } from './watch.js';

const tags = ['conversation'];

export function conversationRoutes(app: App, deps: ServiceDeps): void {
  const db = deps.database.db;

  app.get('/api/cards/:id/comments', { schema: { tags, summary: "A card's comments, oldest first", params: IdParams, response: responses({ 200: Type.Array(Comment) }) } }, async (request, reply) =>
    sendResult(reply, await listComments(db, caller(request).user.id, request.params.id)),
  );

  app.post(
    '/api/cards/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a card in Markdown (member, po, admin); `@handle` mentions a member (the part of their e-mail before the @) and notifies them',
        params: IdParams,
        body: CommentBody,
        headers: MutationHeaders,
        response: responses({ 201: Comment }),
      },
    },
    async (request, reply) => sendResult(reply, await createComment(deps, caller(request), request.params.id, request.body.body, idempotency(request)), 201),
  );

  app.patch(
    '/api/cards/:id/comments/:commentId',
    { schema: { tags, summary: 'Edit a comment (its author, or a team admin)', params: CommentParams, body: CommentBody, headers: MutationHeaders, response: responses({ 200: Comment }) } },
    async (request, reply) => sendResult(reply, await editComment(deps, caller(request), request.params.id, request.params.commentId, request.body.body, idempotency(request))),
  );

  app.delete(
    '/api/cards/:id/comments/:commentId',
    { schema: { tags, summary: 'Delete a comment (its author, or a team admin)', params: CommentParams, headers: MutationHeaders, response: responses({ 200: Ok }) } },
    async (request, reply) => sendResult(reply, await deleteComment(deps, caller(request), request.params.id, request.params.commentId, idempotency(request))),
  );

  app.post(
    '/api/cards/:id/comments/:commentId/reactions',
    { schema: { tags, summary: 'Toggle your reaction on a comment (adds it, or takes it back)', params: CommentParams, body: ReactionBody, headers: MutationHeaders, response: responses({ 200: Comment }) } },
    async (request, reply) => sendResult(reply, await toggleReaction(deps, caller(request), request.params.id, request.params.commentId, request.body.emoji, idempotency(request))),
  );

  app.get('/api/cards/:id/watch', { schema: { tags, summary: 'Whether you watch the card, and why', params: IdParams, response: responses({ 200: WatchState }) } }, async (request, reply) =>
    sendResult(reply, await getWatch(db, caller(request).user.id, request.params.id)),
  );
  app.put(
    '/api/cards/:id/watch',
    { schema: { tags, summary: 'Watch the card: you are notified of its comments, moves to done, blocks and escalations', params: IdParams, response: responses({ 200: WatchState }) } },
    async (request, reply) => sendResult(reply, await setWatch(db, caller(request).user.id, request.params.id, true, deps.clock().toISOString())),
  );
  app.delete(
    '/api/cards/:id/watch',
    { schema: { tags, summary: 'Unwatch the card (also as its creator or an assignee)', params: IdParams, response: responses({ 200: WatchState }) } },
    async (request, reply) => sendResult(reply, await setWatch(db, caller(request).user.id, request.params.id, false, deps.clock().toISOString())),
  );
}
