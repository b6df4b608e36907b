/**
 * /teams/:teamId/metrics — flow metrics (cumulative flow, cycle time,
 * throughput, WIP ageing, flow efficiency), interrupts, DORA and a Monte
 * Carlo forecast, for the team or one of its boards (?board=), over a range.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { addCalendarDays, BOARD_KINDS, can, CARD_TYPES, type ForecastAnswer, type MetricsReport } from '@opsboard/shared';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { navigate } from '../app/router';
import { paths } from '../app/routes';
import { metricsApi } from '../api/metrics';
import { potwApi } from '../api/potw';
import { BarChart, LineChart, ScatterChart } from '../charts';
import { useFresh } from '../planning/use-fresh';
import { useLiveBoards } from '../planning/use-live-boards';
import { useServices } from '../app/services';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { BOARD_KIND_INFO } from '../teams/board-kinds';
import { TeamNav } from '../teams/TeamNav';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { CsvButton } from './CsvButton';
import { KpiSection } from './KpiSection';
import '../styles/metrics.css';
import { filtersOf, isFiltered, RANGE_WEEKS, viewFromSearch, viewToSearch, waitingQueue, weeksCovering, type MetricsView } from './metrics-view';

const DAY = 86_400_000;
type ForecastQuestion = 'items' | 'feature' | 'card' | 'date';
const days = (ms: number) => Math.round((ms / DAY) * 10) / 10;
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const num = (v: number | null) => (v === null ? '—' : String(v));

function Panel({ title, csv, children }: { title: string; csv?: ReactNode; children: ReactNode }) {
  return (
    <section className="metrics-panel" aria-label={title}>
      <div className="section__head">
        <h2>{title}</h2>
        <span className="section__end">{csv}</span>
      </div>
      {children}
    </section>
  );
}

/** A labelled menu of one filter: "any" (the empty value) or one of `options` ([value, text]). */
function Choice<T extends string>(props: { label: string; any: string; value: T | ''; options: readonly (readonly [T, string])[]; onChange: (value: T | '') => void; testId: string; required?: boolean }) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as T | '')} required={props.required} data-testid={props.testId}>
        <option value="">{props.any}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function MetricsPage({ teamId }: { teamId: string }) {
  // KPIs and DORA follow the team stream: a KPI added or a week recorded elsewhere, or CI reporting a deployment, shows at once.
  const [kpiTick, setKpiTick] = useState(0);
  const [doraTick, setDoraTick] = useState(0);
  const team = useTeamLive(teamId, {
    onEvent: (event) => {
      if (event.type.startsWith('kpi.')) setKpiTick((n) => n + 1);
      if (event.type === 'deployment.recorded') {
        setDoraTick((n) => n + 1);
        setKpiTick((n) => n + 1);
      }
    },
  });
  const { user } = useServices();
  // Scope, range and filters live in the address, so a wall display or a shared link opens the same view.
  const [view, setView] = useState<MetricsView>(() => viewFromSearch(new URLSearchParams(window.location.search)));
  const change = (patch: Partial<MetricsView>) => {
    const next = { ...view, ...patch };
    setView(next);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${viewToSearch(next)}`);
  };
  const { boardId } = view;
  const [labelDraft, setLabelDraft] = useState(view.label);
  // The server ends the range on the team's today; the start is counted back from the browser's.
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  const filters = filtersOf(view, today);
  const weeks = weeksCovering(view, today);
  const key = `${teamId}|${boardId}|${JSON.stringify(filters)}`;
  const report = useFresh(() => (boardId ? metricsApi.board(boardId, filters) : metricsApi.team(teamId, filters)), key);
  const dora = useFresh(() => metricsApi.dora(teamId, filters), `${teamId}|${filters.from}|${filters.to}|${doraTick}`);
  const figures = useFresh(() => potwApi.figures(teamId, 'week', weeks), `${teamId}|${weeks}`);
  // The charts follow the team's boards (the interrupt and DORA figures are the team's even when one board
  // is chosen): a card moved, blocked or finished anywhere redraws them, settled for a second so a burst of
  // moves costs one refetch, and a wall display never goes stale.
  const state = team.state;
  const followed = useMemo(() => state?.boards.map((b) => b.id) ?? [], [state?.boards]);
  const live = useLiveBoards(
    followed,
    () => {
      report.refresh();
      figures.refresh();
      dora.refresh();
      setKpiTick((n) => n + 1);
    },
    1000,
  );
  const [question, setQuestion] = useState<ForecastQuestion>('items');
  const [items, setItems] = useState(10);
  const [forecastFeature, setForecastFeature] = useState('');
  const [forecastCard, setForecastCard] = useState('');
  const [forecastDate, setForecastDate] = useState('');
  const [forecast, setForecast] = useState<ForecastAnswer | null>(null);
  const [forecastError, setForecastError] = useState<string | null>(null);
  useDocumentTitle(['Metrics', state?.team.name]);

  // A new scope, range or filter starts a new load: the last answer stays on screen (with the form) until it comes.
  const [shown, setShown] = useState<MetricsReport | null>(null);
  if (report.value && report.value !== shown) setShown(report.value);
  const r = report.value ?? shown;
  const updating = !report.value && !report.error;
  if (!state || !r) {
    const error = team.error ?? report.error;
    return error ? (
      <main className="page" id="main">
        <ErrorNote message={error} onRetry={report.refresh} />
      </main>
    ) : (
      <Spinner label="Loading the metrics" />
    );
  }
  const columnName = new Map(r.columns.map((c) => [c.id, c.name]));
  const openCard = (card: { cardId: string; boardId: string }) => navigate(paths.board(card.boardId, `?card=${card.cardId}`));
  const ct = r.cycleTime!;
  const lines = [
    ct.percentiles.p50 !== null ? { value: ct.percentiles.p50, label: `50%: ${ct.percentiles.p50} d`, color: 'green' as const } : null,
    ct.percentiles.p85 !== null ? { value: ct.percentiles.p85, label: `85%: ${ct.percentiles.p85} d`, color: 'orange' as const } : null,
    ct.percentiles.p95 !== null ? { value: ct.percentiles.p95, label: `95%: ${ct.percentiles.p95} d`, color: 'pink' as const } : null,
  ].filter((l) => l !== null);
  const cfd = r.cfd!;
  const fe = r.flowEfficiency!;
  const ageing = r.wipAgeing!;
  const runForecast = async () => {
    setForecastError(null);
    try {
      const ask =
        question === 'items' ? { items } : question === 'feature' ? { featureId: forecastFeature } : question === 'card' ? { untilCardId: forecastCard } : { date: forecastDate || addCalendarDays(today, 28) };
      setForecast(await metricsApi.forecast(teamId, ask));
    } catch (e) {
      setForecastError(e instanceof Error ? e.message : String(e));
    }
  };
  // The waiting cards of the boards with a backlog, in the order the forecast counts them.
  const queues =
    question !== 'card'
      ? []
      : state.boards.flatMap((board) => {
          const boardState = live.states.get(board.id);
          const cards = board.kind === 'interrupts' || !boardState ? [] : waitingQueue(boardState);
          return cards.length > 0 ? [{ board, cards }] : [];
        });
  const byName = <T extends { name: string }>(list: Iterable<T>) => [...list].sort((a, b) => a.name.localeCompare(b.name));
  const features = byName(state.features.values());
  const openFeatures = features.filter((f) => f.status === 'proposed' || f.status === 'active');
  const howMany = forecast?.question === 'how_many';

  return (
    <main className="page page--wide metrics-page" id="main" data-testid="metrics-page">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(teamId)}>{state.team.name}</Link>
      </p>
      <h1>Metrics</h1>
      <TeamNav teamId={teamId} active="metrics" />
      <form
        className="metrics-filters"
        aria-label="What the charts show"
        onSubmit={(e) => {
          e.preventDefault();
          change({ label: labelDraft });
        }}
      >
        <label>
          Scope{' '}
          <select value={boardId} onChange={(e) => change({ boardId: e.target.value })} data-testid="metrics-scope">
            <option value="">Whole team</option>
            {state.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        {!boardId && (
          <Choice label="Boards" any="All kinds" value={view.boardKind} options={BOARD_KINDS.map((k) => [k, BOARD_KIND_INFO[k].title])} onChange={(boardKind) => change({ boardKind })} testId="metrics-kind" />
        )}
        <label>
          Range{' '}
          <select value={String(view.weeks)} onChange={(e) => change(e.target.value === 'custom' ? { weeks: 'custom', from: view.from || filters.from || '', to: view.to || today } : { weeks: Number(e.target.value) })} data-testid="metrics-range">
            {RANGE_WEEKS.map((w) => (
              <option key={w} value={w}>
                last {w} weeks
              </option>
            ))}
            <option value="custom">custom dates</option>
          </select>
        </label>
        {view.weeks === 'custom' && (
          <>
            <label>
              From <input type="date" value={view.from} max={view.to || today} onChange={(e) => change({ from: e.target.value })} data-testid="metrics-from" />
            </label>
            <label>
              To <input type="date" value={view.to} min={view.from || undefined} max={today} onChange={(e) => change({ to: e.target.value })} data-testid="metrics-to" />
            </label>
          </>
        )}
        <Choice label="Feature" any="Any" value={view.featureId} options={features.map((f) => [f.id, f.name])} onChange={(featureId) => change({ featureId })} testId="metrics-feature" />
        <Choice label="Type" any="Any" value={view.cardType} options={CARD_TYPES.map((type) => [type, type])} onChange={(cardType) => change({ cardType })} testId="metrics-type" />
        <Choice label="Person" any="Anyone" value={view.personId} options={byName(state.members.values()).map((m) => [m.userId, m.name])} onChange={(personId) => change({ personId })} testId="metrics-person" />
        <label>
          Label{' '}
          <input value={labelDraft} maxLength={60} size={12} placeholder="any" onChange={(e) => setLabelDraft(e.target.value)} onBlur={() => labelDraft !== view.label && change({ label: labelDraft })} data-testid="metrics-label" />
        </label>
        {isFiltered(view) && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setLabelDraft('');
              change({ boardKind: '', featureId: '', cardType: '', personId: '', label: '' });
            }}
            data-testid="metrics-clear"
          >
            Clear filters
          </button>
        )}
        {isFiltered(view) && <p className="muted">The filters narrow the flow charts; the interrupt figures, DORA and KPIs are the whole team’s.</p>}
        {updating && (
          <p className="muted" role="status" data-testid="metrics-updating">
            Updating…
          </p>
        )}
        {report.error && (
          <p className="form__error" role="alert" data-testid="metrics-error">
            {report.error}
          </p>
        )}
      </form>

      <Panel title="Cumulative flow" csv={<CsvButton name="cumulative-flow" columns={['date', ...cfd.bands.map((b) => b.name)]} rows={cfd.days.map((d) => [d.date, ...d.counts])} />}>
        <LineChart
          title="Cards per column, day by day"
          summary={`Cumulative flow over ${cfd.days.length} days across ${cfd.bands.length} columns: done at the bottom, the backlog on top; a band that widens is work piling up.`}
          x={{ kind: 'date', values: cfd.days.map((d) => d.date) }}
          series={[...cfd.bands].reverse().map((b) => {
            const i = cfd.bands.indexOf(b);
            return { id: b.key, label: b.name, values: cfd.days.map((d) => d.counts[i] ?? 0) };
          })}
          stacked
          yLabel="Cards"
          testId="chart-cfd"
        />
      </Panel>

      <Panel title="Cycle time" csv={<CsvButton name="cycle-time" columns={['card', 'title', 'started', 'finished', 'days']} rows={ct.points.map((p) => [p.number, p.title, p.startedAt, p.finishedAt, p.days])} />}>
        <ScatterChart
          title="Days from start to done, per finished card"
          summary={`${ct.points.length} finished cards; 85% took ${num(ct.percentiles.p85)} days or less. Open a point to see its card.`}
          points={ct.points.map((p) => ({ id: p.cardId, at: p.finishedAt, value: p.days, label: `#${p.number} ${p.title}` }))}
          lines={lines}
          yLabel="Days"
          onOpen={(p) => openCard(ct.points.find((c) => c.cardId === p.id)!)}
          testId="chart-cycle-time"
        />
      </Panel>

      <Panel title="Throughput" csv={<CsvButton name="throughput" columns={['week', 'finished']} rows={r.throughput!.map((w) => [w.week, w.count])} />}>
        <BarChart title="Cards finished per week" summary="Finished cards per week." x={{ kind: 'date', values: r.throughput!.map((w) => w.week), label: 'Week' }} series={[{ id: 'done', label: 'Finished', values: r.throughput!.map((w) => w.count) }]} yLabel="Cards" showValues testId="chart-throughput" />
      </Panel>

      <Panel title="WIP ageing" csv={<CsvButton name="wip-ageing" columns={['card', 'title', 'column', 'age days', 'blocked']} rows={ageing.cards.map((c) => [c.number, c.title, columnName.get(c.columnId) ?? '', c.ageDays, c.blocked ? 'yes' : 'no'])} />}>
        <BarChart
          title="Age of every card in progress, against the 85th percentile cycle time"
          summary={`${ageing.cards.length} cards in progress.`}
          x={{ kind: 'category', values: ageing.cards.map((c) => `#${c.number} · ${columnName.get(c.columnId) ?? ''}`) }}
          series={[{ id: 'age', label: 'Age (days)', values: ageing.cards.map((c) => c.ageDays) }]}
          {...(ageing.percentiles.p85 !== null && { reference: { value: ageing.percentiles.p85, label: `85%: ${ageing.percentiles.p85} d`, color: 'orange' as const } })}
          yLabel="Days"
          emptyText="Nothing in progress."
          testId="chart-wip-ageing"
        />
      </Panel>

      <Panel title="Flow efficiency" csv={<CsvButton name="flow-efficiency" columns={['column', 'active days', 'waiting days', 'blocked days', 'cards', 'mean days']} rows={fe.columns.map((c) => [columnName.get(c.columnId) ?? c.columnId, days(c.activeMs), days(c.waitingMs), days(c.blockedMs), c.cards, days(c.meanMs)])} />}>
        <p data-testid="flow-efficiency-summary">
          Efficiency {pct(fe.efficiency)} (active time of all time in progress). Constraint: <strong>{fe.constraintColumnId ? columnName.get(fe.constraintColumnId) : '—'}</strong>, the column that holds cards longest.
        </p>
        <BarChart
          title="Time spent per column: active, waiting, blocked"
          summary="Card-days per column split into active, waiting and blocked time."
          x={{ kind: 'category', values: fe.columns.map((c) => columnName.get(c.columnId) ?? c.columnId) }}
          series={[
            { id: 'active', label: 'Active', values: fe.columns.map((c) => days(c.activeMs)), color: 'green' },
            { id: 'waiting', label: 'Waiting', values: fe.columns.map((c) => days(c.waitingMs)), color: 'amber', variant: 'light' },
            { id: 'blocked', label: 'Blocked', values: fe.columns.map((c) => days(c.blockedMs)), color: 'pink', variant: 'hatched' },
          ]}
          mode="stacked"
          yLabel="Card-days"
          testId="chart-flow-efficiency"
        />
      </Panel>

      <Panel title="Interrupts" csv={figures.value && <CsvButton name="interrupts" columns={['week', 'received', 'finished', 'interrupts finished', 'share by count', 'share by points']} rows={figures.value.map((f) => [f.label, f.received, f.finished.total, f.finished.interrupts, f.finished.shareByCount, f.finished.shareByPoints])} />}>
        {figures.value ? (
          <BarChart
            title="Interrupts' share of finished work, week by week (%)"
            summary="Share of finished cards that were interrupts, by count and by points."
            x={{ kind: 'date', values: figures.value.map((f) => f.label), label: 'Week' }}
            series={[
              { id: 'count', label: 'By count', values: figures.value.map((f) => Math.round((f.finished.shareByCount ?? 0) * 100)) },
              { id: 'points', label: 'By points', values: figures.value.map((f) => Math.round((f.finished.shareByPoints ?? 0) * 100)), variant: 'light' },
            ]}
            yLabel="%"
            testId="chart-interrupts"
          />
        ) : (
          <Spinner label="Loading interrupts" />
        )}
      </Panel>

      <Panel title="DORA" csv={dora.value && <CsvButton name="dora" columns={['week', 'deployments', 'failures']} rows={dora.value.weeks.map((w) => [w.week, w.deployments, w.failures])} />}>
        {dora.value ? (
          <>
            <dl className="metrics-stats" data-testid="dora-stats">
              <dt>Deployments per week</dt>
              <dd>{num(dora.value.perWeek)}</dd>
              <dt>Lead time for changes (median)</dt>
              <dd>{dora.value.leadTimeHours.p50 === null ? '—' : `${dora.value.leadTimeHours.p50} h`}</dd>
              <dt>Change failure rate</dt>
              <dd>{pct(dora.value.changeFailureRate)}</dd>
              <dt>Time to restore (median)</dt>
              <dd>{dora.value.timeToRestoreHours.p50 === null ? '—' : `${dora.value.timeToRestoreHours.p50} h`}</dd>
            </dl>
            <BarChart
              title="Deployments per week"
              summary="Deployments per week and how many failed."
              x={{ kind: 'date', values: dora.value.weeks.map((w) => w.week), label: 'Week' }}
              series={[
                { id: 'deployments', label: 'Deployments', values: dora.value.weeks.map((w) => w.deployments) },
                { id: 'failures', label: 'Failed', values: dora.value.weeks.map((w) => w.failures), color: 'pink', variant: 'hatched' },
              ]}
              yLabel="Deployments"
              testId="chart-dora"
            />
          </>
        ) : (
          <Spinner label="Loading DORA" />
        )}
      </Panel>

      <Panel title="Forecast" csv={forecast && <CsvButton name="forecast" columns={[howMany ? 'cards' : 'days', 'trials']} rows={forecast.distribution.map((d) => [d.value, d.trials])} />}>
        <form
          className="metrics-filters"
          onSubmit={(e) => {
            e.preventDefault();
            void runForecast();
          }}
        >
          <label>
            Question{' '}
            <select value={question} onChange={(e) => setQuestion(e.target.value as ForecastQuestion)} data-testid="forecast-question">
              <option value="items">When will N cards be done?</option>
              <option value="feature">When will a feature be done?</option>
              <option value="card">When will the backlog down to a card be done?</option>
              <option value="date">How many cards by a date?</option>
            </select>
          </label>
          {question === 'items' && (
            <label>
              Cards <input type="number" min={1} max={10000} value={items} onChange={(e) => setItems(Number(e.target.value))} data-testid="forecast-items" />
            </label>
          )}
          {question === 'feature' && (
            <Choice label="Feature (its cards not done yet)" any="Choose…" required value={forecastFeature} options={openFeatures.map((f) => [f.id, f.name])} onChange={setForecastFeature} testId="forecast-feature" />
          )}
          {question === 'card' && (
            <label>
              Down to (ready cards first, then the backlog by rank){' '}
              <select value={forecastCard} onChange={(e) => setForecastCard(e.target.value)} required data-testid="forecast-card">
                <option value="">Choose…</option>
                {queues.map((q) => (
                  <optgroup key={q.board.id} label={q.board.name}>
                    {q.cards.map((c, i) => (
                      <option key={c.id} value={c.id}>
                        {i + 1}. #{c.number} {c.title}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
          )}
          {question === 'date' && (
            <label>
              By <input type="date" value={forecastDate || addCalendarDays(today, 28)} min={addCalendarDays(today, 1)} onChange={(e) => setForecastDate(e.target.value)} required data-testid="forecast-date" />
            </label>
          )}
          <button type="submit" className="button button--primary" data-testid="forecast-run">
            Forecast
          </button>
        </form>
        {forecastError && <ErrorNote message={forecastError} />}
        {forecast && (
          <>
            <p data-testid="forecast-answer">
              {howMany ? (
                <>
                  By {forecast.date}, at least — 50%: {forecast.p50} cards · 85%: {forecast.p85} · 95%: {forecast.p95}
                </>
              ) : (
                <>
                  {forecast.items} {forecast.items === 1 ? 'card' : 'cards'} — 50%: {forecast.dates?.p50 ?? 'not within 10 years'} · 85%: {forecast.dates?.p85 ?? '—'} · 95%: {forecast.dates?.p95 ?? '—'}
                </>
              )}{' '}
              ({forecast.trials.toLocaleString()} trials, interrupts take {pct(forecast.interruptShare)} of capacity)
            </p>
            <BarChart
              title={howMany ? `Cards finished by ${forecast.date}, over 10,000 trials` : 'Days needed, over 10,000 trials'}
              summary={howMany ? 'How many trials finished each number of cards by the date.' : 'How many trials finished after each number of days.'}
              x={{ kind: 'category', values: forecast.distribution.map((d) => String(d.value)), label: howMany ? 'Cards finished' : 'Days from today' }}
              series={[{ id: 'trials', label: 'Trials', values: forecast.distribution.map((d) => d.trials) }]}
              yLabel="Trials"
              testId="chart-forecast"
            />
          </>
        )}
      </Panel>
      <KpiSection teamId={teamId} canConfigure={can(roleIn(state, user.id) ?? 'guest', 'configure')} canRecord={can(roleIn(state, user.id) ?? 'guest', 'write')} refreshKey={`${teamId}|${kpiTick}`} />
    </main>
  );
}
