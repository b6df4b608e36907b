import Type, { type TSchema } from 'typebox';
import { Id, IsoDateTime, Nullable, Rank } from './schema/common.js';
import { Board, Card, Column, Lane, Member, TeamInfo } from './schema/entities.js';
import { Handoff, Interrupt, RotationSettings } from './schema/potw.js';
import { Feature, Iteration, Pair, StartConfirmation } from './schema/planning.js';

/** A field-by-field record of what an update changed, for history views. */
const Changes = Type.Record(Type.String(), Type.Object({ from: Type.Unknown(), to: Type.Unknown() }));

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
  'board.updated': Type.Object({ board: Board, changes: Changes }),
  'column.created': Type.Object({ column: Column }),
  'column.updated': Type.Object({ column: Column, changes: Changes }),
  'column.wip_limit_changed': Type.Object({
    column: Column,
    from: Type.Object({ wipLimit: Nullable(Type.Integer()), wipPolicy: Type.String() }),
    to: Type.Object({ wipLimit: Nullable(Type.Integer()), wipPolicy: Type.String() }),
  }),
  'column.moved': Type.Object({ column: Column }),
  'column.archived': Type.Object({ column: Column }),
  'column.restored': Type.Object({ column: Column }),
  'lane.created': Type.Object({ lane: Lane }),
  'lane.updated': Type.Object({ lane: Lane, changes: Changes }),
  'lane.moved': Type.Object({ lane: Lane }),
  'lane.archived': Type.Object({ lane: Lane }),
  'lane.restored': Type.Object({ lane: Lane }),
  'card.created': Type.Object({ card: Card, overrideReason: Nullable(Type.String()) }),
  'card.updated': Type.Object({ card: Card, changes: Changes }),
  'card.moved': Type.Object({
    card: Card,
    from: Placement,
    to: Placement,
    overrideReason: Nullable(Type.String()),
  }),
  'card.archived': Type.Object({ card: Card }),
  'card.restored': Type.Object({ card: Card, overrideReason: Nullable(Type.String()) }),
  'card.moved_out': Type.Object({ cardId: Id, toBoardId: Id }),
  'card.moved_in': Type.Object({ card: Card, fromBoardId: Id, overrideReason: Nullable(Type.String()), interrupt: Nullable(Interrupt) }),
  'cards.reranked': Type.Object({
    columnId: Id,
    ranks: Type.Array(Type.Object({ cardId: Id, rank: Rank })),
  }),
  /** An interrupt arrived (UI, webhook or Alertmanager); the card itself comes in `card.created`. */
  'interrupt.received': Type.Object({ interrupt: Interrupt }),
  /** The source sent it again (deduplicated): count and last-seen changed. */
  'interrupt.repeated': Type.Object({ interrupt: Interrupt }),
  'interrupt.resolved_by_source': Type.Object({ interrupt: Interrupt }),
  'interrupt.triaged': Type.Object({ interrupt: Interrupt, action: Type.String(), note: Nullable(Type.String()) }),
} as const satisfies Record<string, TSchema>;

/** The event catalogue of a team stream: facts that span the team's boards. */
export const TeamEventPayloads = {
  'team.updated': Type.Object({ team: TeamInfo, changes: Changes }),
  'member.added': Type.Object({ member: Member }),
  'member.updated': Type.Object({ member: Member, changes: Changes }),
  'member.removed': Type.Object({ userId: Id }),
  'board.created': Type.Object({ board: Board }),
  'board.changed': Type.Object({ board: Board, changes: Changes }),
  'board.archived': Type.Object({ board: Board }),
  'board.restored': Type.Object({ board: Board }),
  'rotation.updated': Type.Object({ settings: RotationSettings }),
  'rotation.override_added': Type.Object({ overrideId: Id, userId: Id, start: Type.String(), end: Type.String() }),
  'rotation.override_removed': Type.Object({ overrideId: Id }),
  'handoff.updated': Type.Object({ handoff: Handoff }),
  'feature.created': Type.Object({ feature: Feature }),
  'feature.updated': Type.Object({ feature: Feature, changes: Changes }),
  'feature.pairs_set': Type.Object({ featureId: Id, iterationId: Id, pairs: Type.Array(Pair) }),
  'iteration.created': Type.Object({ iteration: Iteration }),
  'iteration.updated': Type.Object({ iteration: Iteration, changes: Changes }),
  /** Started: the commitment (cards and points) is snapshotted; `confirmation` records a start over capacity or outside the dates. */
  'iteration.started': Type.Object({
    iteration: Iteration,
    committed: Type.Array(Type.Object({ cardId: Id, points: Nullable(Type.Number()), title: Type.String() })),
    confirmation: Nullable(StartConfirmation),
  }),
  /** Closed: finished cards count towards velocity; the rest carried over (to another iteration or the backlog). */
  'iteration.closed': Type.Object({ iteration: Iteration, finished: Type.Array(Id), carriedOver: Type.Array(Type.Object({ cardId: Id, to: Nullable(Id) })) }),
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
});
