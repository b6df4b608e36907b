/**
 * One websocket per tab to /api/ws, shared by every stream the page follows
 * (a board, its team). It reconnects with exponential backoff and jitter,
 * re-subscribes every stream from the seq its owner holds, and notices a
 * dead connection with an application-level ping. No DOM: the socket
 * factory, timers and randomness come in, so tests drive it by hand.
 */
import { PROTOCOL_VERSION, WS_CLOSE, type MyRequests, type ServerMessage } from '@opsboard/shared';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { parseServerMessage } from './messages';

/** The part of the browser WebSocket this module uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

/** A timer handle as window.setTimeout returns it. */
export type TimerId = number;

export interface SocketDeps {
  url: string;
  createSocket(url: string): SocketLike;
  setTimeout(fn: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
  random(): number;
  now(): number;
  backoff?: BackoffOptions;
  /** How often to ping, and how long silence may last before the connection counts as dead. */
  pingEveryMs?: number;
  deadAfterMs?: number;
}

export type ConnectionState =
  | { status: 'connecting'; attempt: number }
  | { status: 'live' }
  | { status: 'waiting'; attempt: number; retryAt: number }
  | { status: 'auth-lost' }
  | { status: 'outdated' }
  | { status: 'stopped' };

/** Messages that belong to one stream. */
export type StreamMessage = Extract<ServerMessage, { streamId: string }>;

export interface StreamHandler {
  /** The last seq the owner holds, or null while it has nothing to resume from yet. */
  sinceSeq(): number | null;
  onMessage(message: StreamMessage): void;
}

/** Follows a person's own requests in a team (the guest's live channel). */
export interface RequestsHandler {
  onRequests(requests: MyRequests): void;
  onRejected(message: string): void;
}

const OPEN = 1;

export class RealtimeSocket {
  private socket: SocketLike | null = null;
  /** Several parts of a page may follow one stream (the board and a badge, say): all get every message. */
  private readonly handlers = new Map<string, Set<StreamHandler>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly notificationListeners = new Set<(notification: unknown) => void>();
  private readonly requestWatchers = new Map<string, Set<RequestsHandler>>();
  private current: ConnectionState = { status: 'stopped' };
  private attempt = 0;
  private retryTimer: TimerId | null = null;
  private pingTimer: TimerId | null = null;
  private lastHeard = 0;
  private greeted = false;

  constructor(private readonly deps: SocketDeps) {}

  get state(): ConnectionState {
    return this.current;
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Personal messages (e.g. an interrupt escalated to me), sent to every tab of the person; unparsed, the listener checks the shape. */
  onNotification(listener: (notification: unknown) => void): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  start(): void {
    if (this.current.status !== 'stopped') return;
    this.connect();
  }

  stop(): void {
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      detach(socket);
      socket.close(1000, 'page closed');
    }
    this.setState({ status: 'stopped' });
  }

  /** Skips the remaining backoff (the browser says it is online again, or a person asked). */
  reconnectNow(): void {
    if (this.current.status === 'waiting' || this.current.status === 'auth-lost') {
      if (this.retryTimer) this.deps.clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.connect();
    }
  }

  /** Follows a stream; subscribes at once when connected, and again after every reconnect. */
  subscribe(streamId: string, handler: StreamHandler): () => void {
    const set = this.handlers.get(streamId) ?? new Set<StreamHandler>();
    set.add(handler);
    this.handlers.set(streamId, set);
    this.sendSubscribe(streamId);
    return () => {
      const current = this.handlers.get(streamId);
      if (!current?.delete(handler)) return;
      if (current.size > 0) return;
      this.handlers.delete(streamId);
      this.send({ type: 'unsubscribe', streamId });
    };
  }

  /** Follows the signed-in person's requests in a team: the list now and whenever it changes, again after every reconnect. */
  watchRequests(teamId: string, handler: RequestsHandler): () => void {
    const set = this.requestWatchers.get(teamId) ?? new Set<RequestsHandler>();
    const first = set.size === 0;
    set.add(handler);
    this.requestWatchers.set(teamId, set);
    if (first && this.greeted) this.send({ type: 'watch_requests', teamId });
    return () => {
      const current = this.requestWatchers.get(teamId);
      if (!current?.delete(handler) || current.size > 0) return;
      this.requestWatchers.delete(teamId);
      this.send({ type: 'unwatch_requests', teamId });
    };
  }

