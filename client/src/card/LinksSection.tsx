import { useEffect, useState } from 'react';
import { LINK_KINDS, type Board, type Card, type CardDetail, type CardLink, type LinkKind } from '@opsboard/shared';
import { boardsApi } from '../api/boards';
import { cardsApi } from '../api/cards';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { includes } from '../lib/guards';
import { Icon } from '../ui/Icon';
import { LINK_WORDS } from './link-words';

interface Props {
  card: Card;
  boards: readonly Board[];
  editable: boolean;
  onChange: (links: CardLink[]) => void;
}

/** Links to other cards of the team, both ways, with a search to add one. */
export function LinksSection({ card, boards, editable, onChange }: Props) {
  const [detail, setDetail] = useState<CardDetail | null>(null);
  const [adding, setAdding] = useState(false);
  const linksKey = JSON.stringify(card.links);
  useEffect(() => {
    let alive = true;
    cardsApi.detail(card.id).then(
      (d) => alive && setDetail(d),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [card.id, linksKey]);

  const ref = (id: string) => detail?.related.find((r) => r.id === id);
  const label = (id: string) => {
    const r = ref(id);
    return r ? `#${r.number} ${r.title}` : 'a card';
  };
  return (
    <section className="card-section" aria-labelledby="links-heading">
      <div className="card-section__head">
        <h3 id="links-heading">Links</h3>
        {editable && !adding && (
          <button type="button" className="button button--small button--quiet" onClick={() => setAdding(true)}>
            <Icon name="link" /> Add link
          </button>
        )}
      </div>
      {card.links.length === 0 && (detail?.incoming.length ?? 0) === 0 && !adding && <p className="muted">No links.</p>}
      <ul className="plain-list">
        {card.links.map((l) => (
          <li key={`${l.kind}:${l.cardId}`} className="plain-list__row">
            <span>
              This card {LINK_WORDS[l.kind]} <LinkedCard id={l.cardId} label={label(l.cardId)} boardId={ref(l.cardId)?.boardId} where={ref(l.cardId)?.columnName} />
            </span>
            {editable && (
              <button type="button" className="icon-button" aria-label={`Remove link to ${label(l.cardId)}`} onClick={() => onChange(card.links.filter((x) => x !== l))}>
                <Icon name="close" />
              </button>
            )}
          </li>
        ))}
        {detail?.incoming.map((l) => (
          <li key={`in:${l.kind}:${l.cardId}`} className="plain-list__row">
            <span>
              <LinkedCard id={l.cardId} label={label(l.cardId)} boardId={ref(l.cardId)?.boardId} where={ref(l.cardId)?.columnName} /> {LINK_WORDS[l.kind]} this card
            </span>
          </li>
        ))}
      </ul>
      {adding && <AddLink card={card} boards={boards} onAdd={(link) => onChange([...card.links, link])} onClose={() => setAdding(false)} />}
    </section>
  );
}

function LinkedCard({ id, label, boardId, where }: { id: string; label: string; boardId: string | undefined; where: string | undefined }) {
  if (!boardId) return <span>{label}</span>;
  return (
    <Link to={`${paths.board(boardId)}?card=${id}`}>
      {label}
      {where && <span className="muted"> ({where})</span>}
    </Link>
  );
}

function AddLink({ card, boards, onAdd, onClose }: { card: Card; boards: readonly Board[]; onAdd: (link: CardLink) => void; onClose: () => void }) {
  const [kind, setKind] = useState<LinkKind>('relates');
  const [query, setQuery] = useState('');
  const [cards, setCards] = useState<Card[] | null>(null);
  useEffect(() => {
    let alive = true;
    // The team's boards are few; their snapshots are cached by the server.
    Promise.all(boards.map((b) => boardsApi.snapshot(b.id))).then(
      (snaps) => alive && setCards(snaps.flatMap((s) => s.cards)),
      () => alive && setCards([]),
    );
    return () => {
      alive = false;
    };
  }, [boards]);
  const q = query.trim().toLowerCase();
  const matches = (cards ?? [])
    .filter((c) => c.id !== card.id && !card.links.some((l) => l.cardId === c.id && l.kind === kind))
    .filter((c) => q === '' || `#${c.number} ${c.title}`.toLowerCase().includes(q))
    .slice(0, 8);
  return (
    <div className="add-link">
      <div className="card-field__row">
        <select aria-label="Link type" value={kind} onChange={(e) => includes(LINK_KINDS, e.target.value) && setKind(e.target.value)}>
          {LINK_KINDS.map((k) => (
            <option key={k} value={k}>
              This card {LINK_WORDS[k]}…
            </option>
          ))}
        </select>
        <input aria-label="Find a card by title or number" placeholder="Title or #number" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
        <button type="button" className="button button--small" onClick={onClose}>
          Done
        </button>
      </div>
      {cards === null ? (
        <p className="muted">Loading the team's cards…</p>
      ) : (
        <ul className="plain-list add-link__results">
          {matches.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="add-link__result"
                onClick={() => {
                  onAdd({ kind, cardId: c.id });
                  setQuery('');
                }}
              >
                <span className="muted">#{c.number}</span> {c.title}
              </button>
            </li>
          ))}
          {matches.length === 0 && <li className="muted">No matching card.</li>}
        </ul>
      )}
    </div>
  );
}
