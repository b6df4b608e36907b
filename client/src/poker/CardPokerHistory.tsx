/** A card's planning poker history in its panel: each session's rounds (every vote) and the final value. */
import { pokerApi } from '../api/poker';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { useAsync } from '../ui/use-async';

export function CardPokerHistory({ cardId, version, names }: { cardId: string; version: number; names: (userId: string) => string }) {
  const history = useAsync(() => pokerApi.cardHistory(cardId), [cardId, version]);
  if (history.status !== 'ready' || history.value.length === 0) return null;
  return (
    <section aria-label="Planning poker" className="card-panel__poker" data-testid="card-poker-history">
      <h3>Planning poker</h3>
      <ul>
        {history.value.map((h) => (
          <li key={h.sessionId}>
            <Link to={paths.poker(h.sessionId)}>{h.sessionName}</Link>: {h.status === 'accepted' ? `estimated ${h.finalValue}` : h.status}
            {h.rounds.map((r) => (
              <div key={r.id} className="muted">
                Round {r.number}: {r.votes.map((v) => `${names(v.userId)} ${v.value}`).join(', ')}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
