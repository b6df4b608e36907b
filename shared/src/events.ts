import Type, { type TProperties, type TSchema } from 'typebox';
import { Id, IsoDate, IsoDateTime, Nullable, Rank, StringEnum } from './schema/common.js';
import { Board, Card, Column, Lane, Member, TeamInfo, WIP_POLICIES } from './schema/entities.js';
import { Handoff, Interrupt, RotationSettings, TRIAGE_ACTIONS } from './schema/potw.js';
import { Feature, Iteration, Pair, StartConfirmation } from './schema/planning.js';
import { AssessmentSummary, PersonScores, Technology, TechnologyRule } from './schema/tech.js';
import { Standup, StandupFocus } from './schema/standup.js';
import { Comment, REACTIONS } from './schema/conversation.js';
import { SavedFilter } from './schema/api/search.js';
import { QuadrantCounts, Retro } from './schema/retro.js';
import { DECK_KINDS } from './domain/poker.js';
import { DeckCardSchema, POKER_PARTICIPANT_ROLES } from './schema/poker.js';
import { CardTemplate, Recurrence } from './schema/templates.js';

/** An event payload: exactly these fields, so a stray one is a catalogue mismatch rather than silent extra data. */
const Fact = <P extends TProperties>(properties: P) => Type.Object(properties, { additionalProperties: false });

/** A field-by-field record of what an update changed, for history views. */
const Changes = Type.Record(Type.String(), Fact({ from: Type.Unknown(), to: Type.Unknown() }));

const Placement = Type.Object(
  { columnId: Id, laneId: Nullable(Id), rank: Rank },
  { additionalProperties: false },
);

/**
 * The event catalogue of a board stream. Each event is a fact (past tense)
 * and carries the entity's full state after the change, so folding events
 * into a snapshot is an upsert and never depends on earlier payloads.
 */
export const BoardEventPayloads = {
  'board.updated': Fact({ board: Board, changes: Changes }),
  'column.created': Fact({ column: Column }),
  'column.updated': Fact({ column: Column, changes: Changes }),
  'column.wip_limit_changed': Fact({
    column: Column,
    from: Fact({ wipLimit: Nullable(Type.Integer()), wipPolicy: StringEnum(WIP_POLICIES) }),
    to: Fact({ wipLimit: Nullable(Type.Integer()), wipPolicy: StringEnum(WIP_POLICIES) }),
  }),
  'column.moved': Fact({ column: Column }),
  'column.archived': Fact({ column: Column }),
  'column.restored': Fact({ column: Column }),
  'lane.created': Fact({ lane: Lane }),
  'lane.updated': Fact({ lane: Lane, changes: Changes }),
  'lane.moved': Fact({ lane: Lane }),
  'lane.archived': Fact({ lane: Lane }),
  'lane.restored': Fact({ lane: Lane }),
  'card.created': Fact({ card: Card, overrideReason: Nullable(Type.String()) }),
  'card.updated': Fact({ card: Card, changes: Changes }),
  'card.moved': Fact({
    card: Card,
    from: Placement,
    to: Placement,
    overrideReason: Nullable(Type.String()),
  }),
  'card.archived': Fact({ card: Card }),
  'card.restored': Fact({ card: Card, overrideReason: Nullable(Type.String()) }),
  'card.moved_out': Fact({ cardId: Id, toBoardId: Id }),
  'card.moved_in': Fact({ card: Card, fromBoardId: Id, overrideReason: Nullable(Type.String()), interrupt: Nullable(Interrupt) }),
  'cards.reranked': Fact({
    columnId: Id,
    ranks: Type.Array(Fact({ cardId: Id, rank: Rank })),
  }),
  /** An interrupt arrived (UI, webhook or Alertmanager); the card itself comes in `card.created`. */
  'interrupt.received': Fact({ interrupt: Interrupt }),
  /** The source sent it again (deduplicated): count and last-seen changed. */
  'interrupt.repeated': Fact({ interrupt: Interrupt }),
  'interrupt.resolved_by_source': Fact({ interrupt: Interrupt }),
  'interrupt.triaged': Fact({ interrupt: Interrupt, action: StringEnum(TRIAGE_ACTIONS), note: Nullable(Type.String()) }),
  /**
   * Nobody triaged a critical interrupt in the team's ack timeout: it escalated on its own to
   * `userIds` (level 1: the next person in the rotation; 2: the admins). The system's act (no actor).
   */
  'interrupt.unacknowledged': Fact({ interrupt: Interrupt, level: Type.Integer({ minimum: 1, maximum: 2 }), userIds: Type.Array(Id) }),
  /** A comment on a card (subject: the card); the card itself is unchanged. */
  'comment.created': Fact({ comment: Comment }),
  'comment.edited': Fact({ comment: Comment, previousBody: Type.String() }),
  'comment.deleted': Fact({ commentId: Id, cardId: Id, authorId: Nullable(Id) }),
  /** Someone added (`added`) or took back a reaction; `comment` carries every reaction after the change. */
  'comment.reacted': Fact({ comment: Comment, emoji: StringEnum(REACTIONS), userId: Id, added: Type.Boolean() }),
} as const satisfies Record<string, TSchema>;

