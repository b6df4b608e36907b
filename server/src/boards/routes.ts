import Type from 'typebox';
import {
  Board,
  BoardSnapshot,
  Column,
  CreateBoardBody,
  CreateColumnBody,
  CreateLaneBody,
  EventsPage,
  EventsQuery,
  IdParams,
  Lane,
  PositionBody,
  TeamParams,
  UpdateBoardBody,
  UpdateColumnBody,
  UpdateLaneBody,
} from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendRefusal, sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, sendJsonBytes, type App } from '../http/types.js';
import { archivedColumns, archivedLanes, streamEvents } from './queries.js';
import * as svc from './service.js';
import { snapshotBody, type SnapshotCache } from './snapshot.js';

const tags = ['boards'];
const BoardListQuery = Type.Object({ archived: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export function boardRoutes(app: App, deps: ServiceDeps, snapshots: SnapshotCache): void {

  app.get(
    '/api/teams/:teamId/boards',
    { schema: { tags, summary: "A team's boards in order", params: TeamParams, querystring: BoardListQuery, response: responses({ 200: Type.Array(Board) }) } },
    async (request, reply) => sendResult(reply, await svc.listBoards(deps.database.db, caller(request).user.id, request.params.teamId, request.query.archived ?? false)),
  );

  app.post(
    '/api/teams/:teamId/boards',
    { schema: { tags, summary: 'Create a board (admin, po)', params: TeamParams, body: CreateBoardBody, headers: MutationHeaders, response: responses({ 201: Board }) } },
    async (request, reply) => sendResult(reply, await svc.createBoard(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );

  app.get(
    '/api/boards/:id',
    { schema: { tags, summary: 'Board snapshot: board, columns, lanes, live cards and the seq they reflect', params: IdParams, response: responses({ 200: BoardSnapshot }) } },
    async (request, reply) => {
      const result = await snapshotBody(deps.database.db, snapshots, caller(request).user.id, request.params.id);
      if (!result.ok) return sendRefusal(reply, result.refusal);
      // Pre-serialized bytes, cached per (board, seq): sent as they are (gzipped when ready and accepted).
      const { body, gzip } = result.value;
      reply.header('vary', 'accept-encoding');
      if (gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        reply.header('content-encoding', 'gzip');
        return sendJsonBytes(reply, gzip);
      }
      return sendJsonBytes(reply, body);
    },
  );

  app.patch(
    '/api/boards/:id',
    { schema: { tags, summary: 'Rename a board or set its per-person WIP limit (admin, po)', params: IdParams, body: UpdateBoardBody, headers: MutationHeaders, response: responses({ 200: Board }) } },
    async (request, reply) => sendResult(reply, await svc.updateBoard(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );

  app.post(
    '/api/boards/:id/position',
    { schema: { tags, summary: 'Reorder a board among its team’s boards (admin, po)', params: IdParams, body: PositionBody, headers: MutationHeaders, response: responses({ 200: Board }) } },
    async (request, reply) => sendResult(reply, await svc.positionBoard(deps, caller(request), request.params.id, request.body.afterId, idempotency(request))),
  );

  for (const [path, archived] of [['archive', true], ['restore', false]] as const) {
    app.post(
      `/api/boards/:id/${path}`,
      { schema: { tags, summary: `${archived ? 'Archive' : 'Restore'} a board (admin, po)`, params: IdParams, headers: MutationHeaders, response: responses({ 200: Board }) } },
      async (request, reply) => sendResult(reply, await svc.setBoardArchived(deps, caller(request), request.params.id, archived, idempotency(request))),
    );
  }

  app.get(
    '/api/boards/:id/events',
    { schema: { tags, summary: 'Events of a board (or team) stream after a seq, oldest first', params: IdParams, querystring: EventsQuery, response: responses({ 200: EventsPage }) } },
    async (request, reply) =>
      sendResult(reply, await streamEvents(deps.database, caller(request).user.id, request.params.id, request.query.since, request.query.limit ?? 500)),
  );

  app.get(
    '/api/boards/:id/archived-columns',
    { schema: { tags, summary: 'Archived columns of a board, most recently archived first', params: IdParams, response: responses({ 200: Type.Array(Column) }) } },
    async (request, reply) => sendResult(reply, await archivedColumns(deps.database.db, caller(request).user.id, request.params.id)),
  );

  app.get(
    '/api/boards/:id/archived-lanes',
    { schema: { tags, summary: 'Archived swimlanes of a board, most recently archived first', params: IdParams, response: responses({ 200: Type.Array(Lane) }) } },
    async (request, reply) => sendResult(reply, await archivedLanes(deps.database.db, caller(request).user.id, request.params.id)),
  );

  // ---- columns
  app.post(
    '/api/boards/:id/columns',
    { schema: { tags, summary: 'Add a column (admin, po)', params: IdParams, body: CreateColumnBody, headers: MutationHeaders, response: responses({ 201: Column }) } },
    async (request, reply) => sendResult(reply, await svc.createColumn(deps, caller(request), request.params.id, request.body, idempotency(request)), 201),
  );
  app.patch(
    '/api/columns/:id',
    { schema: { tags, summary: 'Rename a column, change its category or WIP limit and policy (admin, po)', params: IdParams, body: UpdateColumnBody, headers: MutationHeaders, response: responses({ 200: Column }) } },
    async (request, reply) => sendResult(reply, await svc.updateColumn(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post(
    '/api/columns/:id/position',
    { schema: { tags, summary: 'Reorder a column (admin, po)', params: IdParams, body: PositionBody, headers: MutationHeaders, response: responses({ 200: Column }) } },
    async (request, reply) => sendResult(reply, await svc.positionColumn(deps, caller(request), request.params.id, request.body.afterId, idempotency(request))),
  );
  for (const [path, archived] of [['archive', true], ['restore', false]] as const) {
    app.post(
      `/api/columns/:id/${path}`,
      { schema: { tags, summary: `${archived ? 'Archive an empty' : 'Restore a'} column (admin, po)`, params: IdParams, headers: MutationHeaders, response: responses({ 200: Column }) } },
      async (request, reply) => sendResult(reply, await svc.setColumnArchived(deps, caller(request), request.params.id, archived, idempotency(request))),
    );
  }

  // ---- swimlanes
  app.post(
    '/api/boards/:id/lanes',
    { schema: { tags, summary: 'Add a swimlane (admin, po)', params: IdParams, body: CreateLaneBody, headers: MutationHeaders, response: responses({ 201: Lane }) } },
    async (request, reply) => sendResult(reply, await svc.createLane(deps, caller(request), request.params.id, request.body, idempotency(request)), 201),
  );
  app.patch(
    '/api/lanes/:id',
    { schema: { tags, summary: 'Rename a swimlane or change its WIP limit (admin, po)', params: IdParams, body: UpdateLaneBody, headers: MutationHeaders, response: responses({ 200: Lane }) } },
    async (request, reply) => sendResult(reply, await svc.updateLane(deps, caller(request), request.params.id, request.body, idempotency(request))),
  );
  app.post(
    '/api/lanes/:id/position',
    { schema: { tags, summary: 'Reorder a swimlane (admin, po)', params: IdParams, body: PositionBody, headers: MutationHeaders, response: responses({ 200: Lane }) } },
    async (request, reply) => sendResult(reply, await svc.positionLane(deps, caller(request), request.params.id, request.body.afterId, idempotency(request))),
  );
  for (const [path, archived] of [['archive', true], ['restore', false]] as const) {
    app.post(
      `/api/lanes/:id/${path}`,
      { schema: { tags, summary: `${archived ? 'Archive an empty' : 'Restore a'} swimlane (admin, po)`, params: IdParams, headers: MutationHeaders, response: responses({ 200: Lane }) } },
      async (request, reply) => sendResult(reply, await svc.setLaneArchived(deps, caller(request), request.params.id, archived, idempotency(request))),
    );
  }
}
