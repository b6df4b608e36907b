import Type, { type TProperties, type TSchema } from 'typebox';
import { Id, IsoDateTime, Nullable, Rank, StringEnum } from './schema/common.js';
import { Board, Card, Column, Lane, Member, TeamInfo, WIP_POLICIES } from './schema/entities.js';
import { Handoff, Interrupt, RotationSettings, TRIAGE_ACTIONS } from './schema/potw.js';
import { Feature, Iteration, Pair, StartConfirmation } from './schema/planning.js';

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
} as const satisfies Record<string, TSchema>;

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
} as const satisfies Record<string, TSchema>;

export type TeamEventType = keyof typeof TeamEventPayloads;
type TeamPayloadOf<K extends TeamEventType> = Type.Static<(typeof TeamEventPayloads)[K]>;
export type TeamEvent = {
  [K in TeamEventType]: EventEnvelope & { type: K; payload: TeamPayloadOf<K> };
}[TeamEventType];
export type NewTeamEvent = { [K in TeamEventType]: { type: K; payload: TeamPayloadOf<K>; subjectId: string | null } }[TeamEventType];

/** Any event of any stream. */
export type StreamEvent = BoardEvent | TeamEvent;

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
