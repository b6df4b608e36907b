/**
 * A card as a row on the planning screens: number, type, title (a link that
 * opens it on its board), points, feature, labels and who holds it. Actions
 * (pull in, take out), a grip and the row's drag listeners come from the caller.
 */
import type { MouseEvent, ReactNode, TouchEvent } from 'react';
import type { Card, Member } from '@opsboard/shared';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import { TYPE_LABEL } from '../../board/ui/TileBody';
import { AvatarGroup } from '../../ui/Avatar';
import { Icon } from '../../ui/Icon';
import '../../styles/plan-card.css';

/** Makes the whole row the drag source (from the planning screen's drag and drop). */
export interface RowDrag {
  ref(element: HTMLElement | null): void;
  onMouseDown(event: MouseEvent<HTMLElement>): void;
  onTouchStart(event: TouchEvent<HTMLElement>): void;
  /** This row is the one being dragged (its copy follows the pointer). */
  picked: boolean;
}

export interface PlanCardProps {
  card: Card;
  people: ReadonlyMap<string, Member>;
  featureName: string | null;
  /** Drag handle (a button), shown first. */
  handle?: ReactNode;
  /** Buttons at the end of the row. */
  actions?: ReactNode;
  /** A short note under the title ("in Iteration 18", "SS&A"). */
  note?: ReactNode;
  /** Who holds it, as an editable picker; replaces the avatars. */
  assign?: ReactNode;
  /** Extra content under the row. */
  children?: ReactNode;
  /** The copy drawn under the pointer. */
  dragging?: boolean;
  row?: RowDrag;
}

export function PlanCard({ card, people, featureName, handle, actions, note, assign, children, dragging = false, row }: PlanCardProps) {
  const holders = card.assigneeIds.map((id) => ({ userId: id, name: people.get(id)?.name ?? 'a former member' }));
  return (
    <div
      ref={row?.ref}
      className={`plan-card${dragging ? ' plan-card--dragging' : ''}${row ? ' plan-card--draggable' : ''}${row?.picked ? ' plan-card--picked' : ''}`}
      data-plan-card={card.id}
      onMouseDown={row?.onMouseDown}
      onTouchStart={row?.onTouchStart}
    >
      {handle}
      <div className="plan-card__main">
        <div className="plan-card__top">
          <span className={`type-chip type-chip--${card.type}`}>{TYPE_LABEL[card.type]}</span>
          <span className="plan-card__number">#{card.number}</span>
          <Link to={paths.board(card.boardId, `?card=${card.id}`)} className="plan-card__title">
            {card.title}
          </Link>
        </div>
        <div className="plan-card__meta">
          {card.points === null ? (
            <span className="plan-card__points plan-card__points--none" title="Not estimated: not ready to plan">
              not estimated
            </span>
          ) : (
            <span className="plan-card__points">
              {card.points} {card.points === 1 ? 'pt' : 'pts'}
            </span>
          )}
          {card.blocked && (
            <span className="plan-card__blocked">
              <Icon name="block" /> blocked
            </span>
          )}
          {featureName && <span className="feature-chip">{featureName}</span>}
          {card.labels.slice(0, 3).map((l) => (
            <span key={l} className="label-chip">
              {l}
            </span>
          ))}
          {assign ? <span className="plan-card__assign">{assign}</span> : holders.length > 0 && <AvatarGroup people={holders} size="sm" max={3} label={`Held by ${holders.map((h) => h.name).join(' and ')}`} />}
          {note}
        </div>
        {children}
      </div>
      {actions && <div className="plan-card__actions">{actions}</div>}
    </div>
  );
}
