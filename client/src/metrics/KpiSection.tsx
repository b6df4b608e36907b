/** The KPIs table on the metrics page: target, current value, a sparkline and a met/missed chip; po/admin edit, members enter manual weeks. */
import { useState, type FormEvent } from 'react';
import { KPI_DIRECTIONS, KPI_SOURCE_DIRECTIONS, KPI_SOURCE_LABELS, KPI_SOURCES, type KpiDirection, type KpiRow, type KpiSource } from '@opsboard/shared';
import { kpiApi } from '../api/kpi';
import { useFresh } from '../planning/use-fresh';
import { ErrorNote } from '../ui/Feedback';

const SOURCE_LABEL = KPI_SOURCE_LABELS;

function Sparkline({ values }: { values: readonly (number | null)[] }) {
  const nums = values.filter((v): v is number => v !== null);
  if (nums.length === 0) return <span aria-label="no values">—</span>;
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const w = 96;
  const h = 24;
  const x = (i: number) => (i / Math.max(1, values.length - 1)) * w;
  const y = (v: number) => (hi === lo ? h / 2 : h - 2 - ((v - lo) / (hi - lo)) * (h - 4));
  const points = values.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`])).join(' ');
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`last 12 weeks: ${values.map((v) => v ?? '–').join(', ')}`}>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} />
    </svg>
  );
}

function StatusChip({ status }: { status: KpiRow['status'] }) {
  const text = status === 'met' ? '✓ Met' : status === 'missed' ? '✗ Missed' : 'No data';
  const colour = status === 'met' ? '#1a7f37' : status === 'missed' ? '#cf222e' : '#6e7781';
  return (
    <span data-testid="kpi-status" style={{ color: '#fff', background: colour, borderRadius: 8, padding: '0 0.5em', whiteSpace: 'nowrap' }}>
      {text}
    </span>
  );
}

interface Draft {
  name: string;
  unit: string;
  source: KpiSource;
  direction: KpiDirection;
  baseline: string;
  target: string;
}
const EMPTY: Draft = { name: '', unit: '', source: 'manual', direction: 'higher', baseline: '0', target: '0' };

export function KpiSection({ teamId, canConfigure, canRecord, refreshKey }: { teamId: string; canConfigure: boolean; canRecord: boolean; refreshKey: string }) {
  const [bump, setBump] = useState(0);
  const list = useFresh(() => kpiApi.list(teamId), `${teamId}|${refreshKey}|${bump}`);
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const [entry, setEntry] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const reload = () => setBump((b) => b + 1);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      reload();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const d = editing.draft;
    const common = { name: d.name, unit: d.unit, direction: d.direction, baseline: Number(d.baseline), target: Number(d.target) };
    if (await run(() => (editing.id ? kpiApi.update(editing.id, common) : kpiApi.create(teamId, { ...common, source: d.source })))) setEditing(null);
  };
  const set = (patch: Partial<Draft>) => setEditing((ed) => (ed ? { ...ed, draft: { ...ed.draft, ...patch } } : ed));
  const rows = list.value ?? [];

  return (
    <section className="metrics-panel" aria-label="KPIs" data-testid="kpis">
      <div className="section__head">
        <h2>KPIs</h2>
        <span className="section__end">
          {canConfigure && (
            <button type="button" className="button" onClick={() => setEditing({ id: null, draft: EMPTY })} data-testid="kpi-add">
              Add KPI
            </button>
          )}
        </span>
      </div>
      {(error ?? list.error) && <ErrorNote message={(error ?? list.error)!} />}
      {editing && (
        <form onSubmit={(e) => void save(e)} aria-label={editing.id ? 'Edit KPI' : 'Add KPI'} data-testid="kpi-form">
          <label>
            Name <input value={editing.draft.name} onChange={(e) => set({ name: e.target.value })} required maxLength={80} data-testid="kpi-name" />
          </label>{' '}
          <label>
            Unit <input value={editing.draft.unit} onChange={(e) => set({ unit: e.target.value })} maxLength={20} style={{ width: '6rem' }} />
          </label>{' '}
          <label>
            Source{' '}
            <select value={editing.draft.source} disabled={editing.id !== null} onChange={(e) => set({ source: e.target.value as KpiSource, direction: KPI_SOURCE_DIRECTIONS[e.target.value as KpiSource] })} data-testid="kpi-source">
              {KPI_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {SOURCE_LABEL[s]}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            Better when{' '}
            <select value={editing.draft.direction} onChange={(e) => set({ direction: e.target.value as KpiDirection })} data-testid="kpi-direction">
              {KPI_DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            Baseline <input type="number" step="any" value={editing.draft.baseline} onChange={(e) => set({ baseline: e.target.value })} style={{ width: '6rem' }} data-testid="kpi-baseline" />
          </label>{' '}
          <label>
            Target <input type="number" step="any" value={editing.draft.target} onChange={(e) => set({ target: e.target.value })} style={{ width: '6rem' }} data-testid="kpi-target" />
          </label>{' '}
          <button type="submit" className="button button--primary" data-testid="kpi-save">
            Save
          </button>{' '}
          <button type="button" className="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}
      {rows.length === 0 ? (
        <p>No KPIs yet.</p>
      ) : (
        <table className="table" data-testid="kpi-table">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">Baseline</th>
              <th scope="col">Target</th>
              <th scope="col">Current</th>
              <th scope="col">Last 12 weeks</th>
              <th scope="col">Status</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const k = row.kpi;
              const unit = k.unit ? ` ${k.unit}` : '';
              const week = row.series.at(-1)!.week;
              return (
                <tr key={k.id} data-testid={`kpi-row-${k.name}`}>
                  <th scope="row">
                    {k.name}
                    <br />
                    <small>
                      {SOURCE_LABEL[k.source]}, {k.direction} is better
                    </small>
                  </th>
                  <td>{k.baseline + unit}</td>
                  <td>{k.target + unit}</td>
                  <td data-testid="kpi-current">{row.current === null ? '—' : row.current + unit}</td>
                  <td>
                    <Sparkline values={row.series.map((s) => s.value)} />
                  </td>
                  <td>
                    <StatusChip status={row.status} />
                  </td>
                  <td>
                    {k.source === 'manual' && canRecord && (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          const v = entry[k.id];
                          if (v !== undefined && v !== '') void run(() => kpiApi.record(k.id, week, Number(v)));
                        }}
                      >
                        <label>
                          Week of {week}{' '}
                          <input type="number" step="any" value={entry[k.id] ?? ''} onChange={(e) => setEntry({ ...entry, [k.id]: e.target.value })} style={{ width: '5rem' }} data-testid="kpi-entry" />
                        </label>{' '}
                        <button type="submit" className="button" data-testid="kpi-record">
                          Record
                        </button>
                      </form>
                    )}
                    {canConfigure && (
                      <>
                        <button
                          type="button"
                          className="button"
                          onClick={() => setEditing({ id: k.id, draft: { name: k.name, unit: k.unit, source: k.source, direction: k.direction, baseline: String(k.baseline), target: String(k.target) } })}
                        >
                          Edit
                        </button>{' '}
                        <button type="button" className="button" onClick={() => void run(() => kpiApi.remove(k.id))}>
                          Delete
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
