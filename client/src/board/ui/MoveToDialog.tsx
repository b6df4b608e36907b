import { useState, type FormEvent } from 'react';
import type { Card } from '@opsboard/shared';
import { Dialog } from '../../ui/Dialog';
import type { BoardSnapshotView } from '../model/board-model';
import { wipLevel } from '../model/wip';
import { useBoardEnv } from './board-env';

/** "Move to…": the same move as a drag, for people who do not drag. */
export function MoveToDialog({ card, snap, onClose }: { card: Card; snap: BoardSnapshotView; onClose: () => void }) {
  const { controller } = useBoardEnv();
  const { layout, state } = snap;
  const [columnId, setColumnId] = useState(card.columnId);
  const [laneId, setLaneId] = useState<string | null>(card.laneId !== null && state.lanes.has(card.laneId) ? card.laneId : null);
  const [edge, setEdge] = useState<'top' | 'bottom'>(card.columnId === columnId ? 'top' : 'bottom');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onClose();
    void controller.moveToEdge(card, columnId, laneId, edge);
  };

  return (
    <Dialog title={`Move '${card.title}'`} onClose={onClose} size="sm">
      <form className="form" onSubmit={submit} data-testid="move-to-form">
        <fieldset className="choice-list">
          <legend>Column</legend>
          {layout.columns.map((column) => {
            const count = layout.columnCounts.get(column.id) ?? 0;
            const level = wipLevel(count + (column.id === card.columnId ? 0 : 1), column.wipLimit);
            return (
              <label key={column.id} className="choice-list__item">
                <input type="radio" name="column" value={column.id} checked={columnId === column.id} onChange={() => setColumnId(column.id)} data-autofocus={column.id === card.columnId ? true : undefined} />
                <span className="choice-list__name">{column.name}</span>
                <span className={`wip wip--${wipLevel(count, column.wipLimit)}`}>
                  {count}
                  {column.wipLimit !== null && ` / ${column.wipLimit}`}
                </span>
                {column.id === card.columnId && <span className="muted">(here now)</span>}
                {level === 'over' && column.wipLimit !== null && (
                  <span className="choice-list__note">{column.wipPolicy === 'warn' ? 'needs a reason' : 'full: will be refused'}</span>
                )}
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
        <fieldset className="choice-row">
          <legend>Position</legend>
          <label>
            <input type="radio" name="edge" checked={edge === 'top'} onChange={() => setEdge('top')} /> Top
          </label>
          <label>
            <input type="radio" name="edge" checked={edge === 'bottom'} onChange={() => setEdge('bottom')} /> Bottom
          </label>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Move
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
