/** The read-only facts strip: what the iteration's event log says, and what became of the previous retro's actions. */
import { useEffect } from 'react';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { useFresh } from '../planning/use-fresh';
import { retroApi } from './api';

export function FactsStrip({ retroId, name, revision, readOnly }: { retroId: string; iterationLinked: boolean; name: (id: string | null) => string; revision: number; readOnly: boolean }) {
  const facts = useFresh(() => retroApi.facts(retroId), retroId);
  const { refresh } = facts;
  useEffect(() => {
    if (revision > 1) refresh();
  }, [revision, refresh]);
  if (readOnly || !facts.value) return null;
  const f = facts.value.iteration;
  const prev = facts.value.previousActions;
  if (!f && prev.length === 0) return null;
  return (
    <section className="section retro-facts" aria-labelledby="facts-heading" data-testid="facts-strip">
      <h2 id="facts-heading">Facts{f && ` from ${f.name}`}</h2>
      {f && (
        <dl className="retro-facts__grid">
          <div>
            <dt>Goal</dt>
            <dd>
              {f.goal || '(none set)'} — {f.goalMet === null ? 'still running' : f.goalMet ? 'met' : 'not met'}
            </dd>
          </div>
          <div>
            <dt>Committed / done</dt>
            <dd>
              {f.committed.cards} cards, {f.committed.points} pts / {f.done.cards} cards, {f.done.points} pts
            </dd>
          </div>
          <div>
            <dt>Scope added after start</dt>
            <dd>{f.scopeAdded.length === 0 ? 'none' : f.scopeAdded.map((c) => `${c.title} (${c.points ?? '–'} pts)`).join(', ')}</dd>
          </div>
          <div>
            <dt>Carried over</dt>
            <dd>{f.carriedOver.length === 0 ? 'none' : f.carriedOver.map((c) => c.title).join(', ')}</dd>
          </div>
          <div>
            <dt>WIP overrides</dt>
            <dd>{f.wipOverrides.length === 0 ? 'none' : f.wipOverrides.map((o) => `${o.title}: “${o.reason}” (${name(o.actorId)})`).join('; ')}</dd>
          </div>
          <div>
            <dt>Interrupts</dt>
            <dd>
              {f.interrupts.received} received{f.interrupts.share !== null && `, ${Math.round(f.interrupts.share * 100)}% of the work`}
              {f.interrupts.potwLoad.length > 0 && ` · PoTW load: ${f.interrupts.potwLoad.map((p) => `${name(p.userId)} ${p.count}`).join(', ')}`}
            </dd>
          </div>
          <div>
            <dt>Blocked</dt>
            <dd>{f.blocked.length === 0 ? 'nothing' : f.blocked.map((b) => `${b.title} ${b.hours} h${b.stillBlocked ? ' (still)' : ''}`).join(', ')}</dd>
          </div>
          <div>
            <dt>SS&amp;A pair rule</dt>
            <dd>
              held {f.pairRule.daysHeld} of {f.pairRule.days} days
            </dd>
          </div>
        </dl>
      )}
      {prev.length > 0 && (
        <>
          <h3>Last retro’s actions</h3>
          <ul className="retro-list">
            {prev.map((a) => (
              <li key={a.cardId}>
                #{a.cardNumber} {a.title} — {name(a.ownerId)}: <span className="retro-chip">{a.state === 'archived' ? 'archived' : a.column}</span>
              </li>
            ))}
          </ul>
          {facts.value.previousRetroId && <Link to={paths.retro(facts.value.previousRetroId)}>Open the last retro</Link>}
        </>
      )}
    </section>
  );
}
