/**
 * Live sync for one server instance. Committed events reach this hub two
 * ways: directly from this instance's own commits (`publish`), and through
 * Postgres NOTIFY for every commit anywhere (`streamId:seq`). Either way the
 * hub delivers each stream's events to its local subscribers strictly in seq
 * order, reading any gap from the event log, so no subscriber ever sees a
 * gap, a duplicate or a reordering. Nothing here is needed for correctness
 * across restarts: a reconnecting client names its last seq and catches up.
 */
import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { can, MAX_CATCH_UP_EVENTS, WS_CLOSE, WS_MAX_SUBSCRIPTIONS, type Role, type ServerMessage, type Viewer } from '@opsboard/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, NotifyListener } from '../db/database.js';
import { presence, streams, teamMembers, users } from '../db/schema.js';
import { getNotification } from '../notifications/service.js';
import type { StoredEvent } from '../events/append.js';
import { readEvents } from '../events/read.js';
import { ACCESS_CHANNEL, EVENTS_CHANNEL, PRESENCE_CHANNEL, USER_CHANNEL } from '../events/channels.js';

/** What the hub needs from a socket; the websocket route adapts `ws` to it, tests use fakes. */
export interface Peer {
  readonly id: string;
  readonly userId: string;
  readonly userName: string;
  /** `session:<id>` or `token:<hash>`: the credential the connection was opened with; it closes when that ends. */
  readonly credential: string;
  /** Sends one serialized message (a UTF-8 buffer is encoded once for all peers); false when the peer is gone or was dropped for falling behind. */
  send(data: string | Buffer): boolean;
  close(code: number, reason: string): void;
}

interface Subscription {
  peer: Peer;
  /** Highest seq sent to this peer on this stream. */
  sent: number;
  live: boolean;
}

interface StreamState {
  id: string;
  teamId: string;
  /** Highest seq delivered to the live subscribers. */
  delivered: number;
  subs: Map<string, Subscription>;
  queue: Promise<void>;
  presenceTimer: NodeJS.Timeout | null;
}

/** Something else that follows commits to every stream (not only subscribed ones) and this instance's connections. */
export interface CommitObserver {
  /** A commit appended events to this stream (on any instance). */
  onCommit(streamId: string): void;
  /** The LISTEN connection is back: commits may have been missed meanwhile. */
  onResume(): void;
  onPeerGone(peerId: string): void;
}

export interface HubOptions {
  /** How far behind a subscriber may be before it is told to reload the snapshot. */
  maxCatchUp?: number;
  /** How often to compare delivered seqs with the log, as a safety net under NOTIFY. */
  reconcileMs?: number;
  /** How often this instance refreshes its presence rows; rows older than 3x this are ignored. */
  presenceRefreshMs?: number;
  /** How often open connections' credentials are checked again (expiry, and revocations a LISTEN outage hid). */
  accessCheckMs?: number;
}

/** What the hub asks of authentication, passed in so realtime does not depend on the auth module. */
export interface AccessHooks {
  /** Told about ended sessions and tokens (key) and about reconnects (null: forget everything). */
  ended(key: string | null): void;
  /** Which of these credentials would still authenticate a request now. */
  stillValid(credentials: readonly string[]): Promise<Set<string>>;
}

export class RealtimeHub {
  private readonly streams = new Map<string, StreamState>();
  /** Seqs this instance committed and is about to publish itself: their NOTIFY needs no read-back. */
  private readonly localPending = new Map<string, Set<number>>();
  private readonly peers = new Map<string, { peer: Peer; streams: Set<string> }>();
  private listener: NotifyListener | null = null;
  private timers: NodeJS.Timeout[] = [];
  private readonly maxCatchUp: number;
  private readonly reconcileMs: number;
  private readonly presenceRefreshMs: number;
  private readonly accessCheckMs: number;
  private stopped = false;
  private readonly observers: CommitObserver[] = [];

  constructor(
    private readonly database: Database,
    private readonly instanceId: string,
    private readonly log: FastifyBaseLogger,
    options: HubOptions = {},
    private readonly access: AccessHooks = { ended: () => undefined, stillValid: async (credentials) => new Set(credentials) },
  ) {
    this.maxCatchUp = options.maxCatchUp ?? MAX_CATCH_UP_EVENTS;
    this.reconcileMs = options.reconcileMs ?? 5_000;
    this.presenceRefreshMs = options.presenceRefreshMs ?? 20_000;
    this.accessCheckMs = options.accessCheckMs ?? 60_000;
  }

