import Type from 'typebox';
import { Id } from '../common.js';

/** The text of a checklist item or a Definition of Done criterion. */
export const ItemText = Type.String({ minLength: 1, maxLength: 200 });

export const ChecklistItemParams = Type.Object({ id: Id, itemId: Id }, { additionalProperties: false });
export type ChecklistItemParams = Type.Static<typeof ChecklistItemParams>;

export const AddChecklistItemBody = Type.Object(
  {
    text: ItemText,
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'index in the list, default at the end' })),
  },
  { additionalProperties: false },
);
export type AddChecklistItemBody = Type.Static<typeof AddChecklistItemBody>;

export const UpdateChecklistItemBody = Type.Object(
  {
    text: Type.Optional(ItemText),
    done: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description: 'move the item to this index' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateChecklistItemBody = Type.Static<typeof UpdateChecklistItemBody>;

export const SetDodBody = Type.Object(
  {
    criteria: Type.Array(
      Type.Object({ id: Type.Optional(Id), text: ItemText }, { additionalProperties: false }),
      { maxItems: 30, description: 'the whole list in order; keep an id to keep what cards ticked for it' },
    ),
  },
  { additionalProperties: false },
);
export type SetDodBody = Type.Static<typeof SetDodBody>;

export const DodCriterionParams = Type.Object({ id: Id, criterionId: Id }, { additionalProperties: false });
export type DodCriterionParams = Type.Static<typeof DodCriterionParams>;

export const TickDodBody = Type.Object({ done: Type.Boolean() }, { additionalProperties: false });
export type TickDodBody = Type.Static<typeof TickDodBody>;

