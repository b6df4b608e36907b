/**
 * /teams/:teamId/technologies — the team's technology catalogue (seed 001):
 * ranked by where SS&A work would pay (low maturity, many interrupts, little
 * under configuration management), with each technology's interrupts per
 * week, its open SS&A cards, a heat map of every vector, and the Alertmanager
 * label rules that name a technology on arrival. Live with the team stream.
 */
import { useState, type FormEvent } from 'react';
import { can, MATURITY_VECTORS, type Technology, type TechOverview } from '@opsboard/shared';
import { cardsApi } from '../api/cards';
import { plainMessage } from '../api/errors';
import { techApi } from '../api/tech';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useServices } from '../app/services';
import { newKey } from '../lib/ids';
import { useFresh } from '../planning/use-fresh';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { TeamNav } from '../teams/TeamNav';
import { announce } from '../ui/announcer';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { Icon } from '../ui/Icon';
import { ScrollRegion } from '../ui/ScrollRegion';
import { showToast } from '../ui/toasts';
import { LevelBadge, WeekBars } from './LevelBadge';
import { LIFECYCLE_WORDS, splitMatchers, VECTOR_SHORT, vectorLabel } from './model';
import { TechnologyDialog } from './TechnologyDialog';
import '../styles/planning.css';
import '../styles/tech.css';

const isTechEvent = (type: string) => type.startsWith('technology.') || type.startsWith('assessment.') || type === 'card.technologies_set';

export function TechnologiesPage({ teamId }: { teamId: string }) {
  const { user } = useServices();
  const overview = useFresh(() => techApi.overview(teamId, 12), teamId);
  const rules = useFresh(() => techApi.rules(teamId), teamId);
  const team = useTeamLive(teamId, {
    onEvent: (event) => {
      if (isTechEvent(event.type)) {
        overview.refresh();
        rules.refresh();
      }
    },
    onReload: () => {
      overview.refresh();
      rules.refresh();
    },
  });
  const [adding, setAdding] = useState(false);
  const state = team.state;
  useDocumentTitle(['Technologies', state?.team.name]);

  if (!state || !overview.value) {
    const error = team.error ?? overview.error;
    return error ? (
      <main className="page" id="main">
        <ErrorNote message={error} onRetry={() => (team.error ? team.retry() : overview.refresh())} />
      </main>
    ) : (
      <Spinner label="Loading the technologies" />
    );
  }
  const role = roleIn(state, user.id);
  const data = overview.value;

  return (
    <main className="page page--wide" id="main" data-testid="technologies-page">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(teamId)}>{state.team.name}</Link>
      </p>
      <h1>Technologies</h1>
      <TeamNav teamId={teamId} active="technologies" />
      <div className="section__head">
        <p className="muted section__lede">
          Every technology the team runs, how mature it is (0–5, scored on the fifteen vectors of the method) and how many interrupts it causes. The list is ranked by where self-service &amp; automation work would pay most.
        </p>
        {can(role, 'write') && (
          <button type="button" className="button button--primary section__end" onClick={() => setAdding(true)} data-testid="new-technology">
            <Icon name="plus" /> Add technology
          </button>
        )}
      </div>
      {data.rows.length === 0 ? (
        <EmptyNote>No technologies yet. Add the ones the team runs (PostgreSQL, Kubernetes, Nagios, the build farm) and assess them.</EmptyNote>
      ) : (
        <>
          <ScrollRegion label="Where SS&A would pay">
            <table className="table tech-table" data-testid="tech-ranking">
              <caption className="tech-table__caption">Where SS&amp;A would pay, most first</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Technology</th>
                  <th scope="col">Maturity</th>
                  <th scope="col">Config mgmt</th>
                  <th scope="col">Interrupts (12 weeks)</th>
                  <th scope="col">Why</th>
                  <th scope="col">Open SS&amp;A work</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.technology.id} data-technology={row.technology.name}>
                    <td className="tech-table__rank">{row.pay.rank}</td>
                    <th scope="row">
                      <Link to={paths.technology(row.technology.id)}>{row.technology.name}</Link>
                      <span className="muted tech-table__life">{LIFECYCLE_WORDS[row.technology.lifecycle]}</span>
                    </th>
                    <td>
                      <LevelBadge level={row.technology.level} overridden={row.technology.overrideLevel !== null} />
                    </td>
                    <td>
                      <span className={row.technology.configManagedPct < 100 ? 'tech-table__cm tech-table__cm--short' : 'tech-table__cm'}>{row.technology.configManagedPct}%</span>
                    </td>
                    <td className="tech-table__load">
                      <WeekBars weekly={row.weekly} label={`${row.technology.name} interrupts per week`} />
                      <span className="tech-table__count">{row.interrupts}</span>
                    </td>
                    <td className="muted">{row.pay.reasons.join(' · ') || '–'}</td>
                    <td>
                      <SsaWork teamId={teamId} row={row} ssaBoardId={data.ssaBoardId} canCreate={can(role, 'write')} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <section className="section" aria-labelledby="heat-heading">
            <h2 id="heat-heading">Maturity by vector</h2>
            <p className="muted section__lede">The latest settled scores, 0 (red) to 5 (green). Hover a column head for the vector's name.</p>
            <Heatmap rows={data.rows} />
          </section>
        </>
      )}
      <RulesSection teamId={teamId} technologies={data.rows.map((r) => r.technology)} rules={rules.value ?? []} canEdit={can(role, 'configure')} />
      <ArchivedSection teamId={teamId} canRestore={can(role, 'plan')} revision={data.rows.map((r) => r.technology.id).join()} />
      {adding && (
        <TechnologyDialog
          teamId={teamId}
          technology={null}
          members={state.members}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            overview.refresh();
          }}
        />
      )}
    </main>
  );
}