  async start(): Promise<void> {
    this.listener = await this.database.listen({
      channels: [EVENTS_CHANNEL, ACCESS_CHANNEL, PRESENCE_CHANNEL, USER_CHANNEL],
      onNotify: (n) => this.onNotify(n.channel, n.payload),
      // After every (re)connect: NOTIFYs sent while we were away are gone, so re-read the log,
      // forget cached credentials and check open connections' ones (a revocation may have been missed).
      onReady: () => {
        this.access.ended(null);
        this.reconcile();
        void this.checkAccess();
        for (const o of this.observers) o.onResume();
      },
      onError: (err) => this.log.warn({ err }, 'LISTEN connection lost; reconnecting'),
    });
    this.timers.push(setInterval(() => this.reconcile(), this.reconcileMs).unref());
    this.timers.push(setInterval(() => void this.refreshPresence(), this.presenceRefreshMs).unref());
    this.timers.push(setInterval(() => void this.checkAccess(), this.accessCheckMs).unref());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    for (const s of this.streams.values()) if (s.presenceTimer) clearTimeout(s.presenceTimer);
    // The database may already be gone at shutdown; nothing here must throw.
    await this.listener?.close().catch(() => undefined);
    await this.database.db.delete(presence).where(eq(presence.instanceId, this.instanceId)).catch(() => undefined);
  }

  observe(observer: CommitObserver): void {
    this.observers.push(observer);
  }

  /** Number of local connections, for health and benchmarks. */
  get connectionCount(): number {
    return this.peers.size;
  }

  // ---- inbound: commits ------------------------------------------------------------------------

  /** Called just before COMMIT with the events this instance will publish itself. */
  expectLocal(events: readonly StoredEvent[]): void {
    for (const e of events) {
      const set = this.localPending.get(e.streamId) ?? new Set<number>();
      set.add(e.seq);
      this.localPending.set(e.streamId, set);
    }
  }

  /** The commit did not happen (or its publish is done): stop waiting for those events. */
  forgetLocal(events: readonly StoredEvent[]): void {
    for (const e of events) {
      const set = this.localPending.get(e.streamId);
      if (!set) continue;
      set.delete(e.seq);
      if (set.size === 0) this.localPending.delete(e.streamId);
    }
  }

  /** Events this instance just committed; delivered at once, without waiting for NOTIFY. */
  publish(committed: readonly StoredEvent[]): void {
    this.forgetLocal(committed);
    const byStream = new Map<string, StoredEvent[]>();
    for (const e of committed) {
      const list = byStream.get(e.streamId) ?? [];
      list.push(e);
      byStream.set(e.streamId, list);
    }
    for (const [streamId, list] of byStream) {
      const stream = this.streams.get(streamId);
      if (!stream) continue;
      this.enqueue(stream, () => this.deliverUpTo(stream, list.at(-1)!.seq, list));
    }
  }

  private onNotify(channel: string, payload: string): void {
    if (channel === EVENTS_CHANNEL) {
      const [streamId, seqText] = payload.split(':');
      if (streamId) for (const o of this.observers) o.onCommit(streamId);
      const stream = streamId ? this.streams.get(streamId) : undefined;
      const seq = Number(seqText);
      if (!stream || !Number.isInteger(seq) || seq <= stream.delivered) return;
      // Our own commit: the publish that follows carries the events, no need to read them back.
      if (streamId && this.localPending.get(streamId)?.has(seq)) return;
      this.enqueue(stream, () => this.deliverUpTo(stream, seq, []));
    } else if (channel === ACCESS_CHANNEL) {
      this.onAccessChange(payload);
    } else if (channel === PRESENCE_CHANNEL) {
      const stream = this.streams.get(payload);
      if (stream) this.schedulePresence(stream);
    } else if (channel === USER_CHANNEL) {
      void this.pushNotification(payload);
    }
  }

  /** Sends a stored notification to the person's connections on this instance. */
  private async pushNotification(payload: string): Promise<void> {
    const [userId, notificationId] = payload.split(':');
    const peers = [...this.peers.values()].filter((p) => p.peer.userId === userId).map((p) => p.peer);
    if (peers.length === 0 || !notificationId) return;
    try {
      const notification = await getNotification(this.database.db, notificationId);
      if (!notification) return;
      const message = JSON.stringify({ type: 'notification', notification } satisfies ServerMessage);
      for (const peer of peers) peer.send(message);
    } catch (err) {
      this.log.warn({ err }, 'notification push failed; it stays in the list');
    }
  }

