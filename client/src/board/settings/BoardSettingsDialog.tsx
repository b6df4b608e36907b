/**
 * Board settings (admin, po): the board's name and per-person limit, its
 * columns and its swimlanes, each on a tab. Everything shown comes from the
 * live board, so a change (ours or anyone's) appears here and on the board
 * together, from the same websocket event. Tabs stay mounted while hidden,
 * so edits survive a look at another tab; closing with edits not saved asks
 * first.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Board, BoardState } from '@opsboard/shared';
import { Dialog } from '../../ui/Dialog';
import { DodTab } from './DodTab';
import { GeneralTab } from './GeneralTab';
import { liveColumns, liveLanes, POLICY_INFO, structureKey } from './settings-model';
import { columnApi, laneApi } from './structure-api';
import { StructureTab } from './StructureTab';
import { UnsavedContext, withUnsaved } from './unsaved';

export const SETTINGS_TABS = ['general', 'columns', 'lanes', 'done'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

interface Props {
  state: BoardState;
  tab: SettingsTab;
  onTab: (tab: SettingsTab) => void;
  onClose: () => void;
  onArchived: (board: Board) => void;
}

function tabAfter(tab: SettingsTab, key: string): SettingsTab | undefined {
  const i = SETTINGS_TABS.indexOf(tab);
  const n = SETTINGS_TABS.length;
  if (key === 'ArrowRight') return SETTINGS_TABS[(i + 1) % n];
  if (key === 'ArrowLeft') return SETTINGS_TABS[(i + n - 1) % n];
  if (key === 'Home') return SETTINGS_TABS[0];
  if (key === 'End') return SETTINGS_TABS[n - 1];
  return undefined;
}

export function BoardSettingsDialog({ state, tab, onTab, onClose, onArchived }: Props) {
  const boardId = state.board.id;
  const columns = useMemo(() => columnApi(boardId), [boardId]);
  const lanes = useMemo(() => laneApi(boardId), [boardId]);
  const ids = useId();
  const tabRefs = useRef(new Map<SettingsTab, HTMLButtonElement>());
  const [unsaved, setUnsaved] = useState<ReadonlyMap<string, string>>(new Map());
  const [askingToClose, setAskingToClose] = useState(false);
  const keepEditing = useRef<HTMLButtonElement>(null);
  // Read when closing, which may come before the state has rendered.
  const unsavedNow = useRef<ReadonlyMap<string, string>>(unsaved);
  const report = useCallback((key: string, label: string | null) => {
    unsavedNow.current = withUnsaved(unsavedNow.current, key, label);
    setUnsaved(unsavedNow.current);
  }, []);

  const columnList = liveColumns(state);
  const laneList = liveLanes(state);
  const structure = structureKey(state);
  const perColumn = new Map<string, number>();
  const perLane = new Map<string, number>();
  for (const card of state.cards.values()) {
    perColumn.set(card.columnId, (perColumn.get(card.columnId) ?? 0) + 1);
    if (card.laneId !== null) perLane.set(card.laneId, (perLane.get(card.laneId) ?? 0) + 1);
  }
  const hasDone = columnList.some((c) => c.category === 'done');
  const labels: Record<SettingsTab, string> = { general: 'Board', columns: `Columns (${columnList.length})`, lanes: `Swimlanes (${laneList.length})`, done: `Definition of Done (${state.board.definitionOfDone.length})` };

  const requestClose = () => {
    if (unsavedNow.current.size === 0) onClose();
    else setAskingToClose(true);
  };
  useEffect(() => {
    if (askingToClose) keepEditing.current?.focus();
  }, [askingToClose]);

  // Arrow keys move between tabs and show them, as a tab list does.
  const onTabKey = (event: KeyboardEvent) => {
    const next = tabAfter(tab, event.key);
    if (!next) return;
    event.preventDefault();
    onTab(next);
    tabRefs.current.get(next)?.focus();
  };
  const panel = (t: SettingsTab) => ({ role: 'tabpanel', id: `${ids}-panel-${t}`, 'aria-labelledby': `${ids}-tab-${t}`, hidden: t !== tab, className: 'settings-panel' });

  return (
    <Dialog title="Board settings" size="lg" className="board-settings" onClose={requestClose} description={<>Changes apply at once, for everyone looking at '{state.board.name}'.</>}>
      {askingToClose && (
        <div className="note note--warning settings-unsaved" role="group" aria-label="Unsaved changes">
          <p>
            Not saved yet: {[...unsaved.values()].join(', ')}. Close and drop {unsaved.size === 1 ? 'that change' : 'those changes'}?
          </p>
          <div className="form__actions">
            <button type="button" className="button" onClick={onClose}>
              Drop changes and close
            </button>
            <button type="button" className="button button--primary" ref={keepEditing} onClick={() => setAskingToClose(false)}>
              Keep editing
            </button>
          </div>
        </div>
      )}
      <div className="settings-tabs" role="tablist" aria-label="Board settings" onKeyDown={onTabKey}>
        {SETTINGS_TABS.map((t) => (
          <button
            key={t}
            ref={(el) => {
              if (el) tabRefs.current.set(t, el);
              else tabRefs.current.delete(t);
            }}
            type="button"
            role="tab"
            id={`${ids}-tab-${t}`}
            aria-controls={`${ids}-panel-${t}`}
            aria-selected={t === tab}
            tabIndex={t === tab ? 0 : -1}
            className="settings-tabs__tab"
            onClick={() => onTab(t)}
            {...(t === tab && { 'data-autofocus': '' })}
          >
            {labels[t]}
          </button>
        ))}
      </div>
      <UnsavedContext value={report}>
        <div {...panel('general')}>
          <GeneralTab key={boardId} board={state.board} onArchived={onArchived} />
        </div>
        <div {...panel('columns')}>
          <StructureTab
            items={columnList}
            cards={perColumn}
            api={columns}
            structure={structure}
            intro={
              <>
                <p className="settings-intro">
                  Columns in board order, left to right. A WIP limit counts every card in the column; its policy decides what happens to a move over it. <em>{POLICY_INFO.block.label}</em>:{' '}
                  {POLICY_INFO.block.hint.toLowerCase()} <em>{POLICY_INFO.warn.label}</em>: {POLICY_INFO.warn.hint.toLowerCase()} A column holding cards cannot be archived.
                </p>
                {!hasDone && <p className="note note--warning">No column is in the Done category, so no card ever counts as finished. Set one column's category to Done.</p>}
              </>
            }
          />
        </div>
        <div {...panel('lanes')}>
          <StructureTab
            items={laneList}
            cards={perLane}
            api={lanes}
            structure={structure}
            intro={
              <p className="settings-intro">
                Swimlanes are optional rows across every column (an "Expedite" lane, say). A swimlane's WIP limit counts its cards in Ready and In progress columns.
                {laneList.length === 0 && ' This board has none yet.'}
              </p>
            }
          />
        </div>
        <div {...panel('done')}>
          <DodTab key={JSON.stringify(state.board.definitionOfDone)} board={state.board} />
        </div>
      </UnsavedContext>
    </Dialog>
  );
}
