/**
 * The iteration being planned: its dates and goal, the capacity bar, the
 * SS&A indicator and its cards (planned work and SS&A apart, so the SS&A
 * staffing is visible), each with who holds it. Cards dropped here are pulled
 * in; the PO starts the iteration from here.
 */
import type { ReactNode } from 'react';
import { daysOverdue, type Board, type Card, type IterationDetail, type Member } from '@opsboard/shared';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { AssigneesField } from '../../card/AssigneesField';
import { Icon } from '../../ui/Icon';
import { readyStats } from '../model/backlog';
import { CapacityBar } from '../ui/CapacityBar';
import { rangeWithLength } from '../ui/dates';
import { GoalField } from '../ui/GoalField';
import { PlanCard } from '../ui/PlanCard';
import { SsaIndicator } from '../ui/SsaIndicator';
import { IterationStateBadge } from '../ui/StateBadge';
import { DraggablePlanCard, DropNote, useZoneState, zoneClasses } from './PlanDnd';

interface Props {
  detail: IterationDetail;
  cards: readonly Card[];
  boards: ReadonlyMap<string, Board>;
  people: ReadonlyMap<string, Member>;
  features: ReadonlyMap<string, string>;
  canPlan: boolean;
  canWrite: boolean;
  busy: ReadonlySet<string>;
  onRemove(card: Card): void;
  onAssign(card: Card, assigneeIds: string[]): void;
  onSaveGoal(goal: string): Promise<void>;
  onChanged(): void;
  /** The team's calendar date (for overdue). */
  today: string;
  /** The start button and its explanation (from the screen, which knows about other iterations). */
  footer: ReactNode;
}

export function IterationPanel({ detail, cards, boards, people, features, canPlan, canWrite, busy, onRemove, onAssign, onSaveGoal, onChanged, today, footer }: Props) {
  const { iteration } = detail;
  const { setNodeRef: zoneNode, active: targeted, dragging: droppable, verdict: dropVerdict } = useZoneState('iteration');
  const ssaCards = cards.filter((c) => boards.get(c.boardId)?.kind === 'selfservice');
  const otherCards = cards.filter((c) => boards.get(c.boardId)?.kind !== 'selfservice');
  const groups = [
    { key: 'planned', title: 'Planned work', cards: otherCards },
    { key: 'ssa', title: 'Self-service & automation', cards: ssaCards },
  ];
  const editable = canPlan && iteration.state !== 'closed';

  return (
    <section
      className={`plan-panel plan-panel--iteration${zoneClasses({ active: targeted, dragging: droppable, verdict: dropVerdict })}`}
      ref={zoneNode}
      aria-labelledby="plan-iteration-title"
      data-testid="iteration-panel"
    >
      <div className="plan-panel__head">
        <h2 id="plan-iteration-title" className="plan-panel__title">
          <Link to={paths.iteration(iteration.id)}>{iteration.name}</Link>
        </h2>
        <IterationStateBadge state={iteration.state} overdue={daysOverdue(iteration, today)} />
      </div>
      <DropNote verdict={dropVerdict} />
      <p className="plan-panel__dates">
        <Icon name="calendar" /> {rangeWithLength(iteration)}
      </p>
      <GoalField goal={iteration.goal} editable={editable} onSave={onSaveGoal} />
      <CapacityBar detail={detail} editable={editable} onChanged={onChanged} />
      <SsaIndicator ssa={detail.ssa} people={people} phase={iteration.state === 'planned' ? 'plan' : 'live'} />
      <div className="plan-panel__body">
        {cards.length === 0 && (
          <p className="drop-hint">{canPlan ? 'Drag cards here from the backlog, or use their Add buttons.' : 'No cards planned yet.'}</p>
        )}
        {groups.map((g) =>
          g.cards.length === 0 ? null : (
            <div key={g.key} className="plan-group" data-group={g.key}>
              <h3 className="plan-group__title">
                {g.title}
                <span className="muted">
                  {' '}
                  · {g.cards.length} {g.cards.length === 1 ? 'card' : 'cards'}, {readyStats(g.cards).points} pts
                </span>
              </h3>
              <ul className="plan-list">
                {g.cards.map((card) => (
                  <li key={card.id}>
                    {canPlan && iteration.state !== 'closed' ? (
                      <DraggablePlanCard
                        from="iteration"
                        card={card}
                        people={people}
                        featureName={card.featureId ? (features.get(card.featureId) ?? null) : null}
                        note={busy.has(card.id) ? <span className="plan-card__note">saving…</span> : undefined}
                        actions={
                          <button type="button" className="button button--small button--quiet" onClick={() => onRemove(card)} aria-label={`Remove '${card.title}' from ${iteration.name}`}>
                            <Icon name="close" /> Remove
                          </button>
                        }
                        assign={canWrite ? <AssigneesField card={card} people={people} editable onChange={(ids) => onAssign(card, ids)} /> : undefined}
                      />
                    ) : (
                      <PlanCard
                        card={card}
                        people={people}
                        featureName={card.featureId ? (features.get(card.featureId) ?? null) : null}
                        note={busy.has(card.id) ? <span className="plan-card__note">saving…</span> : undefined}
                        assign={canWrite && iteration.state !== 'closed' ? <AssigneesField card={card} people={people} editable onChange={(ids) => onAssign(card, ids)} /> : undefined}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ),
        )}
      </div>
      {footer}
    </section>
  );
}
