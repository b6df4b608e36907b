/**
 * /retros/:id — one retrospective, live. The facilitator moves it through
 * check-in, write (notes private to their author), group, vote, discuss (with
 * a timer) and actions (cards on the planned or SS&A board). Every change on
 * the team stream reloads this person's own view: the server never sends
 * another person's note before the reveal.
 */
import { useState, type FormEvent } from 'react';
import { isRevealed, nextPhase, RETRO_PHASES, RETRO_QUADRANTS, type Member, type RetroPhase, type RetroQuadrant, type RetroView } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useServices } from '../app/services';
import { useClock } from '../lib/use-clock';
import { useFresh } from '../planning/use-fresh';
import { useTeamLive } from '../team/use-team-live';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { showToast } from '../ui/toasts';
import { retroApi } from './api';
import { FactsStrip } from './FactsStrip';
import { GroupBoard } from './GroupBoard';
import { ActionForm } from './ActionForm';
import { downloadMarkdown, retroMarkdown } from './markdown';
import { PHASE_LABEL, QUADRANT_LABEL } from './labels';
import './retro.css';

export function RetroPage({ retroId }: { retroId: string }) {
  const view = useFresh(() => retroApi.get(retroId), retroId);
  useDocumentTitle(['Retrospective', view.value?.retro.title]);
  if (!view.value) {
    return view.error ? (
      <main className="page" id="main">
        <ErrorNote message={view.error} onRetry={view.refresh} />
      </main>
    ) : (
      <Spinner label="Loading the retrospective" />
    );
  }
  return view.value.readOnly ? <RetroBody view={view.value} members={new Map()} refresh={view.refresh} /> : <LiveRetro view={view.value} refresh={view.refresh} />;
}

function LiveRetro({ view, refresh }: { view: RetroView; refresh: () => void }) {
  const team = useTeamLive(view.retro.teamId, {
    onEvent: (event) => {
      if ((event.type === 'retro.changed' || event.type === 'retro.created') && event.payload.retro.id === view.retro.id) refresh();
    },
    onReload: refresh,
  });
  return <RetroBody view={view} members={team.state?.members ?? new Map()} teamName={team.state?.team.name} refresh={refresh} />;
}

interface BodyProps {
  view: RetroView;
  members: ReadonlyMap<string, Member>;
  teamName?: string | undefined;
  refresh: () => void;
}

function RetroBody({ view, members, teamName, refresh }: BodyProps) {
  const { user } = useServices();
  const r = view.retro;
  const facilitator = r.facilitatorId === user.id && !view.readOnly;
  const name = (id: string | null) => (id === null ? 'Anonymous' : (members.get(id)?.name ?? 'Someone'));
  const run = async (label: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
      refresh();
      return true;
    } catch (err) {
      showToast({ tone: 'error', title: label, message: plainMessage(err) });
      return false;
    }
  };
  const next = nextPhase(r.phase);
  const previous = RETRO_PHASES[RETRO_PHASES.indexOf(r.phase) - 1];
  const canGoBack = previous !== undefined && r.phase !== 'done' && !(isRevealed(r.phase) && !isRevealed(previous));
  return (
    <main className="page page--wide retro" id="main" data-testid="retro-page" data-phase={r.phase}>
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › {teamName ? <Link to={paths.retros(r.teamId)}>{teamName}</Link> : 'Shared retrospective'}
      </p>
      <h1>{r.title}</h1>
      <ol className="retro-phases" aria-label="Phases">
        {RETRO_PHASES.map((p) => (
          <li key={p} aria-current={p === r.phase ? 'step' : undefined} className={p === r.phase ? 'retro-phases__now' : undefined}>
            {PHASE_LABEL[p]}
          </li>
        ))}
      </ol>
      <p className="retro-meta">
        Facilitator: {name(r.facilitatorId)} · {r.anonymous ? 'anonymous' : 'authors shown'} · {r.votesPerPerson} votes each
        {view.readOnly && ' · read-only (published)'}
      </p>
      {facilitator && (
        <div className="retro-controls">
          {canGoBack && (
            <button type="button" className="button" onClick={() => void run('Could not go back', () => retroApi.phase(r.id, previous))}>
              Back to {PHASE_LABEL[previous]}
            </button>
          )}
          {next && (
            <button type="button" className="button button--primary" data-testid="retro-next" onClick={() => void run('Could not move on', () => retroApi.phase(r.id, next))}>
              {r.phase === 'write' ? 'Reveal notes and group' : `Next: ${PHASE_LABEL[next]}`}
            </button>
          )}
        </div>
      )}
      <FactsStrip retroId={r.id} iterationLinked={r.iterationId !== null} name={name} revision={r.version} readOnly={view.readOnly} />
      <Phase view={view} name={name} run={run} members={members} facilitator={facilitator} />
    </main>
  );
}

