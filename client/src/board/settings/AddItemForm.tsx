/** Adds a column or swimlane at the end of the board; focus stays in the form for the next one. */
import { useRef, useState, type FormEvent } from 'react';
import type { Column, Lane } from '@opsboard/shared';
import { ApiError, plainMessage } from '../../api/errors';
import { AttemptKeys } from '../../lib/attempt-keys';
import { announce } from '../../ui/announcer';
import { Icon } from '../../ui/Icon';
import { ItemFields } from './ItemFields';
import { errorsFrom, ITEM_FIELDS, readItem, type Errors, type ItemDraft, type ItemField } from './settings-model';
import type { StructureApi } from './structure-api';
import { useReportUnsaved } from './unsaved';

function empty(what: 'column' | 'swimlane'): ItemDraft {
  return { name: '', category: what === 'column' ? 'doing' : null, wipLimit: '', wipPolicy: 'block' };
}

export function AddItemForm<T extends Column | Lane>({ api }: { api: StructureApi<T> }) {
  const [draft, setDraft] = useState<ItemDraft>(() => empty(api.what));
  const [errors, setErrors] = useState<Errors<ItemField>>({});
  const [busy, setBusy] = useState(false);
  const [keys] = useState(() => new AttemptKeys(`add-${api.what}`));
  const form = useRef<HTMLFormElement>(null);
  useReportUnsaved(`add-${api.what}`, `the new ${api.what}`, draft.name.trim() !== '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const read = readItem(draft, api.what);
    if (!read.ok) {
      setErrors(read.errors);
      return;
    }
    const body = read.body;
    setBusy(true);
    setErrors({});
    try {
      const created = await keys.run(['create', body], (key) => api.create(body, key));
      setDraft(empty(api.what));
      // Ready for the next one.
      form.current?.querySelector<HTMLElement>('[data-add-name]')?.focus();
      announce(`Added the ${api.what} ${created.name} at the end.`);
    } catch (err) {
      setErrors(errorsFrom(err instanceof ApiError ? err.field : null, plainMessage(err), ITEM_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="settings-add" aria-label={`Add a ${api.what}`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 className="settings-add__title">Add a {api.what}</h3>
      <div className="settings-add__fields">
        <ItemFields draft={draft} onChange={setDraft} errors={errors} what={api.what} nameProps={{ 'data-add-name': '' }} />
        <button type="submit" className="button button--primary settings-add__submit" aria-disabled={busy}>
          <Icon name="plus" /> {busy ? 'Adding…' : `Add ${api.what}`}
        </button>
      </div>
      {errors.form && (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      )}
    </form>
  );
}
