/** Full-text search over cards, and saved board filters (per person or per team). */
import Type from 'typebox';
import { Id, IsoDateTime, Name, Nullable, StringEnum } from '../common.js';
import { CARD_TYPES } from '../entities.js';

export const SearchText = Type.String({ minLength: 1, maxLength: 200, description: 'words (all must match; the last one as a prefix), or a card number (42 or #42)' });

/** `GET /api/search`: cards of every team the caller may read, or of one team. */
export const SearchQuery = Type.Object(
  {
    q: SearchText,
    teamId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SearchQuery = Type.Static<typeof SearchQuery>;

export const CardSearchHit = Type.Object(
  {
    id: Id,
    number: Type.Integer(),
    title: Type.String(),
    teamId: Id,
    teamName: Type.String(),
    boardId: Id,
    boardName: Type.String(),
    columnName: Type.String(),
    archived: Type.Boolean(),
    blocked: Type.Boolean(),
    /** Relevance (higher is better): title words weigh most, then labels, blocked reason and alert labels, then the description and alert annotations. */
    score: Type.Number(),
    /** Where the words matched outside the title, with matches wrapped in « ». */
    snippet: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
export type CardSearchHit = Type.Static<typeof CardSearchHit>;

/** The board filter model (client/src/board/model/filters.ts) as stored in a saved filter. */
export const BoardFilterModel = Type.Object(
  {
    q: Type.String({ maxLength: 200 }),
    person: Nullable(Type.String({ minLength: 1, maxLength: 40, description: 'a user id, or "none" for unassigned cards' })),
    label: Nullable(Type.String({ minLength: 1, maxLength: 40 })),
    type: Nullable(StringEnum(CARD_TYPES)),
    feature: Nullable(Id),
  },
  { additionalProperties: false },
);
export type BoardFilterModel = Type.Static<typeof BoardFilterModel>;

export const SAVED_FILTER_SCOPES = ['personal', 'team'] as const;
export type SavedFilterScope = (typeof SAVED_FILTER_SCOPES)[number];

export const SavedFilter = Type.Object(
  {
    id: Id,
    teamId: Id,
    scope: StringEnum(SAVED_FILTER_SCOPES),
    name: Type.String(),
    filter: BoardFilterModel,
    createdBy: Nullable(Id),
    updatedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type SavedFilter = Type.Static<typeof SavedFilter>;

export const CreateSavedFilterBody = Type.Object(
  {
    name: Name(80),
    scope: StringEnum(SAVED_FILTER_SCOPES, { description: 'personal: only you see it; team: everyone in the team (po or admin to create)' }),
    filter: BoardFilterModel,
  },
  { additionalProperties: false },
);
export type CreateSavedFilterBody = Type.Static<typeof CreateSavedFilterBody>;

export const UpdateSavedFilterBody = Type.Object(
  { name: Type.Optional(Name(80)), filter: Type.Optional(BoardFilterModel) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSavedFilterBody = Type.Static<typeof UpdateSavedFilterBody>;
