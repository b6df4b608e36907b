/**
 * A feature's pairs, iteration by iteration: those the feature lead set and
 * those its cards show (two people on a card are a pair), each saying where it
 * comes from. For the lead or the PO, an editor for one iteration's pairs:
 * two people per row, saved together.
 */
import { newKey } from '../../lib/ids';
import { useState } from 'react';
import type { FeatureDetail, Iteration, Member } from '@opsboard/shared';
import { plainMessage } from '../../api/errors';
import { announce } from '../../ui/announcer';
import { Avatar } from '../../ui/Avatar';
import { EmptyNote } from '../../ui/Feedback';
import { Icon } from '../../ui/Icon';
import { planningApi } from '../../api/planning';
import { checkPairs, shownPairs } from '../model/pairing';
import { rangeWords } from '../ui/dates';

interface Props {
  detail: FeatureDetail;
  /** The team's iterations, oldest first. */
  iterations: readonly Iteration[];
  members: ReadonlyMap<string, Member>;
  editable: boolean;
  onSaved(detail: FeatureDetail): void;
}

type Row = [string, string];

export function PairsSection({ detail, iterations, members, editable, onSaved }: Props) {
  const name = (id: string) => members.get(id)?.name ?? 'a former member';
  const byIteration = new Map(detail.pairs.flatMap((p) => (p.iterationId === null ? [] : [[p.iterationId, p] satisfies [string, typeof p]])));
  const numbers = new Map(detail.cards.map((c) => [c.id, c.number]));
  const recorded = detail.pairs.map((g) => ({ ...g, shown: shownPairs(g) })).filter((g) => g.shown.length > 0);
  const editableIterations = iterations.filter((i) => i.state !== 'closed' || byIteration.has(i.id));
  const defaultIteration = iterations.find((i) => i.state === 'planned') ?? iterations.find((i) => i.state === 'active') ?? iterations.at(-1) ?? null;
  // The team's iterations may arrive after the first render: until someone picks one, follow the default.
  const [picked, setIterationId] = useState<string | null>(null);
  const iterationId = picked ?? defaultIteration?.id ?? null;
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const saved = (id: string | null): Row[] => (id ? (byIteration.get(id)?.pairs.map(([a, b]): Row => [a, b]) ?? []) : []);
  const current = rows ?? saved(iterationId);
  const check = checkPairs(current, name);
  // Pairs may include customer developers (guests); viewers only watch.
  const workers = [...members.values()].filter((m) => m.role !== 'viewer').sort((a, b) => a.name.localeCompare(b.name));
  const setRow = (i: number, side: 0 | 1, value: string) => setRows(current.map((r, j): Row => (j === i ? (side === 0 ? [value, r[1]] : [r[0], value]) : r)));

  const save = async () => {
    if (!iterationId || check.error) return;
    setBusy(true);
    try {
      const next = await planningApi.setPairs(detail.feature.id, { iterationId, pairs: current }, newKey('pairs'));
      announce(`Saved ${current.length} ${current.length === 1 ? 'pair' : 'pairs'} for ${iterations.find((i) => i.id === iterationId)?.name ?? 'the iteration'}.`);
      setRows(null);
      setError(null);
      onSaved(next);
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pairs" data-testid="pairs">
      {recorded.length === 0 ? (
        <EmptyNote>No pairs yet. The lead sets them below, or put two people on one of the feature's cards.</EmptyNote>
      ) : (
        <ul className="pairs__list">
          {recorded.map((g) => (
            <li key={g.iterationId ?? 'none'} className="pairs__iteration" data-testid="pairs-group">
              <span className="pairs__name">{g.iterationName ?? 'Not in an iteration'}</span>
              <span className="pairs__pairs">
                {g.shown.map(({ pair, set, cardIds }) => {
                  // Names in alphabetical order, so a pair reads the same whichever way it was saved.
                  const [a, b] = name(pair[0]).localeCompare(name(pair[1])) <= 0 ? pair : [pair[1], pair[0]];
                  const on = cardIds.map((id) => `#${numbers.get(id) ?? '?'}`).join(', ');
                  const source = [set ? 'set by the lead' : null, cardIds.length > 0 ? `on ${on}` : null].filter(Boolean).join(' · ');
                  return (
                    <span key={`${a}:${b}`} className="pair-chip">
                      <Avatar userId={a} name={name(a)} size="sm" />
                      <Avatar userId={b} name={name(b)} size="sm" />
                      {name(a)} & {name(b)}
                      <span className="pair-chip__source">{source}</span>
                    </span>
                  );
                })}
              </span>
            </li>
          ))}
        </ul>
      )}

      {editable && iterationId && (
        <form
          className="pairs-editor"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          aria-labelledby="pairs-editor-title"
        >
          <div className="pairs-editor__head">
            <h3 id="pairs-editor-title">Set the pairs for</h3>
            <select
              aria-label="Iteration"
              value={iterationId}
              onChange={(e) => {
                setIterationId(e.target.value);
                setRows(null);
                setError(null);
              }}
            >
              {editableIterations.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name} ({i.state}, {rangeWords(i)})
                </option>
              ))}
            </select>
          </div>
          {current.length === 0 && <p className="muted">No pairs for this iteration yet.</p>}
          <ol className="pairs-editor__rows">
            {current.map((row, i) => (
              <li key={i} className="pairs-editor__row">
                {([0, 1] as const).map((side) => (
                  <select key={side} aria-label={`Pair ${i + 1}, ${side === 0 ? 'first' : 'second'} person`} value={row[side]} onChange={(e) => setRow(i, side, e.target.value)}>
                    <option value="">Choose…</option>
                    {workers.map((m) => (
                      <option key={m.userId} value={m.userId}>
                        {m.role === 'guest' ? `${m.name} (guest)` : m.name}
                      </option>
                    ))}
                  </select>
                ))}
                <button type="button" className="icon-button" aria-label={`Remove pair ${i + 1}`} onClick={() => setRows(current.filter((_, j) => j !== i))}>
                  <Icon name="trash" />
                </button>
              </li>
            ))}
          </ol>
          {check.error && current.length > 0 && <p className="field__error">{check.error}</p>}
          {check.warning && <p className="field__hint">{check.warning}</p>}
          {error && (
            <p className="form__error" role="alert">
              {error}
            </p>
          )}
          <div className="form__actions">
            <button type="button" className="button button--small" onClick={() => setRows([...current, ['', '']])} disabled={current.length >= 20}>
              <Icon name="plus" /> Add a pair
            </button>
            <button type="submit" className="button button--small button--primary" disabled={busy || check.error !== null || rows === null}>
              Save pairs
            </button>
            {rows !== null && (
              <button type="button" className="button button--small button--quiet" onClick={() => setRows(null)}>
                Undo changes
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