  /** Asks the server again for everything after the owner's seq (after a gap, or after reloading a snapshot). */
  resubscribe(streamId: string): void {
    this.sendSubscribe(streamId);
  }

  /**
   * One subscription per stream on the wire, from the oldest seq any follower
   * holds; the others drop what they already have as duplicates.
   */
  private sendSubscribe(streamId: string): void {
    const set = this.handlers.get(streamId);
    if (!set || !this.greeted) return;
    let sinceSeq: number | null = null;
    for (const handler of set) {
      const seq = handler.sinceSeq();
      if (seq !== null && (sinceSeq === null || seq < sinceSeq)) sinceSeq = seq;
    }
    if (sinceSeq === null) return;
    this.send({ type: 'subscribe', streamId, sinceSeq });
  }

  private send(message: object): void {
    if (this.socket && this.socket.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private connect(): void {
    this.clearTimers();
    this.greeted = false;
    this.setState({ status: 'connecting', attempt: this.attempt });
    let socket: SocketLike;
    try {
      socket = this.deps.createSocket(this.deps.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    // Handlers go on before anything else can happen, so no early message is lost.
    socket.onopen = () => {
      this.lastHeard = this.deps.now();
      this.schedulePing();
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.lastHeard = this.deps.now();
      if (typeof ev.data === 'string') this.receive(ev.data);
    };
    socket.onerror = () => undefined; // a close event always follows
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.greeted = false;
      this.clearTimers();
      if (ev.code === WS_CLOSE.AUTH) {
        this.setState({ status: 'auth-lost' });
        return;
      }
      this.scheduleRetry();
    };
  }

  private receive(text: string): void {
    const message = parseServerMessage(text);
    if (!message) return;
    switch (message.type) {
      case 'hello':
        if (message.protocol !== PROTOCOL_VERSION) {
          this.setState({ status: 'outdated' });
          this.socket?.close(1000, 'protocol mismatch');
          return;
        }
        this.greeted = true;
        this.attempt = 0;
        this.setState({ status: 'live' });
        for (const streamId of this.handlers.keys()) this.sendSubscribe(streamId);
        for (const teamId of this.requestWatchers.keys()) this.send({ type: 'watch_requests', teamId });
        return;
      case 'notification':
        for (const listener of this.notificationListeners) listener(message.notification);
        return;
      case 'my_requests':
        for (const handler of [...(this.requestWatchers.get(message.teamId) ?? [])]) handler.onRequests(message.requests);
        return;
      case 'my_requests_rejected':
        for (const handler of [...(this.requestWatchers.get(message.teamId) ?? [])]) handler.onRejected(message.message);
        return;
      case 'pong':
      case 'error':
        return;
      case 'subscribed':
      case 'event':
      case 'resync':
      case 'rejected':
      case 'presence':
        for (const handler of [...(this.handlers.get(message.streamId) ?? [])]) handler.onMessage(message);
        return;
    }
  }

  private scheduleRetry(): void {
    if (this.current.status === 'outdated') return;
    const delay = backoffDelay(this.attempt, this.deps.random(), this.deps.backoff ?? DEFAULT_BACKOFF);
    const attempt = this.attempt;
    this.attempt += 1;
    this.setState({ status: 'waiting', attempt, retryAt: this.deps.now() + delay });
    this.retryTimer = this.deps.setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private schedulePing(): void {
    const every = this.deps.pingEveryMs ?? 20_000;
    const deadAfter = this.deps.deadAfterMs ?? 45_000;
    this.pingTimer = this.deps.setTimeout(() => {
      this.pingTimer = null;
      const socket = this.socket;
      if (!socket) return;
      if (this.deps.now() - this.lastHeard > deadAfter) {
        // Silence this long means the path is dead even if TCP has not noticed: start over.
        detach(socket);
        this.socket = null;
        socket.close(4000, 'no answer');
        this.scheduleRetry();
        return;
      }
      this.send({ type: 'ping', at: this.deps.now() });
      this.schedulePing();
    }, every);
  }

  private clearTimers(): void {
    if (this.retryTimer) this.deps.clearTimeout(this.retryTimer);
    if (this.pingTimer) this.deps.clearTimeout(this.pingTimer);
    this.retryTimer = null;
    this.pingTimer = null;
  }

  private setState(state: ConnectionState): void {
    this.current = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

function detach(socket: SocketLike): void {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onclose = null;
  socket.onerror = null;
}
