/** Wire shapes of planning poker sessions. */
import Type from 'typebox';
import { DECK_KINDS, DECK_LABEL_MAX } from '../domain/poker.js';
import { Id, IsoDateTime, Name, Nullable, StringEnum } from './common.js';
import { CARD_TYPES } from './entities.js';

export const POKER_ITEM_STATUSES = ['queued', 'skipped', 'accepted'] as const;
export const POKER_ROUND_STATUSES = ['voting', 'revealed'] as const;
export const POKER_PARTICIPANT_ROLES = ['voter', 'viewer'] as const;
export type PokerParticipantRoleName = (typeof POKER_PARTICIPANT_ROLES)[number];

const Strict = { additionalProperties: false } as const;

export const DeckLabel = Type.String({ minLength: 1, maxLength: DECK_LABEL_MAX });
export const DeckCardSchema = Type.Object({ label: DeckLabel, points: Nullable(Type.Number({ minimum: 0, maximum: 1000 })) }, Strict);
export const PokerVoteValue = Type.Object({ userId: Id, value: Type.String() }, Strict);

export const RevealStatsSchema = Type.Object(
  {
    numericVotes: Type.Integer(),
    unsure: Type.Integer(),
    coffee: Type.Integer(),
    min: Nullable(Type.Number()),
    max: Nullable(Type.Number()),
    spread: Nullable(Type.Number()),
    median: Nullable(Type.Number()),
    agreement: StringEnum(['consensus', 'near', 'split', 'none'] as const),
    consensus: Type.Boolean(),
    highest: Type.Array(Id),
    lowest: Type.Array(Id),
    suggested: Nullable(Type.String()),
  },
  Strict,
);

/** A revealed round: every vote and what the reveal showed. */
export const PokerRoundRecord = Type.Object({ id: Id, number: Type.Integer(), revealedAt: Nullable(IsoDateTime), votes: Type.Array(PokerVoteValue), stats: RevealStatsSchema }, Strict);
export type PokerRoundRecord = Type.Static<typeof PokerRoundRecord>;

export const PokerItem = Type.Object(
  {
    id: Id,
    cardId: Id,
    number: Type.Integer(),
    title: Type.String(),
    type: StringEnum(CARD_TYPES),
    /** The card's points now. */
    points: Nullable(Type.Number()),
    position: Type.Integer(),
    status: StringEnum(POKER_ITEM_STATUSES),
    finalValue: Nullable(Type.String()),
    finalPoints: Nullable(Type.Number()),
    acceptedAt: Nullable(IsoDateTime),
    /** Revealed rounds, oldest first (a round still voting is not here). */
    rounds: Type.Array(PokerRoundRecord),
  },
  Strict,
);
export type PokerItem = Type.Static<typeof PokerItem>;

/**
 * The round being voted or just revealed. Before the reveal it says who has
 * voted and, to the caller only, their own vote: never anyone else's value.
 */
export const PokerCurrentRound = Type.Object(
  {
    id: Id,
    itemId: Id,
    number: Type.Integer(),
    status: StringEnum(POKER_ROUND_STATUSES),
    voted: Type.Array(Id),
    myVote: Nullable(Type.String()),
    votes: Nullable(Type.Array(PokerVoteValue)),
    stats: Nullable(RevealStatsSchema),
  },
  Strict,
);
export type PokerCurrentRound = Type.Static<typeof PokerCurrentRound>;

export const PokerParticipant = Type.Object({ userId: Id, name: Type.String(), role: StringEnum(POKER_PARTICIPANT_ROLES), joinedAt: IsoDateTime }, Strict);
export type PokerParticipant = Type.Static<typeof PokerParticipant>;

export const PokerSession = Type.Object(
  {
    id: Id,
    teamId: Id,
    name: Type.String(),
    status: StringEnum(['open', 'closed'] as const),
    deckKind: StringEnum(DECK_KINDS),
    deck: Type.Array(DeckCardSchema),
    facilitatorId: Id,
    createdAt: IsoDateTime,
    closedAt: Nullable(IsoDateTime),
    /** The stream to subscribe to for live changes (the session's id) and its seq when this was read. */
    seq: Type.Integer(),
    participants: Type.Array(PokerParticipant),
    items: Type.Array(PokerItem),
    currentItemId: Nullable(Id),
    round: Nullable(PokerCurrentRound),
  },
  Strict,
);
export type PokerSession = Type.Static<typeof PokerSession>;

export const PokerSessionSummary = Type.Object(
  {
    id: Id,
    name: Type.String(),
    status: StringEnum(['open', 'closed'] as const),
    deckKind: StringEnum(DECK_KINDS),
    facilitatorId: Id,
    createdAt: IsoDateTime,
    closedAt: Nullable(IsoDateTime),
    cards: Type.Integer(),
    accepted: Type.Integer(),
  },
  Strict,
);
export type PokerSessionSummary = Type.Static<typeof PokerSessionSummary>;

export const OpenPokerBody = Type.Object(
  {
    name: Type.Optional(Name(120)),
    deck: StringEnum(DECK_KINDS),
    /** Only with deck "custom": 2 to 20 cards; "?" and coffee are added. Left out, the team's saved deck is used. */
    customDeck: Type.Optional(Type.Array(DeckCardSchema, { maxItems: 20 })),
    cardIds: Type.Array(Id, { maxItems: 100 }),
  },
  Strict,
);
export type OpenPokerBody = Type.Static<typeof OpenPokerBody>;

/** The team's saved custom deck (deck "custom" uses it unless a session names its own); null: none saved. */
export const TeamPokerDeck = Type.Object({ cards: Nullable(Type.Array(DeckCardSchema)) }, Strict);
export type TeamPokerDeck = Type.Static<typeof TeamPokerDeck>;
export const SaveTeamPokerDeckBody = Type.Object({ cards: Type.Array(DeckCardSchema, { maxItems: 20 }) }, Strict);
export type SaveTeamPokerDeckBody = Type.Static<typeof SaveTeamPokerDeckBody>;

export const QueuePokerCardsBody = Type.Object({ cardIds: Type.Array(Id, { minItems: 1, maxItems: 100 }) }, Strict);
export const JoinPokerBody = Type.Object({ role: Type.Optional(StringEnum(POKER_PARTICIPANT_ROLES)) }, Strict);
export const PokerVoteBody = Type.Object({ value: DeckLabel }, Strict);
export const PokerAcceptBody = Type.Object({ value: DeckLabel }, Strict);
export const PokerFacilitatorBody = Type.Object({ userId: Id }, Strict);

/** One card's estimation in one session, for the card's poker history. */
export const CardPokerHistory = Type.Object(
  {
    sessionId: Id,
    sessionName: Type.String(),
    createdAt: IsoDateTime,
    status: StringEnum(POKER_ITEM_STATUSES),
    finalValue: Nullable(Type.String()),
    finalPoints: Nullable(Type.Number()),
    rounds: Type.Array(PokerRoundRecord),
  },
  Strict,
);
export type CardPokerHistory = Type.Static<typeof CardPokerHistory>;

/** An already-estimated card of similar size and kind, shown next to the card being estimated. */
export const PokerReference = Type.Object(
  {
    cardId: Id,
    number: Type.Integer(),
    title: Type.String(),
    type: StringEnum(CARD_TYPES),
    points: Type.Number(),
    /** Days from first entering a doing column to entering done; null when not finished. */
    cycleTimeDays: Nullable(Type.Number()),
    doneAt: Nullable(IsoDateTime),
  },
  Strict,
);
export type PokerReference = Type.Static<typeof PokerReference>;
