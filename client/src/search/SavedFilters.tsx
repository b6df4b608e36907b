/** Saved board filters in the filter bar: pick one to apply it, save the current one for yourself or (po, admin) the team. */
import { useEffect, useState, type FormEvent } from 'react';
import type { SavedFilter, SavedFilterScope } from '@opsboard/shared';
import { searchApi } from '../api/search';
import { ApiError } from '../api/errors';
import { newKey } from '../lib/ids';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { showToast } from '../ui/toasts';
import type { BoardFilter } from '../board/model/filters';

interface Props {
  teamId: string;
  /** The team stream's seq: a team filter saved elsewhere moves it, so the list is asked for again. */
  teamSeq: number;
  canSaveForTeam: boolean;
  filter: BoardFilter;
  filtering: boolean;
  onApply: (filter: BoardFilter) => void;
}

export function SavedFilters({ teamId, teamSeq, canSaveForTeam, filter, filtering, onApply }: Props) {
  const [list, setList] = useState<SavedFilter[]>([]);
  const [revision, setRevision] = useState(0);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    searchApi.savedFilters(teamId).then(
      (filters) => live && setList(filters),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [teamId, teamSeq, revision]);

  const team = list.filter((f) => f.scope === 'team');
  const mine = list.filter((f) => f.scope === 'personal');
  return (
    <>
      {list.length > 0 && (
        <select
          aria-label="Saved filters"
          value=""
          onChange={(e) => {
            const picked = list.find((f) => f.id === e.target.value);
            if (picked) onApply(picked.filter);
          }}
        >
          <option value="">Saved filters…</option>
          {team.length > 0 && (
            <optgroup label="Team">
              {team.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </optgroup>
          )}
          {mine.length > 0 && (
            <optgroup label="Mine">
              {mine.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      )}
      {(filtering || list.length > 0) && (
        <button type="button" className="button button--small button--quiet" onClick={() => setSaving(true)}>
          {filtering ? 'Save filter' : 'Manage filters'}
        </button>
      )}
      {saving && (
        <SaveFilterDialog
          teamId={teamId}
          filter={filter}
          filtering={filtering}
          list={list}
          canSaveForTeam={canSaveForTeam}
          onChanged={() => setRevision((r) => r + 1)}
          onClose={() => setSaving(false)}
        />
      )}
    </>
  );
}

function SaveFilterDialog(props: { teamId: string; filter: BoardFilter; filtering: boolean; list: SavedFilter[]; canSaveForTeam: boolean; onChanged: () => void; onClose: () => void }) {
  const { teamId, filter, filtering, list, canSaveForTeam, onChanged, onClose } = props;
  const [name, setName] = useState('');
  const [scope, setScope] = useState<SavedFilterScope>('personal');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => newKey('filter'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setError('Give the filter a name.');
    setBusy(true);
    try {
      await searchApi.saveFilter(teamId, { name: name.trim(), scope, filter: { ...filter, q: filter.q.trim() } }, key);
      showToast({ tone: 'success', title: `Saved filter “${name.trim()}”` });
      onChanged();
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not save the filter; try again.');
      setBusy(false);
    }
  };

  const remove = async (f: SavedFilter) => {
    try {
      await searchApi.deleteFilter(f.id, newKey('filter-delete'));
      onChanged();
    } catch (err) {
      showToast({ tone: 'error', title: 'Could not delete the filter', message: err instanceof ApiError ? err.message : 'Try again.' });
    }
  };

  const removable = list.filter((f) => f.scope === 'personal' || canSaveForTeam);
  return (
    <Dialog title={filtering ? 'Save this filter' : 'Saved filters'} onClose={onClose} size="sm">
      {filtering && (
        <form className="form" onSubmit={(e) => void submit(e)} data-testid="save-filter-form">
          <Field label="Name" error={error}>
            {(p) => <input {...p} data-autofocus maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          {canSaveForTeam && (
            <Field label="Who sees it">
              {(p) => (
                <select {...p} value={scope} onChange={(e) => setScope(e.target.value === 'team' ? 'team' : 'personal')}>
                  <option value="personal">Only me</option>
                  <option value="team">The whole team</option>
                </select>
              )}
            </Field>
          )}
          <FormActions submit={busy ? 'Saving…' : 'Save filter'} onCancel={onClose} disabled={busy} />
        </form>
      )}
      {removable.length > 0 && (
        <ul className="saved-filters__list" aria-label="Saved filters you can delete">
          {removable.map((f) => (
            <li key={f.id}>
              <span>
                {f.name} <small>({f.scope === 'team' ? 'team' : 'only me'})</small>
              </span>
              <button type="button" className="button button--small button--quiet" aria-label={`Delete ${f.name}`} onClick={() => void remove(f)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