type Run = (label: string, fn: () => Promise<unknown>) => Promise<boolean>;

function Phase({ view, name, run, members, facilitator }: { view: RetroView; name: (id: string | null) => string; run: Run; members: ReadonlyMap<string, Member>; facilitator: boolean }) {
  const phase: RetroPhase = view.retro.phase;
  return (
    <>
      {(phase === 'checkin' || phase === 'write') && <Checkin view={view} run={run} />}
      {phase === 'write' && <WritePanels view={view} run={run} />}
      {phase === 'group' && <GroupBoard view={view} run={run} name={name} />}
      {phase === 'vote' && <VotePanel view={view} run={run} />}
      {(phase === 'discuss' || phase === 'actions' || phase === 'done') && <Discuss view={view} run={run} name={name} facilitator={facilitator} />}
      {(phase === 'discuss' || phase === 'actions') && !view.readOnly && (
        <ActionForm
          members={members}
          heading="New action"
          submitLabel="Add action as a card"
          defaultBoard="planned"
          testIds="action"
          onAdd={(action) => run('Could not add the action', () => retroApi.action(view.retro.id, action))}
        />
      )}
      <ActionList view={view} name={name} />
      {phase === 'done' && <Sharing view={view} run={run} name={name} facilitator={facilitator} />}
    </>
  );
}

function Checkin({ view, run }: { view: RetroView; run: Run }) {
  const [mood, setMood] = useState(view.checkins.mine?.mood ?? '');
  const c = view.checkins;
  return (
    <section className="section" aria-labelledby="checkin-heading">
      <h2 id="checkin-heading">Check-in</h2>
      {!view.readOnly && (
        <div className="retro-checkin">
          <span id="morale-label">Morale</span>
          <div role="group" aria-labelledby="morale-label" className="retro-morale">
            {[1, 2, 3, 4, 5].map((m) => (
              <button
                key={m}
                type="button"
                className="button"
                aria-pressed={c.mine?.morale === m}
                onClick={() => void run('Could not check in', () => retroApi.checkin(view.retro.id, m, mood.trim() || null))}
              >
                {m}
              </button>
            ))}
          </div>
          <label className="field">
            One-word mood (optional)
            <input value={mood} maxLength={24} onChange={(e) => setMood(e.target.value)} />
          </label>
        </div>
      )}
      <p data-testid="checkin-summary">
        {c.count} checked in{c.moraleAverage !== null && ` · average morale ${c.moraleAverage}`}
        {c.moods.length > 0 && ` · ${c.moods.join(', ')}`}
      </p>
    </section>
  );
}

function WritePanels({ view, run }: { view: RetroView; run: Run }) {
  return (
    <section className="section" aria-labelledby="write-heading">
      <h2 id="write-heading">Write</h2>
      <p className="note note--info">Your notes are private until the facilitator reveals them; others see only how many there are.</p>
      <div className="retro-quadrants">
        {RETRO_QUADRANTS.map((q) => (
          <QuadrantPanel key={q} quadrant={q} view={view} run={run} />
        ))}
      </div>
    </section>
  );
}

