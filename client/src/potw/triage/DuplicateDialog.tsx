/** d: mark as a duplicate of another card. Find the original by number or words, confirm with Enter. */
import { useState } from 'react';
import type { Card, TriageBody } from '@opsboard/shared';
import { Dialog } from '../../ui/Dialog';
import { PickList } from './PickList';
import { cardMatches, type QueueItem } from './queue';

interface Props {
  item: QueueItem;
  /** Cards the original can be (the interrupts board's, newest first). */
  candidates: readonly Card[];
  onSubmit: (body: TriageBody, done: string) => void;
  onClose: () => void;
}

export function DuplicateDialog({ item, candidates, onSubmit, onClose }: Props) {
  const [original, setOriginal] = useState<Card | null>(null);
  const others = candidates.filter((c) => c.id !== item.card.id);
  return (
    <Dialog title={`#${item.card.number} duplicates…`} description={item.card.title} onClose={onClose}>
      {original === null ? (
        <PickList
          label="The original card"
          items={others}
          keyOf={(c) => c.id}
          textOf={(c) => `#${c.number} ${c.title}`}
          match={cardMatches}
          render={(c) => (
            <span className="pick-card">
              <span className="pick-card__number">#{c.number}</span>
              <span className="pick-card__title">{c.title}</span>
            </span>
          )}
          onPick={setOriginal}
          placeholder="#12 or words from the title"
          empty="No card matches."
        />
      ) : (
        <form
          className="form"
          data-testid="duplicate-form"
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit({ action: 'duplicate', duplicateOfCardId: original.id }, `Marked #${item.card.number} as a duplicate of #${original.number}; both are linked.`);
          }}
        >
          <p>
            Mark <strong>#{item.card.number}</strong> as a duplicate of <strong>#{original.number}</strong> {original.title}? It closes and links to the original.
          </p>
          <div className="form__actions">
            {/* Focus lands on the confirm button, so Enter confirms. */}
            <button type="submit" className="button button--primary" autoFocus>
              Mark duplicate
            </button>
            <button type="button" className="button" onClick={() => setOriginal(null)}>
              Choose another
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
