import Type from 'typebox';
import { Id, IsoDateTime, Markdown, StringEnum } from './common.js';
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