function SsaWork({ teamId, row, ssaBoardId, canCreate }: { teamId: string; row: TechOverview['rows'][number]; ssaBoardId: string | null; canCreate: boolean }) {
  const [busy, setBusy] = useState(false);
  const create = async () => {
    if (!ssaBoardId) return;
    setBusy(true);
    try {
      const why = row.pay.reasons.length > 0 ? ` (${row.pay.reasons.join(', ')})` : '';
      const card = await cardsApi.create(
        ssaBoardId,
        { title: `Raise the maturity of ${row.technology.name}`, description: `Self-service & automation work for ${row.technology.name}${why}.\n\nFrom the technology catalogue of team ${teamId}.`, type: 'story' },
        newKey('ssa'),
      );
      await techApi.setCardTechnologies(card.id, [row.technology.id], newKey('ssa-tech'));
      announce(`Created an SS&A card for ${row.technology.name}.`);
    } catch (err) {
      showToast({ tone: 'error', title: plainMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="tech-ssa">
      {row.openSsaCards.length > 0 && (
        <ul className="tech-ssa__cards">
          {row.openSsaCards.map((c) => (
            <li key={c.id}>
              <Link to={paths.board(c.boardId, `?card=${c.id}`)}>{c.title}</Link>
            </li>
          ))}
        </ul>
      )}
      {canCreate && ssaBoardId && (
        <button type="button" className="button button--small button--quiet" disabled={busy} onClick={() => void create()} aria-label={`Create an SS&A card for ${row.technology.name}`}>
          <Icon name="plus" /> SS&amp;A card
        </button>
      )}
    </div>
  );
}

function Heatmap({ rows }: { rows: TechOverview['rows'] }) {
  return (
    <ScrollRegion label="Maturity heat map">
      <table className="heatmap" data-testid="tech-heatmap">
        <thead>
          <tr>
            <th scope="col">Technology</th>
            {MATURITY_VECTORS.map((v) => (
              <th key={v} scope="col" title={vectorLabel(v)}>
                <abbr title={vectorLabel(v)}>{VECTOR_SHORT[v]}</abbr>
              </th>
            ))}
            <th scope="col">Level</th>
          </tr>
        </thead>
        <tbody>
          {[...rows]
            .sort((a, b) => a.technology.name.localeCompare(b.technology.name))
            .map((row) => (
              <tr key={row.technology.id}>
                <th scope="row">
                  <Link to={paths.technology(row.technology.id)}>{row.technology.name}</Link>
                </th>
                {MATURITY_VECTORS.map((v) => {
                  const s = row.scores?.[v];
                  return (
                    <td key={v} className={s ? `heat heat--${s.score}` : 'heat heat--none'} title={`${row.technology.name} · ${vectorLabel(v)}: ${s ? s.score : 'not scored'}${s?.note ? ` · ${s.note}` : ''}`}>
                      {s ? s.score : '·'}
                    </td>
                  );
                })}
                <td>
                  <LevelBadge level={row.technology.level} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function RulesSection({ teamId, technologies, rules, canEdit }: { teamId: string; technologies: readonly Technology[]; rules: readonly { id: string; technologyId: string; text: string }[]; canEdit: boolean }) {
  const [technologyId, setTechnologyId] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(technologies.map((t) => [t.id, t.name]));
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const matchers = splitMatchers(text);
    if (!technologyId) return setError('Choose the technology the alerts concern.');
    if (matchers.length === 0) return setError('Write at least one matcher, such as job=postgres.');
    setBusy(true);
    try {
      await techApi.addRule(teamId, technologyId, matchers, newKey('rule'));
      setText('');
      setError(null);
      announce('Rule added.');
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="section" aria-labelledby="rules-heading" data-testid="tech-rules">
      <h2 id="rules-heading">Alert rules</h2>
      <p className="muted section__lede">
        An Alertmanager alert whose labels match every matcher of a rule is filed under that technology when it arrives: <code>job=postgres</code>, <code>service=~"k8s.*"</code>, <code>env!="dev"</code>.
      </p>
      {rules.length === 0 ? (
        <EmptyNote>No rules yet.</EmptyNote>
      ) : (
        <ul className="tech-rules">
          {rules.map((r) => (
            <li key={r.id}>
              <code>{r.text}</code> → <strong>{names.get(r.technologyId) ?? 'an archived technology'}</strong>
              {canEdit && (
                <button type="button" className="button button--small button--quiet" onClick={() => void techApi.removeRule(r.id).catch((err: unknown) => showToast({ tone: 'error', title: plainMessage(err) }))} aria-label={`Remove the rule ${r.text}`}>
                  <Icon name="close" /> Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && technologies.length > 0 && (
        <form className="form form--inline tech-rules__form" onSubmit={(e) => void add(e)} noValidate>
          <label>
            <span className="visually-hidden">Technology</span>
            <select value={technologyId} onChange={(e) => setTechnologyId(e.target.value)} aria-label="Technology">
              <option value="">Technology…</option>
              {technologies.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="tech-rules__matchers">
            <span className="visually-hidden">Matchers</span>
            <input value={text} onChange={(e) => setText(e.target.value)} placeholder='job=postgres, env!="dev"' aria-label="Matchers" />
          </label>
          <button type="submit" className="button" disabled={busy}>
            Add rule
          </button>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

function ArchivedSection({ teamId, canRestore, revision }: { teamId: string; canRestore: boolean; revision: string }) {
  const archived = useFresh(() => techApi.archived(teamId), `${teamId}:${revision}`);
  if (!archived.value || archived.value.length === 0) return null;
  return (
    <section className="section" aria-labelledby="archived-tech-heading">
      <h2 id="archived-tech-heading">Archived</h2>
      <ul className="tech-rules">
        {archived.value.map((t) => (
          <li key={t.id}>
            <Link to={paths.technology(t.id)}>{t.name}</Link>
            {canRestore && (
              <button type="button" className="button button--small button--quiet" onClick={() => void techApi.restore(t.id).catch((err: unknown) => showToast({ tone: 'error', title: plainMessage(err) }))}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
