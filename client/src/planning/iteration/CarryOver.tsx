/** After closing: which unfinished cards went where (recorded on the iteration). */
import type { Card, Iteration } from '@opsboard/shared';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';

interface Props {
  carriedOver: readonly { cardId: string; to: string | null }[];
  /** Card by id, from the live boards or the committed snapshot. */
  cardOf(cardId: string): Pick<Card, 'id' | 'title' | 'boardId'> & { number?: number; points: number | null };
  iterations: ReadonlyMap<string, Iteration>;
}

export function CarryOver({ carriedOver, cardOf, iterations }: Props) {
  if (carriedOver.length === 0) return <p className="note note--success">Every card was finished: nothing carried over.</p>;
  const groups = new Map<string | null, typeof carriedOver>();
  for (const c of carriedOver) groups.set(c.to, [...(groups.get(c.to) ?? []), c]);
  return (
    <div className="carry" data-testid="carry-over">
      {[...groups].map(([to, items]) => {
        const target = to ? iterations.get(to) : null;
        const points = items.reduce((s, i) => s + (cardOf(i.cardId).points ?? 0), 0);
        return (
          <div key={to ?? 'backlog'} className="carry__group">
            <h3 className="carry__title">
              {items.length} {items.length === 1 ? 'card' : 'cards'} ({points} pts) carried over to{' '}
              {to === null ? 'the backlog' : target ? <Link to={paths.iteration(target.id)}>{target.name}</Link> : 'another iteration'}
            </h3>
            <ul className="close-list">
              {items.map((i) => {
                const card = cardOf(i.cardId);
                return (
                  <li key={i.cardId}>
                    <Link to={paths.board(card.boardId, `?card=${card.id}`)}>
                      {card.number ? `#${card.number} ` : ''}
                      {card.title}
                    </Link>{' '}
                    <span className="muted">· {card.points ?? '–'} pts</span>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
