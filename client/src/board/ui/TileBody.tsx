import { memo, type ReactNode } from 'react';
import { checklistProgress, type Card, type Member } from '@opsboard/shared';
import { daysSince, dueInfo } from '../../lib/time';
import { AvatarGroup } from '../../ui/Avatar';
import { Icon } from '../../ui/Icon';
import { SeverityChip } from '../../potw/InterruptBadges';
import { TileInterrupt, useTileInterrupt } from '../../potw/TileInterrupt';
import { personName } from './board-env';

export const TYPE_LABEL: Record<Card['type'], string> = { story: 'Story', task: 'Task', spike: 'Spike', bug: 'Bug', interrupt: 'Interrupt', chore: 'Chore' };

interface TileBodyProps {
  card: Card;
  people: ReadonlyMap<string, Member>;
  features: ReadonlyMap<string, string>;
  now: number;
  columnName: string;
  unsynced: boolean;
  /** The title as the tile's focusable control; the drag overlay, which is a picture, shows it as text. */
  title?: ReactNode;
}

/** What a card tile shows; drawn the same in the column and under the pointer while dragging. */
export const TileBody = memo(function TileBody({ card, people, features, now, columnName, unsynced, title }: TileBodyProps) {
  const age = daysSince(card.columnEnteredAt, now);
  const due = card.dueDate ? dueInfo(card.dueDate, now) : null;
  const assignees = card.assigneeIds.map((id) => ({ userId: id, name: personName(people, id) }));
  const feature = card.featureId ? (features.get(card.featureId) ?? 'Feature') : null;
  const interrupt = useTileInterrupt(card);
  const checklist = checklistProgress(card.checklist);
  return (
    <>
      <div className="tile__top">
        <span className={`type-chip type-chip--${card.type}`}>{TYPE_LABEL[card.type]}</span>
        {card.number > 0 && <span className="tile__number">#{card.number}</span>}
        {/* An interrupt's severity says what its priority flag would, so it shows instead. */}
        {interrupt && <SeverityChip severity={interrupt.severity} />}
        {!interrupt && (card.priority === 'high' || card.priority === 'urgent') && (
          <span className={`priority priority--${card.priority}`}>
            <Icon name="flag" />
            {card.priority}
          </span>
        )}
        {card.points !== null && (
          <span className="tile__points" title={`${card.points} points`}>
            {card.points}
          </span>
        )}
      </div>
      {title ?? <p className="tile__title">{card.title}</p>}
      {interrupt && <TileInterrupt interrupt={interrupt} people={people} now={now} />}
      {(card.labels.length > 0 || feature) && (
        <div className="tile__tags">
          {feature && <span className="feature-chip">{feature}</span>}
          {card.labels.map((l) => (
            <span key={l} className="label-chip">
              {l}
            </span>
          ))}
        </div>
      )}
      {card.blocked && (
        <p className="tile__blocked">
          <Icon name="block" />
          <span>
            <strong>Blocked</strong>
            {card.blockedReason ? `: ${card.blockedReason}` : ''}
          </span>
        </p>
      )}
      {card.overrideReason && (
        <p className="tile__override" data-testid="override-reason">
          <Icon name="alert" />
          <span>
            <strong>Over WIP limit</strong>: {card.overrideReason}
          </span>
        </p>
      )}
      <div className="tile__bottom">
        {assignees.length > 0 ? <AvatarGroup people={assignees} max={3} /> : <span className="tile__nobody">Unassigned</span>}
        <span className="tile__meta">
          {due && due.level !== 'later' && <span className={`due due--${due.level}`}>{due.label}</span>}
          {checklist.total > 0 && (
            <span
              className={`tile__checklist${checklist.done === checklist.total ? ' tile__checklist--complete' : ''}`}
              title={`Checklist: ${checklist.done} of ${checklist.total} done`}
              data-testid="tile-checklist"
            >
              <Icon name="check" />
              {checklist.done}/{checklist.total}
            </span>
          )}
          {unsynced ? (
            <span className="tile__sync">
              <Icon name="sync" />
              Saving
            </span>
          ) : (
            <span className={`tile__age${age >= 7 ? ' tile__age--old' : ''}`} title={`${age} ${age === 1 ? 'day' : 'days'} in ${columnName}`}>
              <Icon name="clock" />
              {age}d
            </span>
          )}
        </span>
      </div>
    </>
  );
});
