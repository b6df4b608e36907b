import { randomUUID } from 'node:crypto';
import { Compile } from 'typebox/compile';
import { ClientMessage, PROTOCOL_VERSION, WS_CLOSE, WS_MAX_PENDING_MESSAGES, type ServerMessage } from '@opsboard/shared';
import type { RawData, WebSocket } from 'ws';
import { originAllowed } from '../auth/plugin.js';
import { credentialOf } from '../auth/service.js';
import type { AppDeps } from '../context.js';
import { errorBody } from '../http/errors.js';
import type { App } from '../http/types.js';
import type { Peer, RealtimeHub } from './hub.js';

const checkMessage = Compile(ClientMessage);

export interface WsOptions {
  /** Close a client whose unsent data passes this many bytes; it resumes from its last seq. */
  maxBufferedBytes?: number;
  /** Ping interval; a client that misses one pong is dropped. */
  heartbeatMs?: number;
}

/** The websocket endpoint: authenticated like any API route, origin-checked, heartbeated, back-pressured. */
/** Follows a person's own requests in a team for a socket (the guest's channel, guests/watch.ts); the app wires it in. */
export interface RequestsChannel {
  watch(peer: Peer, teamId: string): void;
  unwatch(peerId: string, teamId: string): void;
}

export function websocketRoute(app: App, deps: AppDeps, hub: RealtimeHub, requests: RequestsChannel, opts: WsOptions = {}): void {
  const maxBuffered = opts.maxBufferedBytes ?? 1 << 20;
  const heartbeatMs = opts.heartbeatMs ?? 30_000;

  app.get(
    '/api/ws',
    {
      websocket: true,
      schema: { tags: ['realtime'], summary: 'Websocket: subscribe to board and team streams (see shared/src/protocol.ts)', hide: false },
      preValidation: async (request, reply) => {
        // A plain GET (no upgrade) gets the one error shape, not the plugin's empty 404.
        if (!request.ws) {
          return reply.code(426).header('upgrade', 'websocket').send(errorBody('upgrade_required', 'This endpoint speaks the websocket protocol; open it with an Upgrade: websocket request.'));
        }
        // Browsers send Origin on websocket handshakes; a foreign one would ride on the session cookie.
        if (!originAllowed(request, deps.config.allowedOrigins)) {
          return reply.code(403).send(errorBody('origin_not_allowed', 'Websocket connections from this origin are not allowed.'));
        }
      },
    },
    (socket: WebSocket, request) => {
      const auth = request.auth!;
      const id = randomUUID();
      let alive = true;
      let closed = false;

      const peer: Peer = {
        id,
        userId: auth.user.id,
        userName: auth.user.name,
        credential: credentialOf(auth),
        send(data) {
          if (closed || socket.readyState !== socket.OPEN) return false;
          if (socket.bufferedAmount > maxBuffered) {
            // A stalled client must not grow our memory: stop sending at once, say why
            // (it reconnects and resumes from its seq), and cut it off if it never reads that either.
            closed = true;
            hub.removePeer(id);
            socket.close(WS_CLOSE.SLOW_CONSUMER, 'slow consumer');
            setTimeout(() => socket.terminate(), 5_000).unref();
            return false;
          }
          // Text frames either way; a shared Buffer skips re-encoding the message per socket.
          socket.send(data, { binary: false });
          return true;
        },
        close(code, reason) {
          socket.close(code, reason);
        },
      };
      const reply = (m: ServerMessage) => peer.send(JSON.stringify(m));

      /** One message, applied to completion before the next starts (a subscribe's catch-up included). */
      const apply = async (raw: RawData, isBinary: boolean): Promise<void> => {
        if (isBinary) return void socket.close(WS_CLOSE.PROTOCOL, 'binary messages are not supported');
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw.toString());
        } catch {
          return void socket.close(WS_CLOSE.PROTOCOL, 'messages must be JSON');
        }
        if (!checkMessage.Check(parsed)) {
          const first = checkMessage.Errors(parsed)[0];
          reply({ type: 'error', code: 'validation_failed', message: `message${first?.instancePath ?? ''} ${first?.message ?? 'is invalid'}` });
          return;
        }
        const msg = parsed;
        switch (msg.type) {
          case 'subscribe':
            try {
              await hub.subscribe(id, msg.streamId, msg.sinceSeq);
            } catch (err) {
              request.log.warn({ err }, 'subscribe failed');
              reply({ type: 'error', code: 'unavailable', message: 'Could not subscribe right now; retrying is safe.' });
            }
            return;
          case 'unsubscribe':
            hub.unsubscribe(id, msg.streamId);
            return;
          case 'watch_requests':
            requests.watch(peer, msg.teamId);
            return;
          case 'unwatch_requests':
            requests.unwatch(id, msg.teamId);
            return;
          case 'ping':
            reply(msg.at === undefined ? { type: 'pong' } : { type: 'pong', at: msg.at });
            return;
        }
      };

      // A connection's messages apply strictly in order: an unsubscribe sent right after a
      // subscribe waits for it, instead of overtaking it while it awaits the database.
      let inbox = Promise.resolve();
      let pending = 0;
      // Listeners go on before anything async, so no early message is lost.
      socket.on('message', (raw, isBinary) => {
        if (closed) return;
        if (++pending > WS_MAX_PENDING_MESSAGES) {
          closed = true;
          hub.removePeer(id);
          return socket.close(WS_CLOSE.PROTOCOL, 'too many messages in flight');
        }
        inbox = inbox
          .then(() => (closed ? undefined : apply(raw, isBinary)))
          .catch((err: unknown) => request.log.warn({ err }, 'websocket message failed'))
          .finally(() => {
            pending--;
          });
      });
      socket.on('pong', () => {
        alive = true;
      });
      const heartbeat = setInterval(() => {
        if (!alive) return socket.terminate();
        alive = false;
        socket.ping();
      }, heartbeatMs);
      socket.on('close', () => {
        closed = true;
        clearInterval(heartbeat);
        hub.removePeer(id);
      });
      socket.on('error', (err) => request.log.debug({ err }, 'websocket error'));

      hub.addPeer(peer);
      reply({ type: 'hello', protocol: PROTOCOL_VERSION, userId: auth.user.id, instanceId: deps.instanceId });
    },
  );
}
