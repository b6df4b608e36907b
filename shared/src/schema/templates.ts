import Type from 'typebox';
import { Id, IsoDateTime, Markdown, Nullable, StringEnum } from './common.js';
import { CARD_TYPES } from './entities.js';

const TemplateName = Type.String({ minLength: 1, maxLength: 80 });
const TemplateLabels = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20, uniqueItems: true });
const TemplateChecklist = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 });

/** What a new card of a kind starts with: type, description (e.g. acceptance notes), labels and checklist. */
export const CardTemplate = Type.Object(
  {
    id: Id,
    teamId: Id,
    name: Type.String(),
    type: StringEnum(CARD_TYPES),
    description: Type.String(),
    labels: Type.Array(Type.String()),
    checklist: Type.Array(Type.String()),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type CardTemplate = Type.Static<typeof CardTemplate>;

export const CreateTemplateBody = Type.Object(
  {
    name: TemplateName,
    type: StringEnum(CARD_TYPES),
    description: Type.Optional(Markdown),
    labels: Type.Optional(TemplateLabels),
    checklist: Type.Optional(TemplateChecklist),
  },
  { additionalProperties: false },
);
export type CreateTemplateBody = Type.Static<typeof CreateTemplateBody>;

export const UpdateTemplateBody = Type.Object(
  {
    name: Type.Optional(TemplateName),
    type: Type.Optional(StringEnum(CARD_TYPES)),
    description: Type.Optional(Markdown),
    labels: Type.Optional(TemplateLabels),
    checklist: Type.Optional(TemplateChecklist),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTemplateBody = Type.Static<typeof UpdateTemplateBody>;

/** A chore that comes back: a card created on a cron-like schedule in the team's time zone. */
export const Recurrence = Type.Object(
  {
    id: Id,
    teamId: Id,
    boardId: Id,
    columnId: Nullable(Id),
    title: Type.String(),
    description: Type.String(),
    checklist: Type.Array(Type.String()),
    schedule: Type.String({ description: '5-field cron: minute hour day-of-month month day-of-week, in the team time zone' }),
    nextAt: Nullable(IsoDateTime),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Recurrence = Type.Static<typeof Recurrence>;

export const CreateRecurrenceBody = Type.Object(
  {
    boardId: Id,
    columnId: Type.Optional(Id),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Markdown),
    checklist: Type.Optional(TemplateChecklist),
    schedule: Type.String({ minLength: 9, maxLength: 100, description: 'e.g. "0 9 * * 1" for Mondays at 09:00' }),
  },
  { additionalProperties: false },
);
export type CreateRecurrenceBody = Type.Static<typeof CreateRecurrenceBody>;
