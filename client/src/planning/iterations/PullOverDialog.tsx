/**
 * Pulling cards into a running iteration past its capacity: the figures, and
 * a plain choice. Work added after the start is scope change; the team should
 * decide it, not discover it on the burnup.
 */
import type { Card, CarryOverLoad, Iteration } from '@opsboard/shared';
import { Dialog } from '../../ui/Dialog';

interface Props {
  iteration: Iteration;
  cards: readonly Card[];
  figures: CarryOverLoad;
  onPull(): void;
  onCancel(): void;
}

export function PullOverDialog({ iteration, cards, figures, onPull, onCancel }: Props) {
  const after = figures.after;
  const what = cards.length === 1 ? `'${cards[0]!.title}'` : `${cards.length} cards`;
  return (
    <Dialog title="Pull in over capacity?" onClose={onCancel} size="sm">
      <div className="form" data-testid="pull-over-capacity">
        <p>
          Pulling {what} ({figures.points} pts) into {iteration.name} takes it to{' '}
          <strong>
            {after?.planned} of {after?.capacity} points
          </strong>
          , <strong>{after?.over} over</strong> its capacity.
        </p>
        <p className="muted">{iteration.name} has started: this counts as scope added after the start, and the burnup shows it.</p>
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={onPull}>
            Pull in anyway
          </button>
          <button type="button" className="button" data-autofocus onClick={onCancel}>
            Keep in the backlog
          </button>
        </div>
      </div>
    </Dialog>
  );
}
