/**
 * One open assessment: everybody scores the fifteen vectors alone (the seed's
 * words inline, so people score against the same text); nobody sees another's
 * scores until the reveal; then the po/admin settle one set, starting from the
 * medians, and the aggregate level follows.
 */
import { useState } from 'react';
import { aggregate, can, LEVEL_TEXT, scoreNumbers, MATURITY_VECTORS, VECTOR_TEXT, type AssessmentView, type Member, type Role, type VectorScoresWithNotes } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { techApi } from '../api/tech';
import { newKey } from '../lib/ids';
import { useFresh } from '../planning/use-fresh';
import { announce } from '../ui/announcer';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { medianScores, vectorLabel } from './model';


interface Props {
  assessmentId: string;
  /** Bumped on every live assessment event, to reload. */
  revision: number;
  userId: string;
  role: Role | null;
  members: ReadonlyMap<string, Member>;
}

export function AssessmentPanel({ assessmentId, revision, userId, role, members }: Props) {
  const view = useFresh(() => techApi.assessment(assessmentId), `${assessmentId}:${revision}`);
  if (!view.value) return view.error ? <ErrorNote message={view.error} onRetry={view.refresh} /> : <Spinner label="Loading the assessment" />;
  const v = view.value;
  const a = v.assessment;
  const name = (id: string) => members.get(id)?.name ?? 'Someone';
  const mayReveal = a.openedBy === userId || can(role, 'plan');
  return (
    <section className="section assessment" aria-labelledby="assessment-heading" data-testid="assessment-panel" data-status={a.status}>
      <h2 id="assessment-heading">
        Assessment of {a.assessedOn} · {a.status === 'scoring' ? 'scoring alone' : 'revealed'}
      </h2>
      <p className="muted" data-testid="assessment-scorers">
        {a.scorerIds.length === 0 ? 'Nobody has scored yet.' : `Scored: ${a.scorerIds.map(name).join(', ')}.`} Opened by {name(a.openedBy)}.
      </p>
      <details className="assessment__levels">
        <summary>The aggregate levels, 0 to 5</summary>
        <ol start={0}>
          {LEVEL_TEXT.map((text, i) => (
            <li key={i}>
              <strong>Level {i}.</strong> {text}
            </li>
          ))}
        </ol>
      </details>
      {a.status === 'scoring' ? (
        <>
          {can(role, 'write') && <ScoreForm key={`mine-${assessmentId}`} initial={v.mine ?? {}} submit="Save my scores" onSubmit={(scores) => techApi.score(assessmentId, scores, newKey('score'))} onDone={view.refresh} testId="my-scores" />}
          {mayReveal && (
            <RevealButton
              disabled={a.scorerIds.length === 0}
              onReveal={async () => {
                await techApi.reveal(assessmentId);
                announce('Scores revealed.');
                view.refresh();
              }}
            />
          )}
        </>
      ) : (
        <Revealed view={v} name={name} role={role} onSettled={view.refresh} />
      )}
    </section>
  );
}

function RevealButton({ disabled, onReveal }: { disabled: boolean; onReveal: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="assessment__reveal">
      <button type="button" className="button button--primary" disabled={disabled} onClick={() => void onReveal().catch((err: unknown) => setError(plainMessage(err)))} data-testid="reveal-scores">
        Reveal everyone’s scores
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Revealed({ view, name, role, onSettled }: { view: AssessmentView; name: (id: string) => string; role: Role | null; onSettled: () => void }) {
  return (
    <>
      <div className="scroll-x">
        <table className="table assessment__table" data-testid="revealed-scores">
          <thead>
            <tr>
              <th scope="col">Vector</th>
              {view.revealed.map((p) => (
                <th key={p.userId} scope="col">
                  {name(p.userId)}
                </th>
              ))}
              <th scope="col">Median</th>
              <th scope="col">Spread</th>
            </tr>
          </thead>
          <tbody>
            {MATURITY_VECTORS.map((vector) => {
              const c = view.consensus[vector];
              return (
                <tr key={vector} className={c && !c.agreed ? 'assessment__row--apart' : undefined}>
                  <th scope="row">{vectorLabel(vector)}</th>
                  {view.revealed.map((p) => (
                    <td key={p.userId} title={p.scores[vector]?.note || undefined}>
                      {p.scores[vector]?.score ?? '–'}
                      {p.scores[vector]?.note ? <span className="assessment__note"> · {p.scores[vector]!.note}</span> : null}
                    </td>
                  ))}
                  <td>{c?.median ?? '–'}</td>
                  <td>{c ? (c.agreed ? `${c.min}–${c.max}` : `${c.min}–${c.max}, talk it through`) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {can(role, 'plan') ? (
        <ScoreForm
          key="settle"
          initial={medianScores(view.revealed)}
          submit="Settle these scores"
          onSubmit={async (scores) => {
            const r = await techApi.settle(view.assessment.id, scores, newKey('settle'));
            announce(`Settled at level ${r.assessment.level ?? '–'}.`);
            return r;
          }}
          onDone={onSettled}
          testId="settle-scores"
        />
      ) : (
        <p className="muted">The po or an admin settles the team’s scores.</p>
      )}
    </>
  );
}

function ScoreForm({ initial, submit, onSubmit, onDone, testId }: { initial: VectorScoresWithNotes; submit: string; onSubmit: (scores: VectorScoresWithNotes) => Promise<unknown>; onDone: () => void; testId: string }) {
  const [scores, setScores] = useState<VectorScoresWithNotes>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const agg = aggregate(scoreNumbers(scores));
  const save = async () => {
    if (Object.keys(scores).length === 0) return setError('Score at least one vector.');
    setBusy(true);
    try {
      await onSubmit(scores);
      setError(null);
      onDone();
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="score-form"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      {MATURITY_VECTORS.map((vector) => {
        const s = scores[vector];
        return (
          <fieldset key={vector} className="score-form__vector" data-vector={vector}>
            <legend>{VECTOR_TEXT[vector].label}</legend>
            <p className="score-form__text">{VECTOR_TEXT[vector].text}</p>
            <div className="segmented score-form__scale" role="radiogroup" aria-label={`${VECTOR_TEXT[vector].label} score`}>
              {[0, 1, 2, 3, 4, 5].map((n) => (
                <label key={n} className="score-form__option">
                  <input
                    type="radio"
                    name={`${testId}-${vector}`}
                    value={n}
                    checked={s?.score === n}
                    onChange={() => setScores((all) => ({ ...all, [vector]: { score: n, note: all[vector]?.note ?? '' } }))}
                  />
                  <span>{n}</span>
                </label>
              ))}
              {s && (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() =>
                    setScores((all) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== vector)))
                  }
                >
                  Clear
                </button>
              )}
            </div>
            <input
              className="score-form__note"
              aria-label={`${VECTOR_TEXT[vector].label} note`}
              placeholder="A short note (why this score)"
              maxLength={500}
              value={s?.note ?? ''}
              disabled={!s}
              onChange={(e) => setScores((all) => (all[vector] ? { ...all, [vector]: { ...all[vector], note: e.target.value } } : all))}
            />
          </fieldset>
        );
      })}
      <div className="score-form__footer">
        <span className="muted" data-testid="score-aggregate">
          {agg.mean === null ? 'Nothing scored yet.' : `${agg.scored} of 15 scored · mean ${agg.mean} → level ${agg.level}`}
        </span>
        <button type="submit" className="button button--primary" disabled={busy}>
          {submit}
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
