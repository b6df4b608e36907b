/**
 * The close dialog's warning: what the carry-over does to the iteration that
 * receives it (28 planned + 40 carried = 68 of 32), with a way out.
 */
import type { CarryOverLoad, Iteration } from '@opsboard/shared';

interface Props {
  target: Iteration;
  figures: CarryOverLoad | null;
  loading: boolean;
  error: string | null;
  onAllToBacklog(): void;
}

export function CarryFigures({ target, figures, loading, error, onAllToBacklog }: Props) {
  if (error) return <p className="field__hint">Could not work out {target.name}'s capacity: {error}</p>;
  if (loading || !figures?.after || !figures.before) return <p className="field__hint">Working out {target.name}'s load…</p>;
  const { before, after } = figures;
  if (figures.cards === 0) {
    return (
      <p className="note note--info carry-figures" data-testid="carry-figures">
        Nothing carries into {target.name}: every unfinished card goes back to the backlog.
      </p>
    );
  }
  const sum = `Carrying ${figures.cards} ${figures.cards === 1 ? 'card' : 'cards'} (${figures.points} points) into ${target.name}, which has ${before.planned} planned, makes it ${after.planned} of ${after.capacity} points.`;
  if (!after.overCapacity) {
    return (
      <p className="note note--info carry-figures" data-testid="carry-figures" data-over="false">
        {sum} That leaves {Math.round((after.capacity - after.planned) * 10) / 10} points of room.
      </p>
    );
  }
  return (
    <div className="note note--warning carry-figures" role="alert" data-testid="carry-figures" data-over="true">
      <p>
        <strong>
          {target.name} would be {after.over} points over capacity.
        </strong>{' '}
        {sum}
      </p>
      <p>Untick the cards that can wait, or send them all back to the backlog; starting {target.name} over capacity asks for a confirmation.</p>
      <button type="button" className="button button--small" onClick={onAllToBacklog}>
        All to the backlog instead
      </button>
    </div>
  );
}
