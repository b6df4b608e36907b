import { memo, useSyncExternalStore } from 'react';
import { can, type Column } from '@opsboard/shared';
import { useServices } from '../../app/services';
import { readyStats } from '../../planning/model/backlog';
import { Icon } from '../../ui/Icon';
import { useDragTargetColumn } from '../model/ui-stores';
import { filteredWords } from '../model/counts';
import { wipLevel } from '../model/wip';
import { useBoardEnv } from './board-env';
import '../../styles/backlog.css';
import '../../styles/column-counts.css';

interface Props {
  column: Column;
  count: number;
  /** Cards shown under the current filter, when it hides some. */
  shown: number | null;
}

/**
 * Column name and `count / limit`, amber at the limit and red over it, always
 * judged on every card in the column; with a filter on, a line in words says
 * how many of them it shows ("1 shown · 4 cards · limit 3"). A backlog also
 * says how much of it is ready to plan.
 */
export const ColumnHeader = memo(function ColumnHeader({ column, count, shown }: Props) {
  const { drag, canWrite, startQuickAdd } = useBoardEnv();
  const backlog = column.category === 'backlog';
  // While a dragged card is over this column: blue when it may land, amber when it asks for a reason, red when refused.
  const targeted = useDragTargetColumn(drag, column.id);
  const level = wipLevel(count, column.wipLimit);
  const policy = column.wipPolicy === 'block' ? 'strict: moves over it are refused' : 'soft: going over it needs a reason';
  const status =
    column.wipLimit === null
      ? `${count} ${count === 1 ? 'card' : 'cards'}, no WIP limit`
      : `${count} of ${column.wipLimit} cards, WIP limit ${policy}${level === 'at' ? ', at the limit' : level === 'over' ? ', over the limit' : ''}`;
  const filtered = shown === null ? null : filteredWords(shown, count, column.wipLimit);
  return (
    <div className={`column-header column-header--${level}${targeted ? ` column-header--target column-header--${targeted}` : ''}${backlog ? ' column-header--backlog' : ''}${filtered ? ' column-header--filtered' : ''}`} data-column-header={column.id}>
      <h2 className="column-header__name" title={column.name}>
        {column.name}
      </h2>
      <span className="visually-hidden">
        {status}
        {filtered && `; the filter shows ${shown}`}
      </span>
      <span className={`wip wip--${level}`} aria-hidden="true" title={column.wipLimit === null ? 'No WIP limit' : `WIP limit ${column.wipLimit} (${policy})`} data-testid="wip-count">
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
      {filtered && (
        <p className="column-header__filtered" aria-hidden="true" data-testid="filtered-count">
          {filtered}
        </p>
      )}
      {backlog && <BacklogReady columnId={column.id} />}
    </div>
  );
});

/**
 * "7 ready · 41 pts": the estimated cards of a backlog (ready to plan) and their
 * points; for people who cannot rank it, a note that the PO orders it.
 */
function BacklogReady({ columnId }: { columnId: string }) {
  const { model, team } = useBoardEnv();
  const { user } = useServices();
  const snap = useSyncExternalStore(model.subscribe, model.getSnapshot);
  const cards = snap ? [...snap.state.cards.values()].filter((c) => c.columnId === columnId && c.archivedAt === null) : [];
  const stats = readyStats(cards);
  const role = team?.members.get(user.id)?.role ?? null;
  const ranks = can(role, 'plan');
  return (
    <p className="column-header__ready" data-testid="ready-points">
      <span title="Estimated cards are ready to plan">
        <strong>{stats.estimated}</strong> ready · <strong>{stats.points}</strong> pts
      </span>
      {role !== null && !ranks && (
        <span className="column-header__ranked" title="Only the product owner (or an admin) reorders the backlog; cards you add go to the bottom.">
          <Icon name="lock" /> PO ranks
        </span>
      )}
    </p>
  );
}
