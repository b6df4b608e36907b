/**
 * Live "my requests" for one server instance: the channel a guest follows
 * instead of board and team streams, which they may not see. A socket asks
 * to watch its person's requests in a team; after any commit to any of that
 * team's streams (on any instance: every commit NOTIFYs) the list is worked
 * out again with the same query and access check as the REST route, and sent
 * only when it changed. So the channel carries the person's own items and
 * nothing else, not even the timing of the team's other work.
 */
import { eq } from 'drizzle-orm';
import type { MyRequests, ServerMessage } from '@opsboard/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import { streams } from '../db/schema.js';
import type { Result } from '../http/result.js';
import type { CommitObserver, Peer } from '../realtime/hub.js';

export type LoadRequests = (userId: string, teamId: string) => Promise<Result<MyRequests>>;

interface Watcher {
  peer: Peer;
  /** The last list sent, serialized, so an unchanged list is not sent again. */
  last: string | null;
}

interface TeamWatch {
  watchers: Map<string, Watcher>;
  /** One refresh at a time per team, in order, so a newer list never overtakes an older one. */
  queue: Promise<void>;
  timer: NodeJS.Timeout | null;
}

export interface RequestWatchOptions {
  /** Commits closer together than this make one refresh. */
  debounceMs?: number;
  /** Teams one connection may watch at once. */
  maxPerPeer?: number;
}

export class RequestWatch implements CommitObserver {
  private readonly teams = new Map<string, TeamWatch>();
  /** Which team a stream belongs to (it never changes), for streams seen while someone watched. */
  private readonly streamTeams = new Map<string, string>();
  private readonly debounceMs: number;
  private readonly maxPerPeer: number;

  constructor(
    private readonly database: Database,
    private readonly load: LoadRequests,
    private readonly log: FastifyBaseLogger,
    options: RequestWatchOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 25;
    this.maxPerPeer = options.maxPerPeer ?? 10;
  }

  /** Starts sending the peer's requests in the team: now, and whenever they change. */
  watch(peer: Peer, teamId: string): void {
    const watching = [...this.teams.values()].filter((t) => t.watchers.has(peer.id)).length;
    const team = this.teams.get(teamId) ?? { watchers: new Map(), queue: Promise.resolve(), timer: null };
    if (!team.watchers.has(peer.id) && watching >= this.maxPerPeer) {
      this.reject(peer, teamId, 'invalid', `A connection follows the requests of at most ${this.maxPerPeer} teams.`);
      return;
    }
    this.teams.set(teamId, team);
    // Registered before the first load, so a commit during it is not missed.
    const watcher: Watcher = { peer, last: null };
    team.watchers.set(peer.id, watcher);
    this.enqueue(teamId, team, () => this.refresh(teamId, team, [watcher]));
  }

  unwatch(peerId: string, teamId: string): void {
    const team = this.teams.get(teamId);
    if (!team) return;
    team.watchers.delete(peerId);
    this.forgetIfIdle(teamId, team);
  }

  onPeerGone(peerId: string): void {
    for (const [teamId, team] of [...this.teams]) {
      team.watchers.delete(peerId);
      this.forgetIfIdle(teamId, team);
    }
  }

  onCommit(streamId: string): void {
    if (this.teams.size === 0) return;
    const known = this.streamTeams.get(streamId);
    if (known) return this.schedule(known);
    this.database.db
      .select({ teamId: streams.teamId })
      .from(streams)
      .where(eq(streams.id, streamId))
      .then(
        ([row]) => {
          if (!row) return;
          if (this.streamTeams.size > 10_000) this.streamTeams.clear();
          this.streamTeams.set(streamId, row.teamId);
          this.schedule(row.teamId);
        },
        (err: unknown) => this.log.warn({ err }, 'requests watch: stream lookup failed; the next commit retries'),
      );
  }

  /** NOTIFYs sent while LISTEN was down are gone: look at every watched list again. */
  onResume(): void {
    for (const teamId of this.teams.keys()) this.schedule(teamId);
  }

  stop(): void {
    for (const team of this.teams.values()) if (team.timer) clearTimeout(team.timer);
    this.teams.clear();
  }

  private schedule(teamId: string): void {
    const team = this.teams.get(teamId);
    if (!team || team.timer) return;
    team.timer = setTimeout(() => {
      team.timer = null;
      this.enqueue(teamId, team, () => this.refresh(teamId, team, [...team.watchers.values()]));
    }, this.debounceMs);
  }

  private enqueue(teamId: string, team: TeamWatch, task: () => Promise<void>): void {
    team.queue = team.queue.then(task).catch((err: unknown) => {
      // The lists stay as last sent; the next commit (or reconnect) tries again.
      this.log.warn({ err, teamId }, 'requests watch: refresh failed');
    });
  }

  /** Works the list out once per person and sends it to each of their watching sockets whose copy is out of date. */
  private async refresh(teamId: string, team: TeamWatch, watchers: readonly Watcher[]): Promise<void> {
    const byUser = new Map<string, Watcher[]>();
    for (const w of watchers) byUser.set(w.peer.userId, [...(byUser.get(w.peer.userId) ?? []), w]);
    for (const [userId, list] of byUser) {
      const result = await this.load(userId, teamId);
      for (const w of list) {
        if (team.watchers.get(w.peer.id) !== w) continue; // unwatched meanwhile
        if (!result.ok) {
          // Removed from the team, or a role that no longer follows requests: the channel closes.
          team.watchers.delete(w.peer.id);
          this.reject(w.peer, teamId, result.refusal.code === 'forbidden' ? 'forbidden' : 'not_found', result.refusal.message);
          continue;
        }
        const message = JSON.stringify({ type: 'my_requests', teamId, requests: result.value } satisfies ServerMessage);
        if (message === w.last) continue;
        if (w.peer.send(message)) w.last = message;
      }
    }
    this.forgetIfIdle(teamId, team);
  }

  private reject(peer: Peer, teamId: string, code: 'not_found' | 'forbidden' | 'invalid', message: string): void {
    peer.send(JSON.stringify({ type: 'my_requests_rejected', teamId, code, message } satisfies ServerMessage));
  }

  private forgetIfIdle(teamId: string, team: TeamWatch): void {
    if (team.watchers.size > 0 || this.teams.get(teamId) !== team) return;
    if (team.timer) clearTimeout(team.timer);
    this.teams.delete(teamId);
  }
}
