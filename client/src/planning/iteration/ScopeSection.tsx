/** Committed versus current scope: what was promised at the start, and what joined, left or was re-estimated since. */
import type { CommitmentDiff } from '../model/iteration-cards';

/** `closed`: the cards left are the finished ones (the rest carried over), so the figures say so. */
export function ScopeSection({ diff, closed }: { diff: CommitmentDiff; closed: boolean }) {
  const changed = diff.added.length + diff.removed.length + diff.reestimated.length > 0;
  return (
    <div className="scope" data-testid="scope">
      <dl className="scope__figures">
        <div>
          <dt>Committed at the start</dt>
          <dd>{diff.committedPoints} pts</dd>
        </div>
        <div>
          <dt>{closed ? 'Finished' : 'Scope now'}</dt>
          <dd>{diff.currentPoints} pts</dd>
        </div>
        <div hidden={closed}>
          <dt>Difference</dt>
          <dd className={diff.currentPoints > diff.committedPoints ? 'scope__up' : diff.currentPoints < diff.committedPoints ? 'scope__down' : undefined}>
            {diff.currentPoints - diff.committedPoints > 0 ? '+' : ''}
            {Math.round((diff.currentPoints - diff.committedPoints) * 10) / 10} pts
          </dd>
        </div>
      </dl>
      {!changed && <p className="muted">No card joined or left since the start.</p>}
      {diff.added.length > 0 && (
        <div>
          <h3 className="scope__title">Added after the start</h3>
          <ul className="close-list">
            {diff.added.map((c) => (
              <li key={c.id}>
                <span className="scope__up">+{c.points ?? 0}</span> #{c.number} {c.title}
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.removed.length > 0 && (
        <div>
          <h3 className="scope__title">Taken out after the start</h3>
          <ul className="close-list">
            {diff.removed.map((c) => (
              <li key={c.cardId}>
                <span className="scope__down">−{c.points ?? 0}</span> {c.title}
              </li>
            ))}
          </ul>
        </div>
      )}
      {diff.reestimated.length > 0 && (
        <div>
          <h3 className="scope__title">Re-estimated</h3>
          <ul className="close-list">
            {diff.reestimated.map((r) => (
              <li key={r.card.id}>
                #{r.card.number} {r.card.title}: {r.from ?? '–'} → {r.to ?? '–'} pts
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
