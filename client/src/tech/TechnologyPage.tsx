/**
 * /technologies/:id — one technology: its level (computed, or overridden with
 * a reason) and the seed's words for it, a radar of the latest settled scores
 * against the previous one, each vector's trend, interrupts per week beside
 * the maturity and whether the load fell after each rise, the open
 * assessment, its label rules and the cards that name it.
 */
import { useState, type FormEvent } from 'react';
import { can, LEVEL_TEXT, type TechnologyDetail } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { techApi } from '../api/tech';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useServices } from '../app/services';
import { BarChart } from '../charts';
import { newKey } from '../lib/ids';
import { useFresh } from '../planning/use-fresh';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { announce } from '../ui/announcer';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { Icon } from '../ui/Icon';
import { showToast } from '../ui/toasts';
import { AssessmentPanel } from './AssessmentPanel';
import { LevelBadge } from './LevelBadge';
import { LIFECYCLE_WORDS, vectorLabel } from './model';
import { Radar } from './Radar';
import { TechnologyDialog } from './TechnologyDialog';
import '../styles/planning.css';
import '../styles/tech.css';

export function TechnologyPage({ technologyId }: { technologyId: string }) {
  const detail = useFresh(() => techApi.detail(technologyId), technologyId);
  useDocumentTitle(detail.value ? null : ['Technology']);
  if (!detail.value) {
    return detail.error ? (
      <main className="page" id="main">
        <ErrorNote message={detail.error} onRetry={detail.refresh} />
      </main>
    ) : (
      <Spinner label="Loading the technology" />
    );
  }
  return <TechnologyView detail={detail.value} refresh={detail.refresh} />;
}

