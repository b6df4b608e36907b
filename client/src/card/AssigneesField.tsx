import { useId } from 'react';
import { canHoldCard, type Card, type Member } from '@opsboard/shared';
import { Avatar } from '../ui/Avatar';

const MAX = 6;

/** A person's per-person WIP figure beside their name, and why adding them would be refused (null when it would not). */
export interface PersonWipNote {
  note: string;
  refusal: string | null;
}

interface Props {
  card: Card;
  people: ReadonlyMap<string, Member>;
  editable: boolean;
  onChange: (ids: string[]) => void;
  /** Per-person WIP figures, where the board limits people (null for nobody). */
  wip?: ((userId: string) => PersonWipNote | null) | undefined;
}

/** Who holds the card; a pair is two. Checkboxes in a disclosure, so it works the same with mouse, keyboard and screen reader. */
export function AssigneesField({ card, people, editable, onChange, wip }: Props) {
  const noteId = useId();
  // Viewers hold nothing; a guest (a customer developer) holds only a feature's cards. Whoever holds it already stays listed.
  const members = [...people.values()]
    .filter((m) => card.assigneeIds.includes(m.userId) || (m.role !== 'viewer' && canHoldCard(m.role, card)))
    .sort((a, b) => a.name.localeCompare(b.name));
  const holders = card.assigneeIds.map((id) => ({ id, name: people.get(id)?.name ?? 'a former member' }));
  const summary = holders.length === 0 ? 'Nobody' : holders.map((h) => h.name).join(' and ');
  if (!editable) {
    return <p className="card-field__value">{summary}</p>;
  }
  return (
    <details className="picker">
      <summary className="picker__summary" aria-label={`Assignees: ${summary}. Change`}>
        <span className="picker__people">
          {holders.map((h) => (
            <Avatar key={h.id} userId={h.id} name={h.name} size="sm" />
          ))}
          <span>{summary}</span>
        </span>
      </summary>
      <fieldset className="picker__list">
        <legend className="visually-hidden">Assignees</legend>
        {members.map((m) => {
          const checked = card.assigneeIds.includes(m.userId);
          const figure = wip?.(m.userId) ?? null;
          const refusal = checked ? null : (figure?.refusal ?? null);
          const describedBy = figure ? `${noteId}-${m.userId}` : undefined;
          return (
            <label key={m.userId} className="picker__option">
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && (card.assigneeIds.length >= MAX || refusal !== null)}
                aria-describedby={describedBy}
                onChange={() => onChange(checked ? card.assigneeIds.filter((id) => id !== m.userId) : [...card.assigneeIds, m.userId])}
              />
              <Avatar userId={m.userId} name={m.name} size="sm" />
              {m.name}
              {m.role === 'guest' && <span className="muted"> (guest)</span>}
              {figure && (
                <span className={`picker__wip${refusal ? ' picker__wip--refused' : ''}`} id={describedBy} data-testid="person-wip">
                  {refusal ?? figure.note}
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
