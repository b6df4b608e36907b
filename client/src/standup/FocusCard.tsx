/** The focused card, large: what the room is talking about now. */
import { cardFlags, type BoardSnapshot, type Member } from '@opsboard/shared';

interface Props {
  snap: BoardSnapshot | undefined;
  cardId: string | null;
  personId: string | null;
  people: ReadonlyMap<string, Member>;
  now: number;
  ageDays: number;
}

export function FocusCard({ snap, cardId, personId, people, now, ageDays }: Props) {
  const name = (id: string) => people.get(id)?.name ?? 'Former member';
  const card = cardId ? snap?.cards.find((c) => c.id === cardId) : undefined;
  if (!snap || !card) {
    return (
      <section className="standup-focus standup-focus--empty" data-testid="standup-focus">
        <p className="standup-focus__board">{snap?.board.name ?? 'Loading…'}</p>
        <p className="muted">Press → or j to walk the board from the done side. Space pauses the timer, s skips to the next person.</p>
      </section>
    );
  }
  const column = snap.columns.find((c) => c.id === card.columnId);
  const inColumn = snap.cards.filter((c) => c.columnId === card.columnId && c.archivedAt === null).length;
  const flags = cardFlags(card, column, inColumn, new Date(now), ageDays);
  return (
    <section className={`standup-focus${flags.blocked ? ' standup-focus--blocked' : ''}`} data-testid="standup-focus" aria-live="polite">
      <p className="standup-focus__board">
        {snap.board.name} · {column?.name ?? ''}
        {personId && <strong className="standup-focus__person"> · {name(personId)}’s turn</strong>}
      </p>
      <h2 className="standup-focus__title">
        <span className="standup-focus__num">#{card.number}</span> {card.title}
      </h2>
      <p className="standup-focus__flags">
        {flags.blocked && <span className="standup-flag standup-flag--blocked">Blocked{card.blockedReason ? `: ${card.blockedReason}` : ''}</span>}
        {flags.overWip && <span className="standup-flag standup-flag--wip">Column over its WIP limit</span>}
        {flags.ageing && <span className="standup-flag standup-flag--ageing">{flags.daysInColumn} days in {column?.name}</span>}
        {!flags.blocked && !flags.overWip && !flags.ageing && <span className="muted">{flags.daysInColumn} days in this column</span>}
      </p>
      <p className="standup-focus__who">{card.assigneeIds.length > 0 ? card.assigneeIds.map(name).join(' & ') : 'Nobody holds this card'}</p>
      {card.description && <p className="standup-focus__desc">{card.description.slice(0, 400)}</p>}
    </section>
  );
}