function TechnologyView({ detail: d, refresh }: { detail: TechnologyDetail; refresh: () => void }) {
  const { user } = useServices();
  const [revision, setRevision] = useState(0);
  const team = useTeamLive(d.technology.teamId, {
    onEvent: (event) => {
      if (event.type.startsWith('technology.') || event.type.startsWith('assessment.') || event.type === 'card.technologies_set') {
        refresh();
        setRevision((r) => r + 1);
      }
    },
    onReload: () => {
      refresh();
      setRevision((r) => r + 1);
    },
  });
  const [editing, setEditing] = useState(false);
  useDocumentTitle([d.technology.name, 'Technologies', team.state?.team.name]);

  if (!team.state) {
    return team.error ? (
      <main className="page" id="main">
        <ErrorNote message={team.error} onRetry={team.retry} />
      </main>
    ) : (
      <Spinner label="Loading the technology" />
    );
  }
  const tech = d.technology;
  const state = team.state;
  const role = roleIn(state, user.id);
  const settled = d.assessments.filter((a) => a.status === 'settled' && a.scores);
  const latest = [...settled].sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1));
  const open = d.assessments.find((a) => a.status !== 'settled') ?? null;
  const ownerNames = (line: 'plan' | 'build' | 'run') => tech.owners[line].people.map((id) => state.members.get(id)?.name ?? 'a former member');

  return (
    <main className="page page--wide" id="main" data-testid="technology-page">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(state.team.id)}>{state.team.name}</Link> › <Link to={paths.technologies(state.team.id)}>Technologies</Link>
      </p>
      <div className="tech-head">
        <h1>{tech.name}</h1>
        <LevelBadge level={tech.level} overridden={tech.overrideLevel !== null} />
        <span className="chip">{LIFECYCLE_WORDS[tech.lifecycle]}</span>
        {tech.archivedAt && <span className="chip chip--muted">Archived</span>}
        <span className="section__end tech-head__actions">
          {can(role, 'write') && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              <Icon name="edit" /> Edit
            </button>
          )}
          {can(role, 'plan') && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void (tech.archivedAt ? techApi.restore(tech.id) : techApi.archive(tech.id)).catch((err: unknown) => showToast({ tone: 'error', title: plainMessage(err) }))}
            >
              <Icon name="archive" /> {tech.archivedAt ? 'Restore' : 'Archive'}
            </button>
          )}
        </span>
      </div>
      {tech.description && <p className="tech-description">{tech.description}</p>}
      <dl className="tech-facts">
        <div>
          <dt>Under configuration management</dt>
          <dd>{tech.configManagedPct}%</dd>
        </div>
        <div>
          <dt>Installations</dt>
          <dd>{tech.installations}</dd>
        </div>
        <div>
          <dt>Environments</dt>
          <dd>{tech.environments.join(', ') || '–'}</dd>
        </div>
        {(['plan', 'build', 'run'] as const).map((line) => (
          <div key={line}>
            <dt>{line === 'plan' ? 'Plan (architecture)' : line === 'build' ? 'Build (engineering)' : 'Run (operations)'}</dt>
            <dd>{[...ownerNames(line), ...(tech.owners[line].teams.length > 0 ? [`${tech.owners[line].teams.length} other team(s)`] : [])].join(', ') || 'Nobody named'}</dd>
          </div>
        ))}
        {tech.links.length > 0 && (
          <div>
            <dt>Links</dt>
            <dd>
              {tech.links.map((l, i) => (
                <span key={l.url}>
                  {i > 0 && ', '}
                  <a href={l.url} target="_blank" rel="noreferrer noopener">
                    {l.title}
                  </a>
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>

      <section className="section tech-level" aria-labelledby="level-heading">
        <h2 id="level-heading">Maturity</h2>
        {tech.level === null ? (
          <p className="muted">Not assessed yet. Open an assessment: everyone scores the fifteen vectors alone, then the team reveals and settles one set.</p>
        ) : (
          <>
            <p data-testid="tech-level-text">
              <strong>Level {tech.level}.</strong> {LEVEL_TEXT[tech.level]}
            </p>
            <p className="muted">
              Computed {tech.computedLevel ?? '–'} (mean {tech.computedMean ?? '–'}) from the assessment of {tech.lastAssessedOn ?? '–'}.
              {tech.overrideLevel !== null && ` Set to ${tech.overrideLevel} by hand: ${tech.overrideReason}.`}
            </p>
          </>
        )}
        {can(role, 'plan') && <OverrideForm detail={d} />}
      </section>

      <div className="tech-grid">
        <section className="section" aria-labelledby="radar-heading">
          <h2 id="radar-heading">Radar</h2>
          {latest[0]?.scores ? <Radar scores={latest[0].scores} previous={latest[1]?.scores ?? null} name={tech.name} /> : <EmptyNote>No settled assessment yet.</EmptyNote>}
        </section>
        <section className="section" aria-labelledby="trend-heading">
          <h2 id="trend-heading">Vector trends</h2>
          {settled.length === 0 ? (
            <EmptyNote>Trends show after the first settled assessment.</EmptyNote>
          ) : (
            <table className="table tech-trends" data-testid="tech-trends">
              <thead>
                <tr>
                  <th scope="col">Vector</th>
                  <th scope="col">History</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {d.trends.map((t) => (
                  <tr key={t.vector}>
                    <th scope="row">{vectorLabel(t.vector as Parameters<typeof vectorLabel>[0])}</th>
                    <td>{t.points.length === 0 ? <span className="muted">not scored</span> : t.points.map((p) => p.score).join(' → ')}</td>
                    <td className={t.change > 0 ? 'trend trend--up' : t.change < 0 ? 'trend trend--down' : 'trend'}>{t.change > 0 ? `+${t.change}` : t.change}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>

      <section className="section" aria-labelledby="load-heading">
        <h2 id="load-heading">Interrupts per week</h2>
        <BarChart
          title={`${tech.name}: interrupts per week`}
          hideTitle
          summary={`${d.weekly.reduce((a, w) => a + w.count, 0)} interrupts named ${tech.name} in the last ${d.weekly.length} weeks.`}
          x={{ kind: 'date', values: d.weekly.map((w) => w.week), label: 'Week' }}
          series={[{ id: 'interrupts', label: 'Interrupts', values: d.weekly.map((w) => w.count) }]}
          yLabel="Interrupts"
          heightRem={12}
          testId="tech-weekly"
        />
        {d.rises.length > 0 ? (
          <ul className="tech-rises" data-testid="tech-rises">
            {d.rises.map((r) => (
              <li key={r.date}>
                Maturity rose from {r.from} to {r.to} on {r.date}: {r.before ?? '–'} interrupts a week in the four weeks before, {r.after ?? '–'} after —{' '}
                <strong>{r.fell === null ? 'too early to tell' : r.fell ? 'the load fell' : 'the load did not fall'}</strong>.
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">When an assessment raises the level, this shows whether the interrupt load fell afterwards.</p>
        )}
      </section>

      {open ? (
        <AssessmentPanel assessmentId={open.id} revision={revision} userId={user.id} role={role} members={state.members} />
      ) : (
        can(role, 'write') && !tech.archivedAt && <OpenAssessment technologyId={tech.id} />
      )}

      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">Assessments</h2>
        {settled.length === 0 ? (
          <EmptyNote>None settled yet.</EmptyNote>
        ) : (
          <ul className="tech-rules">
            {latest.map((a) => (
              <li key={a.id}>
                {a.assessedOn}: level {a.level} (mean {a.mean}), {a.scorerIds.length} scorer(s), settled by {state.members.get(a.settledBy ?? '')?.name ?? 'someone'}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="cards-heading">
        <h2 id="cards-heading">Cards and interrupts</h2>
        {d.cards.length === 0 ? (
          <EmptyNote>No card names {tech.name} yet. Name it from a card’s panel, or add an alert rule.</EmptyNote>
        ) : (
          <ul className="tech-rules" data-testid="tech-cards">
            {d.cards.map((c) => (
              <li key={c.id}>
                <Link to={paths.board(c.boardId, `?card=${c.id}`)}>{c.title}</Link> <span className="muted">{c.type}{c.done ? ' · done' : ''}</span>
              </li>
            ))}
          </ul>
        )}
        {d.rules.length > 0 && (
          <p className="muted">
            Alert rules: {d.rules.map((r) => r.text).join('; ')}
          </p>
        )}
      </section>
      {editing && <TechnologyDialog teamId={tech.teamId} technology={tech} members={state.members} onClose={() => setEditing(false)} onSaved={() => {
            setEditing(false);
            refresh();
          }} />}
    </main>
  );
}

function OpenAssessment({ technologyId }: { technologyId: string }) {
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [error, setError] = useState<string | null>(null);
  const open = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await techApi.openAssessment(technologyId, date || undefined, newKey('assess'));
      announce('Assessment opened. Score alone; the scores stay hidden until the reveal.');
    } catch (err) {
      setError(plainMessage(err));
    }
  };
  return (
    <section className="section" aria-labelledby="open-heading">
      <h2 id="open-heading">New assessment</h2>
      <form className="form form--inline" onSubmit={(e) => void open(e)} noValidate>
        <label>
          Assessed on <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <button type="submit" className="button button--primary" data-testid="open-assessment">
          Open an assessment
        </button>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

function OverrideForm({ detail }: { detail: TechnologyDetail }) {
  const tech = detail.technology;
  const [level, setLevel] = useState(tech.overrideLevel === null ? '' : String(tech.overrideLevel));
  const [reason, setReason] = useState(tech.overrideReason ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = level === '' ? null : Number(level);
    if (chosen !== null && reason.trim() === '') return setError('Say why the level differs from the computed one.');
    try {
      await techApi.override(tech.id, { version: tech.version, level: chosen, ...(chosen !== null && { reason: reason.trim() }) }, newKey('override'));
      setError(null);
      announce(chosen === null ? 'The computed level applies again.' : `Level set to ${chosen}.`);
    } catch (err) {
      setError(plainMessage(err));
    }
  };
  return (
    <form className="form form--inline tech-override" onSubmit={(e) => void save(e)} noValidate data-testid="override-form">
      <label>
        Level{' '}
        <select value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="">As computed</option>
          {[0, 1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="tech-override__reason">
        Reason <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} disabled={level === ''} />
      </label>
      <button type="submit" className="button">
        Save level
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
