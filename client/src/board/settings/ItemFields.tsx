/**
 * The fields of a column or swimlane: name, category (columns), WIP limit and
 * policy. Shared by each row and the add form. Errors are listed on one line
 * under the fields (each named, and tied to its control), so a narrow field
 * does not stretch its row.
 */
import { useId } from 'react';
import { COLUMN_CATEGORIES, WIP_POLICIES } from '@opsboard/shared';
import { includes } from '../../lib/guards';
import { Field } from '../../ui/Field';
import { CATEGORY_INFO, NAME_MAX, POLICY_INFO, type Errors, type ItemDraft, type ItemField } from './settings-model';

interface Props {
  draft: ItemDraft;
  onChange: (draft: ItemDraft) => void;
  errors: Errors<ItemField>;
  what: 'column' | 'swimlane';
  /** Marks the name input, so focus can be sent there (`[data-add-name]` for the add form). */
  nameProps?: Record<string, string>;
}

export function ItemFields({ draft, onChange, errors, what, nameProps }: Props) {
  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => onChange({ ...draft, [key]: value });
  const noLimit = draft.wipLimit.trim() === '';
  const base = useId();
  const errorId = (field: ItemField) => `${base}-${field}-error`;
  const shown = FIELD_LABELS.filter(([field]) => errors[field]);
  return (
    <>
      <Field label="Name" error={errors.name} errorId={errorId('name')} className="settings-item__name">
        {(p) => <input {...p} {...nameProps} name="name" value={draft.name} maxLength={NAME_MAX[what]} autoComplete="off" onChange={(e) => set('name', e.target.value)} />}
      </Field>
      {draft.category !== null && (
        <Field label="Category" error={errors.category} errorId={errorId('category')} className="settings-item__category">
          {(p) => (
            <select {...p} name="category" value={draft.category ?? undefined} onChange={(e) => includes(COLUMN_CATEGORIES, e.target.value) && set('category', e.target.value)}>
              {COLUMN_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_INFO[c].label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="WIP limit" error={errors.wipLimit} errorId={errorId('wipLimit')} className="settings-item__limit">
        {(p) => (
          <input
            {...p}
            name="wipLimit"
            inputMode="numeric"
            pattern="[0-9]*"
            placeholder="none"
            value={draft.wipLimit}
            autoComplete="off"
            onChange={(e) => set('wipLimit', e.target.value)}
          />
        )}
      </Field>
      <Field label="Policy" error={errors.wipPolicy} errorId={errorId('wipPolicy')} className="settings-item__policy">
        {(p) => (
          <select
            {...p}
            name="wipPolicy"
            value={draft.wipPolicy}
            disabled={noLimit}
            title={noLimit ? 'Applies once there is a limit' : POLICY_INFO[draft.wipPolicy].hint}
            onChange={(e) => includes(WIP_POLICIES, e.target.value) && set('wipPolicy', e.target.value)}
          >
            {WIP_POLICIES.map((w) => (
              <option key={w} value={w}>
                {POLICY_INFO[w].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {shown.length > 0 && (
        <div className="settings-item__field-errors" role="alert">
          {shown.map(([field, label]) => (
            <p key={field} id={errorId(field)} className="field__error">
              {label}: {errors[field]}
            </p>
          ))}
        </div>
      )}
    </>
  );
}

const FIELD_LABELS: readonly [ItemField, string][] = [
  ['name', 'Name'],
  ['category', 'Category'],
  ['wipLimit', 'WIP limit'],
  ['wipPolicy', 'Policy'],
];