  /** Re-reads the log for every stream with local subscribers and delivers anything missed. */
  reconcile(): void {
    if (this.stopped || this.streams.size === 0) return;
    const ids = [...this.streams.keys()];
    this.database.db
      .select({ id: streams.id, lastSeq: streams.lastSeq })
      .from(streams)
      .where(inArray(streams.id, ids))
      .then(
        (rows) => {
          for (const row of rows) {
            const stream = this.streams.get(row.id);
            if (stream && row.lastSeq > stream.delivered) this.enqueue(stream, () => this.deliverUpTo(stream, row.lastSeq, []));
          }
        },
        (err: unknown) => this.log.warn({ err }, 'reconcile failed; will retry'),
      );
  }

  /** Runs a task after the stream's earlier ones; the promise settles with the task (the queue itself never rejects). */
  private enqueue(stream: StreamState, task: () => Promise<void>): Promise<void> {
    const run = stream.queue.then(task);
    stream.queue = run.catch((err: unknown) => {
      // Delivery stays where it was; the next notify or reconcile retries from there.
      this.log.warn({ err, streamId: stream.id }, 'event delivery failed');
    });
    return run;
  }

  private async deliverUpTo(stream: StreamState, target: number, known: readonly StoredEvent[]): Promise<void> {
    if (target <= stream.delivered) return;
    let batch: StoredEvent[];
    const first = known[0];
    if (first && first.seq <= stream.delivered + 1 && known.at(-1)!.seq === target) {
      batch = known.filter((e) => e.seq > stream.delivered);
    } else {
      batch = await readEvents(this.database, stream.id, stream.delivered, target);
    }
    for (const event of batch) {
      if (event.seq !== stream.delivered + 1) break; // never skip a number
      const message = Buffer.from(JSON.stringify({ type: 'event', streamId: stream.id, seq: event.seq, event } satisfies ServerMessage));
      for (const sub of stream.subs.values()) {
        if (sub.live && sub.sent === event.seq - 1) {
          if (sub.peer.send(message)) sub.sent = event.seq;
        }
      }
      stream.delivered = event.seq;
      this.afterEvent(stream, event);
    }
  }

