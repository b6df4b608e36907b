import { useState, type FormEvent } from 'react';
import { can, type Card } from '@opsboard/shared';
import { useServices } from '../../app/services';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import type { BoardSnapshotView } from '../model/board-model';
import { wipLevel } from '../model/wip';
import { useBoardEnv } from './board-env';
import '../../styles/backlog.css';
import { FormActions } from '../../ui/FormActions';

/**
 * "Move to…": the same move as a drag, for people who do not drag. In a
 * backlog the PO also gets "move to top / bottom" in one press; others are
 * told that the PO ranks it (the server would refuse the reorder anyway).
 */
export function MoveToDialog({ card, snap, onClose }: { card: Card; snap: BoardSnapshotView; onClose: () => void }) {
  const { controller, team } = useBoardEnv();
  const { user } = useServices();
  const { layout, state } = snap;
  const ranks = can(team?.members.get(user.id)?.role ?? null, 'plan');
  const inBacklog = state.columns.get(card.columnId)?.category === 'backlog';
  const [columnId, setColumnId] = useState(card.columnId);
  const [laneId, setLaneId] = useState<string | null>(card.laneId !== null && state.lanes.has(card.laneId) ? card.laneId : null);
  const [edge, setEdge] = useState<'top' | 'bottom'>(card.columnId === columnId ? 'top' : 'bottom');

  const currentLane = card.laneId !== null && state.lanes.has(card.laneId) ? card.laneId : null;
  // The same answers a drag gets: a column that would refuse the card cannot be chosen, and says why.
  const verdicts = new Map(layout.columns.filter((c) => c.id !== card.columnId || laneId !== currentLane).map((c) => [c.id, controller.verdict(card, { columnId: c.id, laneId })]));
  const chosen = verdicts.get(columnId) ?? null;
  const refused = chosen?.kind === 'refused';
  const targetIsBacklog = state.columns.get(columnId)?.category === 'backlog';
  // Without the plan permission a backlog is append-only: the position is not theirs to choose.
  const positionLocked = targetIsBacklog && !ranks;
  const nothingToDo = positionLocked && columnId === card.columnId && laneId === currentLane;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (nothingToDo || refused) return;
    onClose();
    void controller.moveToEdge(card, columnId, laneId, positionLocked ? 'bottom' : edge);
  };

  const rank = (where: 'top' | 'bottom') => {
    onClose();
    const lane = card.laneId !== null && state.lanes.has(card.laneId) ? card.laneId : null;
    void controller.moveToEdge(card, card.columnId, lane, where);
  };

  return (
    <Dialog title={`Move '${card.title}'`} onClose={onClose} size="sm">
      <form className="form" onSubmit={submit} data-testid="move-to-form">
        {inBacklog && ranks && (
          <div className="rank-actions" role="group" aria-labelledby="rank-actions-label" data-testid="rank-actions">
            {/* Worded without "Move" so the form's own Move button keeps a unique name. */}
            <span className="rank-actions__label" id="rank-actions-label">
              Backlog rank
            </span>
            <button type="button" className="button button--small" onClick={() => rank('top')}>
              <Icon name="chevron" className="icon--up" /> To the top
            </button>
            <button type="button" className="button button--small" onClick={() => rank('bottom')}>
              <Icon name="chevron" className="icon--down" /> To the bottom
            </button>
          </div>
        )}
        {inBacklog && !ranks && <p className="rank-note">Only the product owner (or an admin) reorders the backlog. You can move the card to another column.</p>}
        <fieldset className="choice-list">
          <legend>Column</legend>
          {layout.columns.map((column) => {
            const count = layout.columnCounts.get(column.id) ?? 0;
            const verdict = verdicts.get(column.id) ?? null;
            return (
              <label key={column.id} className="choice-list__item" data-drop={verdict?.kind}>
                <input
                  type="radio"
                  name="column"
                  value={column.id}
                  checked={columnId === column.id}
                  onChange={() => setColumnId(column.id)}
                  disabled={verdict?.kind === 'refused' && columnId !== column.id}
                  data-autofocus={column.id === card.columnId ? true : undefined}
                />
                <span className="choice-list__name">{column.name}</span>
                <span className={`wip wip--${wipLevel(count, column.wipLimit)}`}>
                  {count}
                  {column.wipLimit !== null && ` / ${column.wipLimit}`}
                </span>
                {column.id === card.columnId && <span className="muted">(here now)</span>}
                {verdict?.kind === 'refused' && <span className="choice-list__note">{verdict.short}: not possible</span>}
                {verdict?.kind === 'ask' && <span className="choice-list__note">{verdict.short}: needs a reason</span>}
              </label>
            );
          })}
        </fieldset>
        {layout.lanes.length > 0 && (
          <label className="field">
            <span className="field__label">Swimlane</span>
            <select value={laneId ?? ''} onChange={(e) => setLaneId(e.target.value || null)}>
              {layout.lanes.map((lane) => (
                <option key={lane.id} value={lane.id}>
                  {lane.name}
                </option>
              ))}
              <option value="">No swimlane</option>
            </select>
          </label>
        )}
        <fieldset className="choice-row" disabled={positionLocked}>
          <legend>Position</legend>
          <label>
            <input type="radio" name="edge" checked={!positionLocked && edge === 'top'} onChange={() => setEdge('top')} /> Top
          </label>
          <label>
            <input type="radio" name="edge" checked={positionLocked || edge === 'bottom'} onChange={() => setEdge('bottom')} /> Bottom
          </label>
        </fieldset>
        {positionLocked && <p className="rank-note">Cards join a backlog at the bottom; the product owner ranks them.</p>}
        {chosen?.kind === 'refused' && <p className="rank-note">{chosen.message}</p>}
        <FormActions submit="Move" onCancel={onClose} disabled={nothingToDo || refused} />
      </form>
    </Dialog>
  );
}
