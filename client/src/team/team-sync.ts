/**
 * Follows a team's stream for the board page: members joining or leaving and
 * boards being added or renamed show up without a reload. Learns the
 * stream's seq first, then loads, then subscribes from that seq, so nothing
 * between the two is missed (events are upserts, so a repeat is harmless).
 * Features and iterations come from the team's event log, folded up to that seq.
 */
import type { Board, Member, TeamEvent, TeamInfo } from '@opsboard/shared';
import { asTeamEvent } from '../realtime/messages';
import type { StreamSource } from '../board/store/board-sync';
import { applyTeamEvent, isPlanningEvent, teamStateOf, type TeamState } from './team-state';

export interface TeamSyncDeps {
  socket: StreamSource;
  /** A page of the team stream's log after `since` (also tells the stream's current seq). */
  events(teamId: string, since: number, limit: number): Promise<{ seq: number; events: unknown[] }>;
  load(teamId: string): Promise<{ team: TeamInfo; members: Member[]; boards: Board[] }>;
  onChange(state: TeamState): void;
  onError(error: unknown): void;
}

export class TeamSync {
  private state: TeamState | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  private reloading = false;

  constructor(
    readonly teamId: string,
    private readonly deps: TeamSyncDeps,
  ) {}

  async start(): Promise<void> {
    await this.reload();
    if (this.stopped || !this.state) return;
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
      },
    });
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
  }

  /** Feature and iteration events up to `seq`, read page by page (team streams are short). */
  private async planningLog(seq: number): Promise<TeamEvent[]> {
    const out: TeamEvent[] = [];
    for (let since = 0, pages = 0; since < seq && pages < 20; pages++) {
      const page = await this.deps.events(this.teamId, since, 1000);
      if (page.events.length === 0) break;
      for (const raw of page.events) {
        const event = asTeamEvent(raw);
        if (event && event.seq <= seq && isPlanningEvent(event)) out.push(event);
        if (event) since = Math.max(since, event.seq);
      }
    }
    return out;
  }

  private async reload(): Promise<void> {
    if (this.reloading) return;
    this.reloading = true;
    try {
      const { seq } = await this.deps.events(this.teamId, 0, 1);
      const [{ team, members, boards }, planning] = await Promise.all([this.deps.load(this.teamId), this.planningLog(seq)]);
      if (this.stopped) return;
      this.state = planning.reduce(applyTeamEvent, teamStateOf(team, members, boards, seq));
      this.deps.onChange(this.state);
      if (this.unsubscribe) this.deps.socket.resubscribe(this.teamId);
    } catch (error) {
      if (!this.stopped) this.deps.onError(error);
    } finally {
      this.reloading = false;
    }
  }
}
