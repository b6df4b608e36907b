/** Wire shapes of retrospectives (DDTA) and their facts strip. */
import Type from 'typebox';
import { Id, IsoDateTime, Name, Nullable, StringEnum, Title } from './common.js';
import { MAX_VOTES_PER_PERSON, RETRO_PHASES, RETRO_QUADRANTS } from '../domain/retro.js';

export const RETRO_ACTION_BOARDS = ['planned', 'selfservice'] as const;

export const Retro = Type.Object(
  {
    id: Id,
    teamId: Id,
    iterationId: Nullable(Id),
    title: Type.String(),
    phase: StringEnum(RETRO_PHASES),
    facilitatorId: Id,
    anonymous: Type.Boolean({ description: 'authors stay hidden after the reveal' }),
    votesPerPerson: Type.Integer(),
    timerEndsAt: Nullable(IsoDateTime),
    publishedAt: Nullable(IsoDateTime),
    version: Type.Integer(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Retro = Type.Static<typeof Retro>;

export const QuadrantCounts = Type.Object(
  { do: Type.Integer(), dont: Type.Integer(), try: Type.Integer(), avoid: Type.Integer() },
  { additionalProperties: false },
);

export const RetroNote = Type.Object(
  {
    id: Id,
    quadrant: StringEnum(RETRO_QUADRANTS),
    text: Type.String(),
    /** Null when the retro is anonymous and the note is someone else's. */
    authorId: Nullable(Id),
    themeId: Nullable(Id),
    mine: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type RetroNote = Type.Static<typeof RetroNote>;

export const RetroTheme = Type.Object(
  { id: Id, title: Type.String(), votes: Type.Integer(), myVotes: Type.Integer(), createdAt: IsoDateTime },
  { additionalProperties: false },
);
export type RetroTheme = Type.Static<typeof RetroTheme>;

export const RetroAction = Type.Object(
  { id: Id, title: Type.String(), ownerId: Id, themeId: Nullable(Id), cardId: Id, boardId: Id, cardNumber: Type.Integer(), createdAt: IsoDateTime },
  { additionalProperties: false },
);
export type RetroAction = Type.Static<typeof RetroAction>;

export const RetroCheckins = Type.Object(
  {
    count: Type.Integer(),
    moraleAverage: Nullable(Type.Number()),
    /** How many people gave each score, index 0 = score 1. */
    morale: Type.Array(Type.Integer()),
    moods: Type.Array(Type.String()),
    mine: Nullable(Type.Object({ morale: Type.Integer(), mood: Nullable(Type.String()) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

/** A retro as one person sees it: before the reveal, only their own notes and everyone's counts. */
export const RetroView = Type.Object(
  {
    retro: Retro,
    noteCounts: QuadrantCounts,
    notes: Type.Array(RetroNote),
    themes: Type.Array(RetroTheme),
    votesUsed: Type.Integer(),
    votesLeft: Type.Integer(),
    checkins: RetroCheckins,
    actions: Type.Array(RetroAction),
    /** Whether the caller only reads it (a published retro of another team). */
    readOnly: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type RetroView = Type.Static<typeof RetroView>;

export const CreateRetroBody = Type.Object(
  {
    title: Name(200),
    iterationId: Type.Optional(Nullable(Id)),
    anonymous: Type.Optional(Type.Boolean()),
    votesPerPerson: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VOTES_PER_PERSON })),
  },
  { additionalProperties: false },
);
export type CreateRetroBody = Type.Static<typeof CreateRetroBody>;

export const RetroPhaseBody = Type.Object({ phase: StringEnum(RETRO_PHASES) }, { additionalProperties: false });
export const RetroTimerBody = Type.Object({ minutes: Nullable(Type.Integer({ minimum: 1, maximum: 120 })) }, { additionalProperties: false });
export const RetroCheckinBody = Type.Object(
  { morale: Type.Integer({ minimum: 1, maximum: 5 }), mood: Type.Optional(Nullable(Type.String({ maxLength: 24 }))) },
  { additionalProperties: false },
);
export const RetroNoteBody = Type.Object({ quadrant: StringEnum(RETRO_QUADRANTS), text: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const RetroThemeBody = Type.Object({ title: Name(120) }, { additionalProperties: false });
export const RetroGroupBody = Type.Object({ themeId: Nullable(Id) }, { additionalProperties: false });
export const RetroVoteBody = Type.Object({ themeId: Id }, { additionalProperties: false });
export const RetroActionBody = Type.Object(
  { title: Title, ownerId: Id, board: StringEnum(RETRO_ACTION_BOARDS), themeId: Type.Optional(Nullable(Id)) },
  { additionalProperties: false },
);
export type RetroActionBody = Type.Static<typeof RetroActionBody>;

const FactCard = { cardId: Id, title: Type.String(), points: Nullable(Type.Number()) };
export const IterationFacts = Type.Object(
  {
    iterationId: Id,
    name: Type.String(),
    goal: Type.String(),
    goalMet: Nullable(Type.Boolean()),
    committed: Type.Object({ cards: Type.Integer(), points: Type.Number() }, { additionalProperties: false }),
    done: Type.Object({ cards: Type.Integer(), points: Type.Number() }, { additionalProperties: false }),
    scopeAdded: Type.Array(Type.Object({ ...FactCard, at: IsoDateTime }, { additionalProperties: false })),
    carriedOver: Type.Array(Type.Object({ ...FactCard, to: Nullable(Id) }, { additionalProperties: false })),
    wipOverrides: Type.Array(Type.Object({ cardId: Id, title: Type.String(), reason: Type.String(), at: IsoDateTime, actorId: Nullable(Id) }, { additionalProperties: false })),
    interrupts: Type.Object(
      { received: Type.Integer(), share: Nullable(Type.Number()), potwLoad: Type.Array(Type.Object({ userId: Id, count: Type.Integer() }, { additionalProperties: false })) },
      { additionalProperties: false },
    ),
    blocked: Type.Array(Type.Object({ cardId: Id, title: Type.String(), hours: Type.Number(), stillBlocked: Type.Boolean() }, { additionalProperties: false })),
    pairRule: Type.Object({ daysHeld: Type.Integer(), days: Type.Integer() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const PreviousAction = Type.Object(
  { title: Type.String(), ownerId: Id, cardId: Id, cardNumber: Type.Integer(), column: Type.String(), state: StringEnum(['backlog', 'inbox', 'todo', 'doing', 'done', 'archived'] as const) },
  { additionalProperties: false },
);

/** The read-only strip a retro starts from. */
export const RetroFacts = Type.Object(
  {
    /** Null for a retro that stands alone, or an iteration not started yet. */
    iteration: Nullable(IterationFacts),
    previousRetroId: Nullable(Id),
    previousActions: Type.Array(PreviousAction),
  },
  { additionalProperties: false },
);
export type RetroFacts = Type.Static<typeof RetroFacts>;