export const RETRO_CHANGES = ['phase', 'timer', 'checkin', 'note', 'theme', 'grouping', 'vote', 'action', 'published'] as const;

/** The event catalogue of a team stream: facts that span the team's boards. */
export const TeamEventPayloads = {
  'team.updated': Fact({ team: TeamInfo, changes: Changes }),
  'member.added': Fact({ member: Member }),
  'member.updated': Fact({ member: Member, changes: Changes }),
  'member.removed': Fact({ userId: Id }),
  /*
   * Invitations and webhook secrets are listed to admins only, while every member reads
   * the team stream: these facts carry ids, never addresses or secrets, and tell an
   * admin's open page to reload that list.
   */
  /** Invited (or invited again, with a new role) by e-mail; no account has that address yet. */
  'invitation.sent': Fact({ invitationId: Id }),
  'invitation.withdrawn': Fact({ invitationId: Id }),
  /** Someone signed up with the invited address and joined (a `member.added` follows). */
  'invitation.accepted': Fact({ invitationId: Id, userId: Id }),
  'webhook.created': Fact({ webhookId: Id }),
  'webhook.revoked': Fact({ webhookId: Id }),
  /** CI reported a deployment through a deployment webhook (DORA); metrics views reload. */
  'deployment.recorded': Fact({ deploymentId: Id }),
  /** KPIs on the metrics page changed; metrics views reload the KPI table. */
  'kpi.created': Fact({ kpiId: Id }),
  'kpi.updated': Fact({ kpiId: Id }),
  'kpi.deleted': Fact({ kpiId: Id }),
  'kpi.recorded': Fact({ kpiId: Id, week: IsoDate }),
  /** The team's saved planning poker deck changed (null: cleared); the poker page's deck picker follows. */
  'poker.deck_saved': Fact({ cards: Nullable(Type.Array(DeckCardSchema)) }),
  'board.created': Fact({ board: Board }),
  'board.changed': Fact({ board: Board, changes: Changes }),
  'board.archived': Fact({ board: Board }),
  'board.restored': Fact({ board: Board }),
  'rotation.updated': Fact({ settings: RotationSettings }),
  'rotation.override_added': Fact({ overrideId: Id, userId: Id, start: IsoDateTime, end: IsoDateTime }),
  'rotation.override_removed': Fact({ overrideId: Id }),
  'handoff.updated': Fact({ handoff: Handoff }),
  'feature.created': Fact({ feature: Feature }),
  'feature.updated': Fact({ feature: Feature, changes: Changes }),
  'feature.pairs_set': Fact({ featureId: Id, iterationId: Id, pairs: Type.Array(Pair) }),
  'iteration.created': Fact({ iteration: Iteration }),
  'iteration.updated': Fact({ iteration: Iteration, changes: Changes }),
  /** Started: the commitment (cards and points) is snapshotted; `confirmation` records a start over capacity or outside the dates. */
  'iteration.started': Fact({
    iteration: Iteration,
    committed: Type.Array(Fact({ cardId: Id, points: Nullable(Type.Number()), title: Type.String() })),
    confirmation: Nullable(StartConfirmation),
  }),
  /** Closed: finished cards count towards velocity; the rest carried over (to another iteration or the backlog). */
  'iteration.closed': Fact({ iteration: Iteration, finished: Type.Array(Id), carriedOver: Type.Array(Fact({ cardId: Id, to: Nullable(Id) })) }),
  'technology.created': Fact({ technology: Technology }),
  'technology.updated': Fact({ technology: Technology, changes: Changes }),
  'technology.archived': Fact({ technology: Technology }),
  'technology.restored': Fact({ technology: Technology }),
  'technology.rule_added': Fact({ rule: TechnologyRule }),
  'technology.rule_removed': Fact({ ruleId: Id, technologyId: Id }),
  /** An assessment opened, or someone scored it: who scored, never what, until the reveal. */
  'assessment.opened': Fact({ assessment: AssessmentSummary }),
  'assessment.scored': Fact({ assessment: AssessmentSummary }),
  /** Revealed: everyone's scores and notes, for the team to settle on one set. */
  'assessment.revealed': Fact({ assessment: AssessmentSummary, revealed: Type.Array(PersonScores) }),
  'assessment.settled': Fact({ assessment: AssessmentSummary, technology: Technology }),
  /** Which technologies a card or interrupt concerns (set by a person, or by an Alertmanager label rule). */
  'card.technologies_set': Fact({ cardId: Id, technologyIds: Type.Array(Id), origin: StringEnum(['rule', 'person'] as const) }),
  /** A standup began; its facilitator leads the walk. */
  'standup.started': Fact({ standup: Standup }),
  /** The facilitator moved on (or paused): followers' views go where it points. */
  'standup.focused': Fact({ standupId: Id, focus: StandupFocus }),
  /** Finished and recorded: duration and who spoke for how long. */
  'standup.finished': Fact({ standup: Standup }),
  /** A team-wide saved board filter was created or changed (personal filters are private and emit nothing). */
  'saved_filter.saved': Fact({ filter: SavedFilter }),
  'saved_filter.deleted': Fact({ filterId: Id }),
  /** A retrospective was opened. */
  'retro.created': Fact({ retro: Retro }),
  /**
   * Something in a retro changed; open retro pages reload their own view. Never carries note
   * text (before the reveal only the author may read a note): counts per quadrant only.
   */
  'retro.changed': Fact({ retro: Retro, what: StringEnum(RETRO_CHANGES), noteCounts: QuadrantCounts }),
  /** A postmortem was opened for a card, or changed (open pages reload it). */
  'postmortem.created': Fact({ postmortemId: Id, cardId: Id }),
  'postmortem.changed': Fact({ postmortemId: Id, cardId: Id, what: StringEnum(['edited', 'action', 'published'] as const) }),
  'template.created': Fact({ template: CardTemplate }),
  'template.updated': Fact({ template: CardTemplate, changes: Changes }),
  'template.deleted': Fact({ templateId: Id }),
  'recurrence.created': Fact({ recurrence: Recurrence }),
  'recurrence.deleted': Fact({ recurrenceId: Id }),
} as const satisfies Record<string, TSchema>;

