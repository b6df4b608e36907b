/** An empty inbox: say so calmly, and keep a focus target so the keys still have somewhere to land. */
import type { Ref } from 'react';
import { PotwIcon } from '../icons';

export function TriageEmpty({ listRef, canWrite, onRaise }: { listRef: Ref<HTMLDivElement>; canWrite: boolean; onRaise: () => void }) {
  return (
    <div ref={listRef} className="triage-empty" tabIndex={-1} data-testid="triage-empty">
      <PotwIcon name="checkCircle" className="triage-empty__icon" />
      <p className="triage-empty__title">Inbox clear</p>
      <p className="muted">Nothing waits for triage. New interrupts appear here the moment they arrive.</p>
      {canWrite && (
        <button type="button" className="button button--small" onClick={onRaise}>
          Raise an interrupt <kbd>n</kbd>
        </button>
      )}
    </div>
  );
}
