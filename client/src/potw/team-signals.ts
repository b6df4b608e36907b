/**
 * Follows a team's stream only to learn that something changed (the rotation,
 * the hand-off, the members, the admin lists), so the views reload that piece over REST.
 * Nothing is folded here, so a missed event costs one reload, never a wrong
 * view: any doubt about order (a gap, a resync, a replay that ends past us)
 * becomes `onStale`, which reloads everything.
 */
import type { TeamEventType } from '@opsboard/shared';
import type { StreamSource } from '../board/store/board-sync';
import { asTeamEvent } from '../realtime/messages';

export interface TeamSignalsDeps {
  socket: StreamSource;
  /** The stream's current seq (the events endpoint tells it). */
  currentSeq(teamId: string): Promise<number>;
  onEvent(type: TeamEventType): void;
  /** Something may have been missed: reload every piece. */
  onStale(): void;
}

export class TeamSignals {
  private seq: number | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(
    readonly teamId: string,
    private readonly deps: TeamSignalsDeps,
  ) {}

  async start(): Promise<void> {
    try {
      this.seq = await this.deps.currentSeq(this.teamId);
    } catch {
      // Without a seq to resume from, follow from now: the pages loaded their data just now anyway.
      this.seq = 0;
    }
    if (this.stopped) return;
    this.unsubscribe = this.deps.socket.subscribe(this.teamId, {
      sinceSeq: () => this.seq,
      onMessage: (message) => {
        if (this.stopped || this.seq === null) return;
        switch (message.type) {
          case 'event': {
            const event = asTeamEvent(message.event);
            if (!event || event.seq <= this.seq) return;
            const gap = event.seq !== this.seq + 1;
            this.seq = event.seq;
            if (gap) this.deps.onStale();
            else this.deps.onEvent(event.type);
            return;
          }
          case 'subscribed':
            if (message.seq > this.seq) {
              this.seq = message.seq;
              this.deps.onStale();
            }
            return;
          case 'resync':
            // Too far behind (or the stream was reset): carry on from where the server is.
            this.seq = message.seq;
            this.deps.onStale();
            this.deps.socket.resubscribe(this.teamId);
            return;
          case 'presence':
          case 'rejected':
            return;
        }
      },
    });
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}

export const TEAM_TOPICS = ['rotation', 'handoff', 'members', 'invitations', 'webhooks', 'technologies'] as const;
export type TeamTopic = (typeof TEAM_TOPICS)[number];

/** Which views a team event invalidates. */
export function topicsOf(type: TeamEventType): readonly TeamTopic[] {
  switch (type) {
    case 'rotation.updated':
    case 'rotation.override_added':
    case 'rotation.override_removed':
      return ['rotation', 'handoff'];
    case 'handoff.updated':
      return ['handoff'];
    case 'member.added':
    case 'member.updated':
      return ['members'];
    case 'invitation.sent':
    case 'invitation.withdrawn':
    case 'invitation.accepted':
      // An accepted invitation is followed by its member.added.
      return ['invitations'];
    case 'webhook.created':
    case 'webhook.revoked':
      return ['webhooks'];
    case 'technology.created':
    case 'technology.updated':
    case 'technology.archived':
    case 'technology.restored':
    case 'technology.rule_added':
    case 'technology.rule_removed':
    case 'assessment.opened':
    case 'assessment.scored':
    case 'assessment.revealed':
    case 'assessment.settled':
    case 'card.technologies_set':
      return ['technologies'];
    case 'member.removed':
      // A member leaving drops out of the rotation too (the server appends a version).
      return ['members', 'rotation', 'handoff'];
    case 'team.updated':
    case 'board.created':
    case 'board.changed':
    case 'board.archived':
    case 'board.restored':
    case 'feature.created':
    case 'feature.updated':
    case 'feature.pairs_set':
    case 'iteration.created':
    case 'iteration.updated':
    case 'iteration.started':
    case 'iteration.closed':
    case 'standup.started':
    case 'standup.focused':
    case 'standup.finished':
    case 'saved_filter.saved':
    case 'saved_filter.deleted':
    case 'retro.created':
    case 'retro.changed':
    case 'postmortem.created':
    case 'postmortem.changed':
    case 'template.created':
    case 'template.updated':
    case 'template.deleted':
    case 'recurrence.created':
    case 'recurrence.deleted':
    case 'deployment.recorded':
    case 'kpi.created':
    case 'kpi.updated':
    case 'kpi.deleted':
    case 'kpi.recorded':
    case 'poker.deck_saved':
      return [];
  }
}
