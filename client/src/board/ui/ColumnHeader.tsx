import { memo } from 'react';
import type { Column } from '@opsboard/shared';
import { Icon } from '../../ui/Icon';
import { useDragTargetColumn } from '../model/ui-stores';
import { wipLevel } from '../model/wip';
import { useBoardEnv } from './board-env';

interface Props {
  column: Column;
  count: number;
  /** Cards shown under the current filter, when it hides some. */
  shown: number | null;
}

/** Column name and `count / limit`, amber at the limit and red over it. */
export const ColumnHeader = memo(function ColumnHeader({ column, count, shown }: Props) {
  const { drag, canWrite, startQuickAdd } = useBoardEnv();
  const targeted = useDragTargetColumn(drag, column.id);
  const level = wipLevel(count, column.wipLimit);
  const policy = column.wipPolicy === 'block' ? 'strict: moves over it are refused' : 'soft: going over it needs a reason';
  const status =
    column.wipLimit === null
      ? `${count} ${count === 1 ? 'card' : 'cards'}, no WIP limit`
      : `${count} of ${column.wipLimit} cards, WIP limit ${policy}${level === 'at' ? ', at the limit' : level === 'over' ? ', over the limit' : ''}`;
  return (
    <div className={`column-header column-header--${level}${targeted ? ' column-header--target' : ''}`} data-column-header={column.id}>
      <h2 className="column-header__name" title={column.name}>
        {column.name}
      </h2>
      <span className="visually-hidden">{status}</span>
      <span className={`wip wip--${level}`} aria-hidden="true" title={column.wipLimit === null ? 'No WIP limit' : `WIP limit ${column.wipLimit} (${policy})`} data-testid="wip-count">
        {shown !== null && <span className="wip__shown">{shown} of </span>}
        {count}
        {column.wipLimit !== null && (
          <>
            <span className="wip__sep"> / </span>
            {column.wipLimit}
            {column.wipPolicy === 'block' && <Icon name="lock" className="wip__lock" />}
          </>
        )}
      </span>
      {canWrite && (
        <button type="button" className="icon-button column-header__add" aria-label={`Add a card to ${column.name}`} title="Add a card" onClick={() => startQuickAdd(column.id)}>
          <Icon name="plus" />
        </button>
      )}
    </div>
  );
});