/**
 * The event catalogue of a planning poker session's stream (its id is the session's).
 * Before a reveal no event carries a vote's value: `poker.voted` says who voted, only
 * `poker.revealed` carries the values, and then to everyone.
 */
export const PokerEventPayloads = {
  'poker.opened': Fact({ sessionId: Id, name: Type.String(), deckKind: StringEnum(DECK_KINDS), facilitatorId: Id }),
  'poker.cards_queued': Fact({ items: Type.Array(Fact({ itemId: Id, cardId: Id })) }),
  'poker.joined': Fact({ userId: Id, role: StringEnum(POKER_PARTICIPANT_ROLES) }),
  'poker.round_started': Fact({ itemId: Id, cardId: Id, roundId: Id, number: Type.Integer() }),
  'poker.voted': Fact({ roundId: Id, userId: Id }),
  'poker.revealed': Fact({ itemId: Id, roundId: Id, votes: Type.Array(Fact({ userId: Id, value: Type.String() })) }),
  'poker.accepted': Fact({ itemId: Id, cardId: Id, value: Type.String(), points: Type.Number() }),
  'poker.skipped': Fact({ itemId: Id, cardId: Id }),
  'poker.facilitator_changed': Fact({ from: Id, to: Id }),
  'poker.closed': Fact({ sessionId: Id }),
} as const satisfies Record<string, TSchema>;

export type PokerEventType = keyof typeof PokerEventPayloads;
type PokerPayloadOf<K extends PokerEventType> = Type.Static<(typeof PokerEventPayloads)[K]>;
export type PokerEvent = {
  [K in PokerEventType]: EventEnvelope & { type: K; payload: PokerPayloadOf<K> };
}[PokerEventType];
export type NewPokerEvent = { [K in PokerEventType]: { type: K; payload: PokerPayloadOf<K>; subjectId: string | null } }[PokerEventType];

export type TeamEventType = keyof typeof TeamEventPayloads;
type TeamPayloadOf<K extends TeamEventType> = Type.Static<(typeof TeamEventPayloads)[K]>;
export type TeamEvent = {
  [K in TeamEventType]: EventEnvelope & { type: K; payload: TeamPayloadOf<K> };
}[TeamEventType];
export type NewTeamEvent = { [K in TeamEventType]: { type: K; payload: TeamPayloadOf<K>; subjectId: string | null } }[TeamEventType];

/** Any event of any stream. */
export type StreamEvent = BoardEvent | TeamEvent | PokerEvent;

export type BoardEventType = keyof typeof BoardEventPayloads;
export const BOARD_EVENT_TYPES = Object.keys(BoardEventPayloads) as BoardEventType[];

type PayloadOf<K extends BoardEventType> = Type.Static<(typeof BoardEventPayloads)[K]>;

/** The envelope every stored event has. */
export interface EventEnvelope {
  streamId: string;
  seq: number;
  actorId: string | null;
  clientMutationId: string | null;
  at: string;
}

export type BoardEvent = {
  [K in BoardEventType]: EventEnvelope & { type: K; payload: PayloadOf<K> };
}[BoardEventType];

export type BoardEventOf<K extends BoardEventType> = Extract<BoardEvent, { type: K }>;

/** An event as it is about to be appended: the stream assigns seq and time. */
export type NewBoardEvent = { [K in BoardEventType]: { type: K; payload: PayloadOf<K>; subjectId: string | null } }[BoardEventType];

export const EventEnvelopeSchema = Type.Object({
  streamId: Id,
  seq: Type.Integer(),
  type: Type.String(),
  payload: Type.Unknown(),
  actorId: Nullable(Id),
  clientMutationId: Nullable(Type.String()),
  at: IsoDateTime,
}, { additionalProperties: false });
