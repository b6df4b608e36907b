/**
 * The team around a board, kept live from the team stream: members (names for
 * avatars and pickers), boards (the switcher), features and iterations (names
 * on cards, choices in the card panel).
 */
import { byRank, type Board, type Feature, type Iteration, type Member, type TeamEvent, type TeamInfo } from '@opsboard/shared';

export interface TeamState {
  team: TeamInfo;
  members: ReadonlyMap<string, Member>;
  /** Live boards in the team's order. */
  boards: readonly Board[];
  features: ReadonlyMap<string, Feature>;
  iterations: ReadonlyMap<string, Iteration>;
  seq: number;
}

/** Features and iterations as the list routes return them. */
export interface PlanningLists {
  features: readonly Feature[];
  iterations: readonly Iteration[];
}

export function teamStateOf(team: TeamInfo, members: readonly Member[], boards: readonly Board[], seq: number, planning?: PlanningLists): TeamState {
  return {
    team,
    members: new Map(members.map((m) => [m.userId, m])),
    boards: [...boards].filter((b) => b.archivedAt === null).sort(byRank),
    features: new Map(planning?.features.map((f) => [f.id, f]) ?? []),
    iterations: new Map(planning?.iterations.map((i) => [i.id, i]) ?? []),
    seq,
  };
}

/** Iterations oldest first (by start date), as the list route orders them. */
export function iterationsInOrder(state: TeamState): Iteration[] {
  return [...state.iterations.values()].sort((a, b) => (a.startDate === b.startDate ? a.createdAt.localeCompare(b.createdAt) : a.startDate.localeCompare(b.startDate)));
}

function upsertBoard(boards: readonly Board[], board: Board): Board[] {
  const rest = boards.filter((b) => b.id !== board.id);
  return (board.archivedAt === null ? [...rest, board] : rest).sort(byRank);
}

function withEntry<T>(map: ReadonlyMap<string, T>, id: string, value: T): Map<string, T> {
  const next = new Map(map);
  next.set(id, value);
  return next;
}

/** Folds one team event in; the caller keeps seq order like the board store does. */
export function applyTeamEvent(state: TeamState, event: TeamEvent): TeamState {
  const next = { ...state, seq: Math.max(state.seq, event.seq) };
  switch (event.type) {
    case 'team.updated':
      return { ...next, team: event.payload.team };
    case 'member.added':
    case 'member.updated':
      return { ...next, members: withEntry(state.members, event.payload.member.userId, event.payload.member) };
    case 'member.removed': {
      const members = new Map(state.members);
      members.delete(event.payload.userId);
      return { ...next, members };
    }
    case 'board.created':
    case 'board.changed':
    case 'board.archived':
    case 'board.restored':
      return { ...next, boards: upsertBoard(state.boards, event.payload.board) };
    case 'feature.created':
    case 'feature.updated':
      return { ...next, features: withEntry(state.features, event.payload.feature.id, event.payload.feature) };
    case 'iteration.created':
    case 'iteration.updated':
    case 'iteration.started':
    case 'iteration.closed':
      return { ...next, iterations: withEntry(state.iterations, event.payload.iteration.id, event.payload.iteration) };
    case 'invitation.sent':
    case 'invitation.withdrawn':
    case 'invitation.accepted':
    case 'webhook.created':
    case 'webhook.revoked':
    case 'deployment.recorded':
    case 'kpi.created':
    case 'kpi.updated':
    case 'kpi.deleted':
    case 'kpi.recorded':
    case 'poker.deck_saved':
    case 'feature.pairs_set':
    case 'rotation.updated':
    case 'rotation.override_added':
    case 'rotation.override_removed':
    case 'handoff.updated':
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
      // Invitations, webhooks, pairs, the rotation, the technology catalogue, standups, saved filters, retros, postmortems, templates and recurring cards have their own views; the board keeps only the seq.
      return next;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** Feature and iteration events: the ones planning pages refresh their figures on. */
export function isPlanningEvent(event: TeamEvent): boolean {
  return event.type.startsWith('feature.') || event.type.startsWith('iteration.');
}