  /** Side effects of team-stream facts on live subscriptions. */
  private afterEvent(stream: StreamState, event: StoredEvent): void {
    if (event.type === 'member.removed') this.revokeTeamAccess(stream.teamId, event.payload.userId);
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  addPeer(peer: Peer): void {
    this.peers.set(peer.id, { peer, streams: new Set() });
  }

  removePeer(peerId: string): void {
    const entry = this.peers.get(peerId);
    if (!entry) return;
    this.peers.delete(peerId);
    for (const streamId of entry.streams) this.dropSubscription(streamId, peerId);
    for (const o of this.observers) o.onPeerGone(peerId);
  }

  /**
   * Subscribes a peer from `sinceSeq`: checks access, sends what it missed in
   * order (or tells it to reload when too far behind), then goes live. Settles
   * once the subscription is live, refused or dropped, so a connection that
   * applies its messages in order never has an unsubscribe overtake it.
   */
  async subscribe(peerId: string, streamId: string, sinceSeq: number): Promise<void> {
    const entry = this.peers.get(peerId);
    if (!entry) return;
    const peer = entry.peer;
    if (!entry.streams.has(streamId) && entry.streams.size >= WS_MAX_SUBSCRIPTIONS) {
      const message = `A connection follows at most ${WS_MAX_SUBSCRIPTIONS} streams; unsubscribe from one first.`;
      peer.send(JSON.stringify({ type: 'rejected', streamId, code: 'too_many_subscriptions', message } satisfies ServerMessage));
      return;
    }
    const [row] = await this.database.db
      .select({ teamId: streams.teamId, lastSeq: streams.lastSeq, role: teamMembers.role })
      .from(streams)
      .leftJoin(teamMembers, and(eq(teamMembers.teamId, streams.teamId), eq(teamMembers.userId, peer.userId)))
      .where(eq(streams.id, streamId));
    if (!row || !can(row.role as Role | null, 'read')) {
      // A guest is in the team but sees none of its streams (only their own requests, through watch_requests).
      const rejection =
        row?.role === 'guest'
          ? ({ type: 'rejected', streamId, code: 'forbidden', message: 'Guests follow their own requests only; board and team streams are for members.' } as const)
          : ({ type: 'rejected', streamId, code: 'not_found', message: 'No such board or team, or you are not a member.' } as const);
      peer.send(JSON.stringify(rejection satisfies ServerMessage));
      return;
    }
    if (!this.peers.has(peerId)) return; // closed while we looked
    if (entry.streams.has(streamId)) this.dropSubscription(streamId, peerId);

    let stream = this.streams.get(streamId);
    if (!stream) {
      stream = { id: streamId, teamId: row.teamId, delivered: row.lastSeq, subs: new Map(), queue: Promise.resolve(), presenceTimer: null };
      this.streams.set(streamId, stream);
    }
    const sub: Subscription = { peer, sent: sinceSeq, live: false };
    stream.subs.set(peerId, sub);
    entry.streams.add(streamId);
    const s = stream;
    // Every await below may see the subscription end (unsubscribe, close, removal): nothing more is sent then.
    const current = () => s.subs.get(peerId) === sub;
    try {
      await this.enqueue(s, async () => {
        if (!current()) return;
        if (sinceSeq > s.delivered) {
          peer.send(JSON.stringify({ type: 'resync', streamId, reason: 'ahead_of_server', seq: s.delivered } satisfies ServerMessage));
          this.dropSubscription(streamId, peerId);
          return;
        }
        if (s.delivered - sinceSeq > this.maxCatchUp) {
          peer.send(JSON.stringify({ type: 'resync', streamId, reason: 'too_far_behind', seq: s.delivered } satisfies ServerMessage));
          this.dropSubscription(streamId, peerId);
          return;
        }
        const missed = await readEvents(this.database, streamId, sinceSeq, s.delivered);
        if (!current()) return;
        for (const event of missed) {
          if (event.seq !== sub.sent + 1) break;
          if (!peer.send(JSON.stringify({ type: 'event', streamId, seq: event.seq, event } satisfies ServerMessage))) return;
          sub.sent = event.seq;
        }
        if (sub.sent !== s.delivered) {
          // The log had a hole we cannot fill (should not happen): make the client reload.
          peer.send(JSON.stringify({ type: 'resync', streamId, reason: 'stream_reset', seq: s.delivered } satisfies ServerMessage));
          this.dropSubscription(streamId, peerId);
          return;
        }
        sub.live = true;
        peer.send(JSON.stringify({ type: 'subscribed', streamId, seq: sub.sent } satisfies ServerMessage));
        try {
          // Presence leaves run on this same queue, so a join here is never undone by a leave that ran first.
          await this.joinPresence(s, peer);
          // Commits that landed while this stream had no state here were not kept: look once more.
          const latest = await readLastSeq(this.database, streamId);
          if (latest > s.delivered) void this.enqueue(s, () => this.deliverUpTo(s, latest, []));
        } catch (err) {
          // The subscription is live; presence ages in with the next refresh, reconcile covers the rest.
          this.log.warn({ err, streamId }, 'presence join or catch-up check failed after subscribing');
        }
      });
    } catch (err) {
      // A subscription that cannot catch up is no subscription: the client is told and may retry.
      if (current()) this.dropSubscription(streamId, peerId);
      throw err;
    }
  }

  unsubscribe(peerId: string, streamId: string): void {
    this.peers.get(peerId)?.streams.delete(streamId);
    this.dropSubscription(streamId, peerId);
  }

  private dropSubscription(streamId: string, peerId: string): void {
    const stream = this.streams.get(streamId);
    if (!stream) return;
    const sub = stream.subs.get(peerId);
    if (!sub) return;
    stream.subs.delete(peerId);
    this.peers.get(peerId)?.streams.delete(streamId);
    // Queued behind any subscribe task in flight (and its presence join); the state stays until
    // then, so a quick resubscribe lands on this queue too, after the leave.
    void this.enqueue(stream, async () => {
      await this.leavePresence(stream, peerId);
      if (stream.subs.size === 0 && this.streams.get(streamId) === stream) {
        if (stream.presenceTimer) clearTimeout(stream.presenceTimer);
        this.streams.delete(streamId);
      }
    });
  }

  // ---- access changes --------------------------------------------------------------------------

  private onAccessChange(payload: string): void {
    const [kind, a, b] = payload.split(':');
    if (kind === 'member' && a && b) this.revokeTeamAccess(a, b);
    if ((kind === 'session' || kind === 'token') && a) {
      this.access.ended(payload);
      this.closeConnections(new Set([payload]));
    }
  }

  /** Closes every local connection opened with one of these credentials (logout, revocation, expiry). */
  private closeConnections(credentials: ReadonlySet<string>): void {
    for (const { peer } of [...this.peers.values()]) {
      if (!credentials.has(peer.credential)) continue;
      this.removePeer(peer.id);
      peer.close(WS_CLOSE.AUTH, peer.credential.startsWith('token:') ? 'API token ended' : 'session ended');
    }
  }

  /**
   * Checks the credentials of open connections again: ones that expired, or
   * whose revocation this instance missed while its LISTEN connection was
   * down, are closed. A failed check closes nothing; the next one retries.
   */
  async checkAccess(): Promise<void> {
    const credentials = [...new Set([...this.peers.values()].map((p) => p.peer.credential))];
    if (this.stopped || credentials.length === 0) return;
    try {
      const valid = await this.access.stillValid(credentials);
      this.closeConnections(new Set(credentials.filter((c) => !valid.has(c))));
    } catch (err) {
      this.log.warn({ err }, 'credential check of open connections failed; will retry');
    }
  }

  /** A removed member loses every live subscription to the team's streams at once. */
  private revokeTeamAccess(teamId: string, userId: string): void {
    for (const stream of [...this.streams.values()]) {
      if (stream.teamId !== teamId) continue;
      for (const [peerId, sub] of [...stream.subs]) {
        if (sub.peer.userId !== userId) continue;
        sub.peer.send(JSON.stringify({ type: 'rejected', streamId: stream.id, code: 'forbidden', message: 'You no longer have access to this team’s boards (removed, or your role changed).' } satisfies ServerMessage));
        this.dropSubscription(stream.id, peerId);
      }
    }
  }

  // ---- presence --------------------------------------------------------------------------------

  private async joinPresence(stream: StreamState, peer: Peer): Promise<void> {
    await this.database.db
      .insert(presence)
      .values({ connectionId: peer.id, streamId: stream.id, userId: peer.userId, instanceId: this.instanceId, seenAt: new Date().toISOString() })
      .onConflictDoUpdate({ target: [presence.connectionId, presence.streamId], set: { seenAt: new Date().toISOString() } });
    await this.announcePresence(stream.id);
  }

  private async leavePresence(stream: StreamState, peerId: string): Promise<void> {
    try {
      await this.database.db.delete(presence).where(and(eq(presence.connectionId, peerId), eq(presence.streamId, stream.id)));
      await this.announcePresence(stream.id);
    } catch (err) {
      this.log.warn({ err }, 'presence cleanup failed; the row will age out');
    }
  }

  private async announcePresence(streamId: string): Promise<void> {
    // Every instance (this one included, through LISTEN) re-reads and broadcasts.
    await this.database.db.execute(sql`SELECT pg_notify(${PRESENCE_CHANNEL}, ${streamId})`);
    const stream = this.streams.get(streamId);
    if (stream) this.schedulePresence(stream);
  }

  private schedulePresence(stream: StreamState): void {
    if (stream.presenceTimer) return;
    stream.presenceTimer = setTimeout(() => {
      stream.presenceTimer = null;
      void this.broadcastPresence(stream);
    }, 25);
  }

  private async broadcastPresence(stream: StreamState): Promise<void> {
    try {
      const viewers = await this.viewers(stream.id);
      const message = JSON.stringify({ type: 'presence', streamId: stream.id, viewers } satisfies ServerMessage);
      for (const sub of stream.subs.values()) if (sub.live) sub.peer.send(message);
    } catch (err) {
      this.log.warn({ err }, 'presence broadcast failed');
    }
  }

  /** Distinct people viewing a stream on any instance, ignoring rows of instances that stopped refreshing. */
  async viewers(streamId: string): Promise<Viewer[]> {
    const cutoff = new Date(Date.now() - this.presenceRefreshMs * 3).toISOString();
    const rows = await this.database.db
      .selectDistinct({ userId: presence.userId, name: users.name })
      .from(presence)
      .innerJoin(users, eq(users.id, presence.userId))
      .where(and(eq(presence.streamId, streamId), gt(presence.seenAt, cutoff)))
      .orderBy(asc(users.name), asc(presence.userId));
    return rows;
  }

  private async refreshPresence(): Promise<void> {
    try {
      await this.database.db.update(presence).set({ seenAt: new Date().toISOString() }).where(eq(presence.instanceId, this.instanceId));
      const stale = new Date(Date.now() - this.presenceRefreshMs * 6).toISOString();
      await this.database.db.delete(presence).where(lte(presence.seenAt, stale));
    } catch (err) {
      this.log.warn({ err }, 'presence refresh failed');
    }
  }
}

async function readLastSeq(database: Database, streamId: string): Promise<number> {
  const [row] = await database.db.select({ lastSeq: streams.lastSeq }).from(streams).where(eq(streams.id, streamId));
  return row?.lastSeq ?? 0;
}
