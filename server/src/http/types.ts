import type {} from '@fastify/swagger';
import type {} from '@fastify/websocket';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyTypeProvider, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault, FastifyBaseLogger } from 'fastify';
import Type, { type Static, type TSchema } from 'typebox';
import { ErrorBody } from '@opsboard/shared';
import { idempotencyKey, type IdempotencyOption } from './idempotency.js';

/** Route handlers get request and reply types from the TypeBox schemas they declare. */
export interface TypeBoxProvider extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  serializer: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
}

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxProvider>;

/** Response schemas for a route: its success shape plus the one error shape for every 4xx/5xx. */
export function responses<S extends Record<number, TSchema>>(success: S) {
  return { ...success, '4xx': ErrorBody, '5xx': ErrorBody } as const;
}

export const NoContent = Type.Null({ description: 'no body' });

/** The Idempotency-Key header every mutation accepts. */
export const MutationHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, pattern: '^[\\x21-\\x7e]+$', description: 'repeat a request with the same key to get the first result without changing anything twice' }),
  ),
});

/** Sends bytes that are already JSON (a cached serialization), bypassing the route's serializer. */
export function sendJsonBytes(reply: FastifyReply, body: Buffer): FastifyReply {
  return reply.header('content-type', 'application/json; charset=utf-8').send(body);
}

/** The Idempotency-Key of a mutation request, bound to the request it came with, as services take it. */
export function idempotency(request: FastifyRequest): IdempotencyOption {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string') return { idempotencyKey: undefined };
  const route = request.routeOptions.url ?? request.url.split('?')[0]!;
  return { idempotencyKey: idempotencyKey(key, { method: request.method, route, params: request.params, query: request.query, body: request.body }) };
}