function QuadrantPanel({ quadrant, view, run }: { quadrant: RetroQuadrant; view: RetroView; run: Run }) {
  const [text, setText] = useState('');
  const mine = view.notes.filter((n) => n.quadrant === quadrant);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (!value) return;
    void run('Could not add the note', async () => {
      await retroApi.note(view.retro.id, quadrant, value);
      setText('');
    });
  };
  return (
    <div className={`retro-quadrant retro-quadrant--${quadrant}`} data-testid={`quadrant-${quadrant}`}>
      <h3>
        {QUADRANT_LABEL[quadrant]} <span className="retro-chip">{view.noteCounts[quadrant]}</span>
      </h3>
      <ul className="retro-notes">
        {mine.map((n) => (
          <li key={n.id} className="retro-note">
            {n.text}
            <button type="button" className="button button--quiet" aria-label={`Delete note: ${n.text}`} onClick={() => void run('Could not delete', () => retroApi.deleteNote(n.id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="retro-note-form">
        <label className="visually-hidden" htmlFor={`note-${quadrant}`}>
          New {QUADRANT_LABEL[quadrant]} note
        </label>
        <textarea id={`note-${quadrant}`} value={text} maxLength={500} rows={2} onChange={(e) => setText(e.target.value)} data-testid={`note-input-${quadrant}`} />
        <button type="submit" className="button" data-testid={`note-add-${quadrant}`}>
          Add
        </button>
      </form>
    </div>
  );
}

function VotePanel({ view, run }: { view: RetroView; run: Run }) {
  return (
    <section className="section" aria-labelledby="vote-heading">
      <h2 id="vote-heading">Vote</h2>
      <p data-testid="votes-left">
        {view.votesLeft} of {view.retro.votesPerPerson} votes left
      </p>
      <ul className="retro-themes">
        {view.themes.map((t) => (
          <li key={t.id} className="retro-theme" data-testid="vote-theme">
            <strong>{t.title}</strong>
            <span className="retro-dots" aria-label={`${t.myVotes} of your votes, ${t.votes} in all`}>
              {Array.from({ length: t.myVotes }, (_, i) => (
                <span key={i} className="retro-dot" aria-hidden="true" />
              ))}
            </span>
            <button type="button" className="button" disabled={view.votesLeft === 0} onClick={() => void run('Could not vote', () => retroApi.vote(view.retro.id, t.id))} aria-label={`Vote for ${t.title}`}>
              +
            </button>
            <button type="button" className="button" disabled={t.myVotes === 0} onClick={() => void run('Could not take the vote back', () => retroApi.unvote(view.retro.id, t.id))} aria-label={`Take a vote back from ${t.title}`}>
              −
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Timer({ endsAt }: { endsAt: string }) {
  const now = useClock(1000);
  const left = Math.max(0, Math.round((Date.parse(endsAt) - now) / 1000));
  return (
    <p className="retro-timer" role="timer" aria-live="off">
      {left === 0 ? 'Time is up' : `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`}
    </p>
  );
}

function Discuss({ view, run, name, facilitator }: { view: RetroView; run: Run; name: (id: string | null) => string; facilitator: boolean }) {
  const r = view.retro;
  return (
    <section className="section" aria-labelledby="discuss-heading">
      <h2 id="discuss-heading">Themes by votes</h2>
      {r.phase === 'discuss' && (
        <div className="retro-controls">
          {r.timerEndsAt && <Timer endsAt={r.timerEndsAt} />}
          {facilitator && (
            <>
              <button type="button" className="button" onClick={() => void run('Could not start the timer', () => retroApi.timer(r.id, 5))}>
                Start 5-minute timer
              </button>
              {r.timerEndsAt && (
                <button type="button" className="button" onClick={() => void run('Could not stop the timer', () => retroApi.timer(r.id, null))}>
                  Stop timer
                </button>
              )}
            </>
          )}
        </div>
      )}
      <ol className="retro-themes">
        {view.themes.map((t) => (
          <li key={t.id} className="retro-theme">
            <strong>{t.title}</strong> <span className="retro-chip">{t.votes} votes</span>
            <ul className="retro-notes">
              {view.notes
                .filter((n) => n.themeId === t.id)
                .map((n) => (
                  <li key={n.id} className="retro-note">
                    <span className="retro-chip">{QUADRANT_LABEL[n.quadrant]}</span> {n.text} <small>— {name(n.authorId)}</small>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ActionList({ view, name }: { view: RetroView; name: (id: string | null) => string }) {
  if (view.actions.length === 0) return null;
  return (
    <section className="section" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <ul className="retro-list" data-testid="retro-actions">
        {view.actions.map((a) => (
          <li key={a.id}>
            <Link to={paths.board(a.boardId, `?card=${a.cardId}`)}>#{a.cardNumber}</Link> {a.title} — {name(a.ownerId)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Sharing({ view, run, name, facilitator }: { view: RetroView; run: Run; name: (id: string | null) => string; facilitator: boolean }) {
  const download = () => downloadMarkdown(view.retro.title, retroMarkdown(view, name));
  return (
    <section className="section" aria-labelledby="share-heading">
      <h2 id="share-heading">Share</h2>
      <div className="retro-controls">
        <button type="button" className="button" onClick={download} data-testid="retro-export">
          Export Markdown
        </button>
        {view.retro.publishedAt ? (
          <span className="retro-chip">Published to the other teams</span>
        ) : (
          (facilitator || !view.readOnly) && (
            <button type="button" className="button" onClick={() => void run('Could not publish', () => retroApi.publish(view.retro.id))} data-testid="retro-publish">
              Publish read-only to other teams
            </button>
          )
        )}
      </div>
    </section>
  );
}
