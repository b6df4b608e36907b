/**
 * Follows a team's stream: members joining or leaving, boards being added or
 * renamed, features and iterations changing all show up without a reload.
 * Learns the stream's seq first, then loads (members and boards, and the
 * feature and iteration lists), then subscribes from that seq, so nothing
 * between the two is missed (events are upserts, so a repeat is harmless).
 */
import type { Board, Member, TeamEvent, TeamInfo } from '@opsboard/shared';
import { asTeamEvent } from '../realtime/messages';
import type { StreamSource } from '../board/store/board-sync';
import { planningApi } from '../api/planning';
import { applyTeamEvent, teamStateOf, type PlanningLists, type TeamState } from './team-state';

export interface TeamSyncDeps {
  socket: StreamSource;
  /** A page of the team stream's log after `since`; used for the stream's current seq. */
  events(teamId: string, since: number, limit: number): Promise<{ seq: number; events: unknown[] }>;
  load(teamId: string): Promise<{ team: TeamInfo; members: Member[]; boards: Board[] }>;
  /** The team's features and iterations; the REST lists unless a caller brings its own. */
  loadPlanning?(teamId: string): Promise<PlanningLists>;
  onChange(state: TeamState): void;
  onError(error: unknown): void;
  /** Every live event after it is folded in, for views that keep more than the team state (pairs, figures). */
  onEvent?(event: TeamEvent, state: TeamState): void;
  /** The state was (re)loaded from REST, after a start or a resync: views refetch what they derive. */
  onReload?(state: TeamState): void;
}

async function restLists(teamId: string): Promise<PlanningLists> {
  const [features, iterations] = await Promise.all([planningApi.features(teamId), planningApi.iterations(teamId)]);
  return { features: features.map((f) => f.feature), iterations };
}

export class TeamSync {
  private state: TeamState | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  private reloading = false;
  private started = false;

  constructor(
    readonly teamId: string,
    private readonly deps: TeamSyncDeps,
  ) {}

  get current(): TeamState | null {
    return this.state;
  }

  /** Loads, then follows the stream; when the load fails, a later successful `reload` starts following. */
  async start(): Promise<void> {
    this.started = true;
    await this.reload();
    this.follow();
  }

  private follow(): void {
    if (this.stopped || !this.state || this.unsubscribe) return;
    this.unsubscribe = this.deps.socket.subscribe(this.teamId, {
      sinceSeq: () => this.state?.seq ?? null,
      onMessage: (message) => {
        if (this.stopped) return;
        if (message.type === 'resync') void this.reload();
        if (message.type !== 'event' || !this.state || this.reloading) return;
        const event = asTeamEvent(message.event);
        if (!event || event.seq <= this.state.seq) return;
        if (event.seq !== this.state.seq + 1) {
          this.deps.socket.resubscribe(this.teamId);
          return;
        }
        this.state = applyTeamEvent(this.state, event);
        this.deps.onChange(this.state);
        this.deps.onEvent?.(event, this.state);
      },
    });
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
  }

  /** Loads everything again (after an error, or when the server says the stream moved on too far). */
  async reload(): Promise<void> {
    if (this.reloading) return;
    this.reloading = true;
    try {
      const { seq } = await this.deps.events(this.teamId, 0, 1);
      const [{ team, members, boards }, planning] = await Promise.all([this.deps.load(this.teamId), (this.deps.loadPlanning ?? restLists)(this.teamId)]);
      if (this.stopped) return;
      this.state = teamStateOf(team, members, boards, seq, planning);
      this.deps.onChange(this.state);
      this.deps.onReload?.(this.state);
      if (this.unsubscribe) this.deps.socket.resubscribe(this.teamId);
      else if (this.started) queueMicrotask(() => this.follow());
    } catch (error) {
      if (!this.stopped) this.deps.onError(error);
    } finally {
      this.reloading = false;
    }
  }
}
