/**
 * The board as compact tiles, every card visible at once on a 1920×1080 wall
 * (up to 40 cards): a full column splits its tiles into sub-columns instead of
 * scrolling. Blocked cards, cards in a column over its WIP limit and cards
 * ageing in their column stand out; the focused card is outlined.
 */
import { cardFlags, walkColumns, type BoardSnapshot, type Card, type Member } from '@opsboard/shared';
import { initials } from '../ui/Avatar';

/** Tiles per sub-column before a column splits. */
const ROWS = 14;

interface Props {
  snap: BoardSnapshot;
  focusCardId: string | null;
  focusPersonId: string | null;
  people: ReadonlyMap<string, Member>;
  now: number;
  ageDays: number;
}

export function StandupBoard({ snap, focusCardId, focusPersonId, people, now, ageDays }: Props) {
  // Shown left to right as on the board; the walk goes right to left.
  const columns = walkColumns(snap.columns).reverse();
  const live = snap.cards.filter((c) => c.archivedAt === null);
  return (
    <div className="standup-board" data-testid="standup-board">
      {columns.map((column) => {
        const cards = live.filter((c) => c.columnId === column.id).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
        const over = column.wipLimit !== null && cards.length > column.wipLimit;
        const split = Math.max(1, Math.ceil(cards.length / ROWS));
        return (
          <section key={column.id} className={`standup-col${over ? ' standup-col--over' : ''}`} style={{ flexGrow: split }} aria-label={column.name} data-testid="standup-column">
            <h2 className="standup-col__head">
              <span className="standup-col__name">{column.name}</span>
              <span className="standup-col__count">
                {cards.length}
                {column.wipLimit !== null && `/${column.wipLimit}`}
              </span>
              {over && <span className="standup-flag standup-flag--wip">over WIP</span>}
            </h2>
            <ul className="standup-col__cards" style={{ gridTemplateColumns: `repeat(${split}, minmax(0, 1fr))` }}>
              {cards.map((card) => (
                <Tile key={card.id} card={card} flags={cardFlags(card, column, cards.length, new Date(now), ageDays)} focused={card.id === focusCardId} dimmed={focusPersonId !== null && !card.assigneeIds.includes(focusPersonId)} people={people} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function Tile({ card, flags, focused, dimmed, people }: { card: Card; flags: ReturnType<typeof cardFlags>; focused: boolean; dimmed: boolean; people: ReadonlyMap<string, Member> }) {
  const classes = ['standup-tile', flags.blocked && 'standup-tile--blocked', flags.overWip && 'standup-tile--over', flags.ageing && 'standup-tile--ageing', focused && 'standup-tile--focused', dimmed && 'standup-tile--dimmed'].filter(Boolean).join(' ');
  return (
    <li className={classes} data-testid="standup-tile" data-card-id={card.id} data-blocked={flags.blocked || undefined} data-ageing={flags.ageing || undefined} data-over-wip={flags.overWip || undefined} aria-current={focused ? 'step' : undefined}>
      <span className="standup-tile__num">#{card.number}</span>
      <span className="standup-tile__title" title={card.title}>
        {card.title}
      </span>
      <span className="standup-tile__meta">
        {flags.blocked && <span className="standup-flag standup-flag--blocked">Blocked</span>}
        {flags.ageing && <span className="standup-flag standup-flag--ageing">{flags.daysInColumn}d</span>}
        {card.assigneeIds.map((id) => (
          <span key={id} className="standup-tile__who" title={people.get(id)?.name ?? 'Former member'}>
            {initials(people.get(id)?.name ?? '?')}
          </span>
        ))}
      </span>
    </li>
  );
}
