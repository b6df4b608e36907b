/** Wire shapes of blameless postmortems. */
import Type from 'typebox';
import { Id, IsoDateTime, Nullable, StringEnum, Title, Version } from './common.js';
import { TIMELINE_KINDS } from '../domain/postmortem.js';
import { RETRO_ACTION_BOARDS } from './retro.js';

export const TimelineEntrySchema = Type.Object({ at: IsoDateTime, kind: StringEnum(TIMELINE_KINDS), text: Type.String({ maxLength: 1000 }) }, { additionalProperties: false });

const Text = Type.String({ maxLength: 20_000 });

export const Postmortem = Type.Object(
  {
    id: Id,
    teamId: Id,
    cardId: Id,
    title: Type.String(),
    summary: Type.String(),
    impact: Type.String(),
    timeline: Type.Array(TimelineEntrySchema),
    contributingFactors: Type.String(),
    wentWell: Type.String(),
    firingAt: Nullable(IsoDateTime),
    resolvedAt: Nullable(IsoDateTime),
    /** Alert firing to resolution, for MTTR. */
    timeToResolveSeconds: Nullable(Type.Integer()),
    actions: Type.Array(Type.Object({ id: Id, title: Type.String(), ownerId: Id, cardId: Id, boardId: Id, cardNumber: Type.Integer() }, { additionalProperties: false })),
    publishedAt: Nullable(IsoDateTime),
    readOnly: Type.Boolean(),
    version: Type.Integer(),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Postmortem = Type.Static<typeof Postmortem>;

export const UpdatePostmortemBody = Type.Object(
  {
    version: Version('the version the edit is based on'),
    title: Type.Optional(Title),
    summary: Type.Optional(Text),
    impact: Type.Optional(Text),
    timeline: Type.Optional(Type.Array(TimelineEntrySchema, { maxItems: 200 })),
    contributingFactors: Type.Optional(Text),
    wentWell: Type.Optional(Text),
    resolvedAt: Type.Optional(Nullable(IsoDateTime)),
  },
  { additionalProperties: false, minProperties: 2 },
);
export type UpdatePostmortemBody = Type.Static<typeof UpdatePostmortemBody>;

export const PostmortemActionBody = Type.Object({ title: Title, ownerId: Id, board: StringEnum(RETRO_ACTION_BOARDS) }, { additionalProperties: false });
export type PostmortemActionBody = Type.Static<typeof PostmortemActionBody>;

/** What a card's panel needs: the postmortem it has, or whether one may be opened and why not. */
export const CardPostmortem = Type.Object(
  {
    allowed: Type.Boolean(),
    /** Why a postmortem cannot be opened for this card (null when it can, or has one). */
    reason: Nullable(Type.String()),
    postmortem: Nullable(Type.Object({ id: Id, title: Type.String(), publishedAt: Nullable(IsoDateTime) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type CardPostmortem = Type.Static<typeof CardPostmortem>;
