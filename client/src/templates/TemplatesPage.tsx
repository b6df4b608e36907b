/**
 * /teams/:teamId/templates — card templates ("ops story", "incident"): what a
 * new card starts with. Admins and POs edit them; everyone picks one when
 * adding a card. Follows the team stream, so edits by others show at once.
 */
import { useState, type FormEvent } from 'react';
import { can, CARD_TYPES, type CardTemplate, type CardType } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { templatesApi } from '../api/templates';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useServices } from '../app/services';
import { includes } from '../lib/guards';
import { useFresh } from '../planning/use-fresh';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { TeamNav } from '../teams/TeamNav';
import { RecurrencesSection } from './RecurrencesSection';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { Icon } from '../ui/Icon';

interface Draft {
  name: string;
  type: CardType;
  description: string;
  labels: string;
  checklist: string;
}

const EMPTY: Draft = { name: '', type: 'story', description: '', labels: '', checklist: '' };
const draftOf = (t: CardTemplate): Draft => ({ name: t.name, type: t.type, description: t.description, labels: t.labels.join(', '), checklist: t.checklist.join('\n') });
const lines = (text: string, sep: RegExp) => [...new Set(text.split(sep).map((x) => x.trim()).filter(Boolean))];

export function TemplatesPage({ teamId }: { teamId: string }) {
  const { user } = useServices();
  const list = useFresh(() => templatesApi.list(teamId), teamId);
  const { refresh } = list;
  const [recurring, setRecurring] = useState(0);
  const team = useTeamLive(teamId, {
    onEvent: (event) => {
      if (event.type.startsWith('template.')) refresh();
      if (event.type.startsWith('recurrence.')) setRecurring((n) => n + 1);
    },
    onReload: refresh,
  });
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const state = team.state;
  useDocumentTitle(['Templates and recurring cards', state?.team.name]);
  if (!state || !list.value) {
    const e = team.error ?? list.error;
    return e ? (
      <main className="page" id="main">
        <ErrorNote message={e} onRetry={() => (team.error ? team.retry() : refresh())} />
      </main>
    ) : (
      <Spinner label="Loading the templates" />
    );
  }
  const mayEdit = can(roleIn(state, user.id), 'configure');
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const d = editing.draft;
    const body = { name: d.name.trim(), type: d.type, description: d.description, labels: lines(d.labels, /,/), checklist: lines(d.checklist, /\n/) };
    setError(null);
    try {
      if (editing.id) await templatesApi.update(editing.id, body);
      else await templatesApi.create(teamId, body);
      setEditing(null);
      refresh();
    } catch (err) {
      setError(plainMessage(err));
    }
  };
  const remove = async (t: CardTemplate) => {
    if (!window.confirm(`Delete the template '${t.name}'? Cards made from it keep what they got.`)) return;
    try {
      await templatesApi.remove(t.id);
      refresh();
    } catch (err) {
      setError(plainMessage(err));
    }
  };
  const set = (patch: Partial<Draft>) => setEditing((e) => e && { ...e, draft: { ...e.draft, ...patch } });
  return (
    <main className="page" id="main" data-testid="templates-page">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(teamId)}>{state.team.name}</Link>
      </p>
      <h1>Templates and recurring cards</h1>
      <TeamNav teamId={teamId} active="templates" />
      <p className="muted">Pick a template when adding a card: it starts with the template's type, description, labels and checklist.</p>
      {mayEdit && !editing && (
        <button type="button" className="button button--primary" onClick={() => setEditing({ id: null, draft: EMPTY })} data-testid="new-template">
          <Icon name="plus" /> New template
        </button>
      )}
      {editing && (
        <form className="form" onSubmit={(e) => void save(e)} data-testid="template-form">
          <label className="field">
            <span className="field__label">Name</span>
            <input className="input" value={editing.draft.name} maxLength={80} required onChange={(e) => set({ name: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">Card type</span>
            <select className="input" value={editing.draft.type} onChange={(e) => includes(CARD_TYPES, e.target.value) && set({ type: e.target.value })}>
              {CARD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Description (Markdown, e.g. acceptance notes)</span>
            <textarea className="input" rows={5} value={editing.draft.description} onChange={(e) => set({ description: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">Labels (comma-separated)</span>
            <input className="input" value={editing.draft.labels} onChange={(e) => set({ labels: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">Checklist (one item a line)</span>
            <textarea className="input" rows={4} value={editing.draft.checklist} onChange={(e) => set({ checklist: e.target.value })} />
          </label>
          <div className="form__actions">
            <button type="button" className="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
            <button type="submit" className="button button--primary">
              Save template
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {list.value.length === 0 ? (
        <EmptyNote>No templates yet.</EmptyNote>
      ) : (
        <ul className="plain-list" data-testid="template-list">
          {list.value.map((t) => (
            <li key={t.id} className="plain-list__row">
              <span>
                <strong>{t.name}</strong> · {t.type}
                {t.checklist.length > 0 && ` · ${t.checklist.length} checklist ${t.checklist.length === 1 ? 'item' : 'items'}`}
                {t.labels.length > 0 && ` · ${t.labels.join(', ')}`}
              </span>
              {mayEdit && (
                <span>
                  <button type="button" className="icon-button" aria-label={`Edit ${t.name}`} onClick={() => setEditing({ id: t.id, draft: draftOf(t) })}>
                    <Icon name="edit" />
                  </button>
                  <button type="button" className="icon-button" aria-label={`Delete ${t.name}`} onClick={() => void remove(t)}>
                    <Icon name="trash" />
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <RecurrencesSection teamId={teamId} boards={state.boards} mayEdit={can(roleIn(state, user.id), 'plan')} revision={recurring} />
    </main>
  );
}
