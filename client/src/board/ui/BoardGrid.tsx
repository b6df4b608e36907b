import { memo, type CSSProperties, type Ref } from 'react';
import { countsForLane, type BoardKind, type BoardState, type Card, type Lane } from '@opsboard/shared';
import type { BoardSnapshotView } from '../model/board-model';
import { isFiltering } from '../model/filters';
import { cellCards, cellKey, type BoardLayout } from '../model/layout';
import { useActiveDrag } from '../model/ui-stores';
import { wipLevel } from '../model/wip';
import { useBoardEnv } from './board-env';
import { CellList } from './CellList';
import { ColumnHeader } from './ColumnHeader';
import { QuickAdd } from './QuickAdd';

interface Props {
  snap: BoardSnapshotView;
  boardKind: BoardKind;
  quickAddColumn: string | null;
  onCloseQuickAdd: () => void;
  scrollRef: Ref<HTMLDivElement>;
}

/** Columns side by side; with swimlanes, one row of cells per lane under a shared header row. */
export function BoardGrid({ snap, boardKind, quickAddColumn, onCloseQuickAdd, scrollRef }: Props) {
  const { layout, state } = snap;
  const filtering = isFiltering(snap.filter);
  const lanes = layout.lanes.length > 0;
  const style: CSSProperties & Record<'--cols', number> = { '--cols': layout.columns.length };
  // While a card follows the pointer the board scrolls under it, and column snapping (phones) would pull it back.
  const pointerDrag = useActiveDrag(useBoardEnv().drag)?.mode === 'pointer';
  return (
    <div className="board-scroll" ref={scrollRef} data-seq={state.seq} data-dragging={pointerDrag || undefined} data-testid="board-scroll">
      <div className={`board-grid${lanes ? ' board-grid--lanes' : ''}`} style={style}>
        <div className="board-grid__row board-grid__row--head">
          {layout.columns.map((column) => (
            <ColumnHeader key={column.id} column={column} count={layout.columnCounts.get(column.id) ?? 0} shown={filtering ? shownIn(layout, column.id) : null} />
          ))}
        </div>
        {layout.rows.map((laneId, rowIndex) => (
          <div key={laneId ?? '-'} className="board-grid__lane">
            {lanes && <LaneHeader lane={laneId ? (state.lanes.get(laneId) ?? null) : null} state={state} />}
            <div className="board-grid__row">
              {layout.columns.map((column) => {
                const cards = cellCards(layout, column.id, laneId);
                const laneName = laneId ? state.lanes.get(laneId)?.name : lanes ? 'no swimlane' : null;
                return (
                  <Cell
                    key={column.id}
                    cellKey={cellKey(column.id, laneId)}
                    columnId={column.id}
                    laneId={laneId}
                    columnName={column.name}
                    cards={cards}
                    label={`${column.name}${laneName ? `, swimlane ${laneName}` : ''}: ${cards.length} ${cards.length === 1 ? 'card' : 'cards'}`}
                    quickAdd={quickAddColumn === column.id && rowIndex === 0}
                    boardKind={boardKind}
                    onCloseQuickAdd={onCloseQuickAdd}
                  />
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

const Cell = memo(function Cell(props: {
  cellKey: string;
  columnId: string;
  laneId: string | null;
  columnName: string;
  cards: Card[];
  label: string;
  quickAdd: boolean;
  boardKind: BoardKind;
  onCloseQuickAdd: () => void;
}) {
  const { quickAdd, boardKind, onCloseQuickAdd, ...list } = props;
  return (
    <div className="board-grid__cell" data-column-id={props.columnId}>
      <CellList {...list}>
        {quickAdd && <QuickAdd columnId={props.columnId} laneId={props.laneId} columnName={props.columnName} boardKind={boardKind} onClose={onCloseQuickAdd} />}
      </CellList>
    </div>
  );
});

function shownIn(layout: BoardLayout, columnId: string): number {
  return layout.rows.reduce((n, laneId) => n + cellCards(layout, columnId, laneId).length, 0);
}

function LaneHeader({ lane, state }: { lane: Lane | null; state: BoardState }) {
  if (!lane) return <h3 className="lane-header lane-header--none">No swimlane</h3>;
  // The shared rule: a lane's limit counts its cards in ready and in-progress columns, filtered or not.
  let count = 0;
  for (const card of state.cards.values()) {
    const category = state.columns.get(card.columnId)?.category;
    if (card.laneId === lane.id && category !== undefined && countsForLane(category)) count++;
  }
  const level = wipLevel(count, lane.wipLimit);
  return (
    <h3 className={`lane-header lane-header--${level}`}>
      <span>{lane.name}</span>
      {lane.wipLimit !== null && (
        <span className={`wip wip--${level}`} title={`Swimlane WIP limit ${lane.wipLimit} (cards in ready and in-progress columns)`}>
          {count} / {lane.wipLimit}
        </span>
      )}
    </h3>
  );
}
