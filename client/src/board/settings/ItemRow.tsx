/**
 * One column or swimlane in the settings: its fields saved together (one
 * request, so nothing is half-applied), moving it up or down, and archiving
 * it. Refusals show beside the field they name, or under the row.
 */
import { useState, type FormEvent } from 'react';
import type { Column, Lane } from '@opsboard/shared';
import { ApiError, plainMessage } from '../../api/errors';
import { AttemptKeys } from '../../lib/attempt-keys';
import { announce } from '../../ui/announcer';
import { Icon } from '../../ui/Icon';
import { MoveButtons, type Direction } from '../../ui/MoveButtons';
import { ItemFields } from './ItemFields';
import { CATEGORY_INFO, errorsFrom, isColumn, isEmpty, itemChanges, itemDraft, ITEM_FIELDS, moveTarget, ordinal, rowSelector, type Errors, type ItemDraft, type ItemField } from './settings-model';
import type { StructureApi } from './structure-api';
import { useReportUnsaved } from './unsaved';

interface Props<T extends Column | Lane> {
  item: T;
  index: number;
  /** Ids of the live items in order (to name the neighbour a move lands after). */
  ids: readonly string[];
  cards: number;
  api: StructureApi<T>;
  /** Where focus goes once this row is gone (after archiving). */
  afterArchiveFocus: string;
  focusLater: (selector: string) => void;
}

type Busy = 'save' | 'move' | 'archive' | null;

export function ItemRow<T extends Column | Lane>({ item, index, ids, cards, api, afterArchiveFocus, focusLater }: Props<T>) {
  const [draft, setDraft] = useState<ItemDraft>(() => itemDraft(item));
  const [base, setBase] = useState(item);
  const [errors, setErrors] = useState<Errors<ItemField>>({});
  const [busy, setBusy] = useState<Busy>(null);
  const [saved, setSaved] = useState(false);
  const [keys] = useState(() => new AttemptKeys(api.what));

  // Someone (or our own save) changed the item: an untouched row follows it, an edited one keeps the edits.
  if (base !== item) {
    if (JSON.stringify(draft) === JSON.stringify(itemDraft(base))) setDraft(itemDraft(item));
    setBase(item);
  }

  const checked = itemChanges(item, draft, api.what);
  const dirty = !checked.ok || !isEmpty(checked.body);
  const column = isColumn(item) ? item : null;
  useReportUnsaved(item.id, `${api.title} ${item.name}`, dirty);

  const edit = (next: ItemDraft) => {
    setDraft(next);
    setSaved(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    if (isEmpty(checked.body)) return;
    const body = checked.body;
    setBusy('save');
    setErrors({});
    try {
      const next = await keys.run(['update', item.id, body], (key) => api.update(item.id, body, key));
      setSaved(true);
      announce(`Saved the ${api.what} ${next.name}.`);
    } catch (err) {
      setErrors(errorsFrom(err instanceof ApiError ? err.field : null, plainMessage(err), ITEM_FIELDS));
    } finally {
      setBusy(null);
    }
  };

  const move = async (direction: Direction) => {
    const target = moveTarget(ids, index, direction);
    if (!target || busy) return;
    setBusy('move');
    setErrors({});
    // The row is put back in the list at its new place; keep focus on the button that moved it.
    focusLater(rowSelector(item.id, `[data-move="${direction}"]`));
    try {
      await keys.run(['move', item.id, target.afterId], (key) => api.position(item.id, target.afterId, key));
      const place = direction === 'up' ? index : index + 2;
      announce(`${item.name} moved ${direction}: now ${ordinal(place)} of ${ids.length}.`);
    } catch (err) {
      setErrors({ form: plainMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const archive = async () => {
    if (busy) return;
    setBusy('archive');
    setErrors({});
    try {
      await keys.run(['archive', item.id], (key) => api.archive(item.id, key));
      focusLater(afterArchiveFocus);
      announce(`Archived the ${api.what} ${item.name}. It is listed under archived ${api.plural}, to restore.`);
    } catch (err) {
      setErrors({ form: plainMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const label = `${api.title} ${item.name}`;
  return (
    <li className={`settings-item${dirty ? ' settings-item--dirty' : ''}`} data-row-id={item.id}>
      <form className="settings-item__form" aria-label={label} onSubmit={(e) => void save(e)} noValidate>
        <span className="settings-item__place" aria-hidden="true">
          {index + 1}
        </span>
        <ItemFields draft={draft} onChange={edit} errors={errors} what={api.what} />
        <div className="settings-item__actions">
          <button type="submit" className={`button button--small${dirty ? ' button--primary' : ''}`} aria-disabled={!dirty || busy !== null}>
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
          <MoveButtons name={item.name} index={index} count={ids.length} busy={busy !== null} axis="vertical" onMove={(direction) => void move(direction)} />
          <button type="button" className="button button--small button--quiet" aria-label={`Archive ${item.name}`} aria-disabled={busy !== null} onClick={() => void archive()}>
            <Icon name="archive" /> Archive
          </button>
        </div>
        <p className="settings-item__meta">
          <span>
            {cards} {cards === 1 ? 'card' : 'cards'}
          </span>
          {column?.category === 'done' && <span className="badge badge--accent">done column</span>}
          {column && <span className="muted">{CATEGORY_INFO[column.category].hint}</span>}
          {saved && !dirty && (
            <span className="settings-item__saved" role="status">
              <Icon name="check" /> Saved
            </span>
          )}
        </p>
        {errors.form && (
          <p className="form__error settings-item__error" role="alert">
            {errors.form}
          </p>
        )}
      </form>
    </li>
  );
}
