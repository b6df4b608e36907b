import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { BoardKind, CardType } from '@opsboard/shared';
import { useBoardEnv } from './board-env';

/** A title field at the top of a column: Enter adds the card and keeps the field open for the next one. */
export function QuickAdd({ columnId, laneId, columnName, boardKind, onClose }: { columnId: string; laneId: string | null; columnName: string; boardKind: BoardKind; onClose: () => void }) {
  const { controller } = useBoardEnv();
  const [title, setTitle] = useState('');
  const type: CardType = boardKind === 'interrupts' ? 'interrupt' : 'story';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = title.trim();
    if (!text) return;
    const added = controller.create(columnId, laneId, text.slice(0, 300), type);
    setTitle('');
    // Not added (refused, or no reason given for a soft limit): the words come back to try again.
    void added.then((ok) => ok || setTitle((current) => current || text));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <form className="quick-add" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={`quick-add-${columnId}`}>
        New card in {columnName}
      </label>
      <textarea
        id={`quick-add-${columnId}`}
        className="quick-add__input"
        value={title}
        rows={2}
        maxLength={300}
        placeholder={`New ${type} title…`}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          onKeyDown(e);
          if (e.key === 'Enter' && !e.shiftKey) submit(e);
        }}
        autoFocus
        data-testid="quick-add-input"
      />
      <div className="quick-add__actions">
        <button type="submit" className="button button--primary button--small" disabled={!title.trim()}>
          Add card
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          Done
        </button>
      </div>
    </form>
  );
}
