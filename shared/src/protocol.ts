import Type from 'typebox';
import type { StreamEvent } from './events.js';
import { Id, SeqInput } from './schema/common.js';
import type { MyRequests } from './schema/requests.js';

/**
 * The websocket contract at /api/ws. Bump PROTOCOL_VERSION on any breaking change;
 * the server says its version in `hello` and clients reload on a mismatch.
 */
export const PROTOCOL_VERSION = 1;

/** Largest client message the server accepts (bytes). */
export const WS_MAX_CLIENT_MESSAGE = 4096;

/** Streams one connection may follow at once; a subscribe past it is `rejected` with `too_many_subscriptions`. */
export const WS_MAX_SUBSCRIPTIONS = 32;

/**
 * Messages of one connection waiting to be applied (the server applies them strictly in order);
 * a client that sends faster than that is closed with WS_CLOSE.PROTOCOL.
 */
export const WS_MAX_PENDING_MESSAGES = 64;

export const STREAM_KINDS = ['board', 'team', 'poker'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

export const ClientMessage = Type.Union([
  Type.Object(
    {
      type: Type.Literal('subscribe'),
      streamId: Id,
      sinceSeq: SeqInput('last seq the client holds; 0 = none'),
    },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('unsubscribe'), streamId: Id }, { additionalProperties: false }),
  /**
   * Follow your own requests in a team (what you raised, proposed or are paired on):
   * the server answers `my_requests` now and again whenever that list changes. The
   * channel for guests, who may not subscribe to board or team streams.
   */
  Type.Object({ type: Type.Literal('watch_requests'), teamId: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('unwatch_requests'), teamId: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('ping'), at: Type.Optional(Type.Number()) }, { additionalProperties: false }),
]);
export type ClientMessage = Type.Static<typeof ClientMessage>;

export interface Viewer {
  userId: string;
  name: string;
}

export const SUBSCRIBE_REJECT_CODES = ['not_found', 'forbidden', 'invalid', 'too_many_subscriptions'] as const;
export type SubscribeRejectCode = (typeof SUBSCRIBE_REJECT_CODES)[number];

/** Server → client. An `event` carries one event of the stream's catalogue (shared/src/events.ts). */
export type ServerMessage =
  | { type: 'hello'; protocol: number; userId: string; instanceId: string }
  | { type: 'subscribed'; streamId: string; seq: number }
  | { type: 'event'; streamId: string; seq: number; event: StreamEvent }
  | { type: 'resync'; streamId: string; reason: 'too_far_behind' | 'ahead_of_server' | 'stream_reset'; seq: number }
  | { type: 'rejected'; streamId: string; code: SubscribeRejectCode; message: string }
  | { type: 'presence'; streamId: string; viewers: Viewer[] }
  | { type: 'notification'; notification: unknown }
  | { type: 'my_requests'; teamId: string; requests: MyRequests }
  | { type: 'my_requests_rejected'; teamId: string; code: SubscribeRejectCode; message: string }
  | { type: 'pong'; at?: number }
  | { type: 'error'; code: string; message: string };

/** Close codes the server uses; clients reconnect on all but AUTH. */
export const WS_CLOSE = {
  /** Authentication failed or the session ended. Do not retry without logging in. */
  AUTH: 4001,
  /** The client fell behind (send buffer over the limit); resubscribe from the last seq. */
  SLOW_CONSUMER: 4008,
  /** Protocol violation (bad message). */
  PROTOCOL: 4002,
  /** The server is shutting down. */
  GOING_AWAY: 1001,
} as const;

/** How far behind (in events) a resubscribing client may be before it must reload the snapshot. */
export const MAX_CATCH_UP_EVENTS = 2000;
