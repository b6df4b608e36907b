/** /teams/:teamId/retros — the team's retrospectives and postmortems, a new retro, and what other teams published. */
import { useState, type FormEvent } from 'react';
import { can } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { navigate } from '../app/router';
import { useServices } from '../app/services';
import { useFresh } from '../planning/use-fresh';
import { iterationsInOrder } from '../team/team-state';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { TeamNav } from '../teams/TeamNav';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { postmortemApi, retroApi } from './api';
import { formatDateTime } from '../lib/time';
import { resolveWords } from './postmortem-words';
import { PHASE_LABEL } from './labels';
import './retro.css';

export function RetrosPage({ teamId }: { teamId: string }) {
  const { user } = useServices();
  const list = useFresh(() => retroApi.list(teamId), teamId);
  const published = useFresh(() => retroApi.published(), 'published');
  const postmortems = useFresh(() => postmortemApi.list(teamId), teamId);
  const sharedPostmortems = useFresh(() => postmortemApi.published(), 'published');
  const team = useTeamLive(teamId, {
    onEvent: (event) => {
      if (event.type.startsWith('retro.')) list.refresh();
      if (event.type.startsWith('postmortem.')) postmortems.refresh();
    },
    onReload: () => {
      list.refresh();
      postmortems.refresh();
    },
  });
  const [title, setTitle] = useState('');
  const [iterationId, setIterationId] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [votes, setVotes] = useState(3);
  const [error, setError] = useState<string | null>(null);
  const state = team.state;
  useDocumentTitle(['Retrospectives', state?.team.name]);
  if (!state || !list.value) {
    const e = team.error ?? list.error;
    return e ? (
      <main className="page" id="main">
        <ErrorNote message={e} onRetry={() => (team.error ? team.retry() : list.refresh())} />
      </main>
    ) : (
      <Spinner label="Loading the retrospectives" />
    );
  }
  const canWrite = can(roleIn(state, user.id), 'write');
  const iterations = iterationsInOrder(state).filter((i) => i.state !== 'planned');
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const view = await retroApi.create(teamId, { title, iterationId: iterationId || null, anonymous, votesPerPerson: votes });
      navigate(paths.retro(view.retro.id));
    } catch (err) {
      setError(plainMessage(err));
    }
  };
  const others = (published.value ?? []).filter((r) => r.teamId !== teamId);
  const otherPostmortems = (sharedPostmortems.value ?? []).filter((p) => p.teamId !== teamId);
  return (
    <main className="page page--wide" id="main" data-testid="retros-page">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(teamId)}>{state.team.name}</Link>
      </p>
      <h1>Retrospectives</h1>
      <TeamNav teamId={teamId} active="retros" />
      {canWrite && (
        <form className="section retro-new" onSubmit={(e) => void create(e)} aria-labelledby="new-retro-heading">
          <h2 id="new-retro-heading">New retrospective</h2>
          <label className="field">
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-testid="retro-title" />
          </label>
          <label className="field">
            Iteration
            <select value={iterationId} onChange={(e) => setIterationId(e.target.value)} data-testid="retro-iteration">
              <option value="">None (stands alone)</option>
              {iterations.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name} ({i.state})
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Votes per person
            <input type="number" min={1} max={10} value={votes} onChange={(e) => setVotes(Number(e.target.value))} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> Anonymous (authors stay hidden after the reveal)
          </label>
          {error && <p className="note note--error">{error}</p>}
          <button type="submit" className="button button--primary" data-testid="retro-create">
            Start retrospective
          </button>
        </form>
      )}
      <section className="section" aria-labelledby="retro-list-heading">
        <h2 id="retro-list-heading">This team’s retrospectives</h2>
        {list.value.length === 0 ? (
          <EmptyNote>No retrospectives yet.</EmptyNote>
        ) : (
          <ul className="retro-list">
            {[...list.value].reverse().map((r) => (
              <li key={r.id}>
                <Link to={paths.retro(r.id)}>{r.title}</Link> <span className="retro-chip">{PHASE_LABEL[r.phase]}</span>
                {r.publishedAt && <span className="retro-chip">published</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="pm-list-heading" data-testid="postmortem-list">
        <h2 id="pm-list-heading">Blameless postmortems</h2>
        {(postmortems.value ?? []).length === 0 ? (
          <EmptyNote>No postmortems yet. Open one from a critical or high interrupt, or a card labelled incident: its card has a Postmortem section.</EmptyNote>
        ) : (
          <ul className="retro-list">
            {(postmortems.value ?? []).map((p) => (
              <li key={p.id}>
                <Link to={paths.postmortem(p.id)}>{p.title}</Link> <span className="muted">· {formatDateTime(p.createdAt)}{p.timeToResolveSeconds !== null && ` · ${resolveWords(p)}`}</span>
                {p.publishedAt && <span className="retro-chip">published</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {otherPostmortems.length > 0 && (
        <section className="section" aria-labelledby="pm-shared-heading">
          <h2 id="pm-shared-heading">Postmortems shared by other teams</h2>
          <ul className="retro-list">
            {otherPostmortems.map((p) => (
              <li key={p.id}>
                <Link to={paths.postmortem(p.id)}>{p.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {others.length > 0 && (
        <section className="section" aria-labelledby="retro-shared-heading">
          <h2 id="retro-shared-heading">Shared by other teams</h2>
          <ul className="retro-list">
            {others.map((r) => (
              <li key={r.id}>
                <Link to={paths.retro(r.id)}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
