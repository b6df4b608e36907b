/**
 * The untriaged interrupts, oldest first, as one listbox: a single tab stop
 * whose active option follows the arrow keys (aria-activedescendant), so a
 * screen reader reads each interrupt as the selection moves. The keys
 * themselves are the triage view's.
 */
import { useEffect, type Ref } from 'react';
import { ageMs, describeInterrupt, shortAge } from '../interrupt-words';
import { AckEscalationChip, RepeatChip, ResolvedChip, SeverityChip, SourceChip } from '../InterruptBadges';
import type { QueueItem } from './queue';

interface Props {
  items: readonly QueueItem[];
  selectedId: string | null;
  now: number;
  name: (userId: string) => string;
  onSelect: (cardId: string) => void;
  ref?: Ref<HTMLDivElement>;
}

export const optionId = (cardId: string) => `triage-option-${cardId}`;

export function TriageList({ items, selectedId, now, name, onSelect, ref }: Props) {
  useEffect(() => {
    if (selectedId) document.getElementById(optionId(selectedId))?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <div
      ref={ref}
      className="triage-list"
      role="listbox"
      tabIndex={0}
      aria-label={`Untriaged interrupts, oldest first: ${items.length}`}
      aria-activedescendant={selectedId ? optionId(selectedId) : undefined}
      data-testid="triage-list"
    >
      {items.map(({ card, interrupt }) => {
        const selected = card.id === selectedId;
        const age = ageMs(interrupt, now);
        return (
          <div
            key={card.id}
            id={optionId(card.id)}
            role="option"
            aria-selected={selected}
            // Named by what it shows; the sentence adds what the chips only hint at.
            aria-describedby={`${optionId(card.id)}-details`}
            className={`triage-row${selected ? ' triage-row--selected' : ''}${interrupt.severity === 'critical' ? ' triage-row--critical' : ''}`}
            data-card-id={card.id}
            onClick={() => onSelect(card.id)}
          >
            <div className="triage-row__top">
              <SeverityChip severity={interrupt.severity} />
              <span className="triage-row__number">#{card.number}</span>
              <span className={`triage-row__age${age > 86_400_000 ? ' triage-row__age--old' : ''}`} title="Waiting since it arrived">
                {shortAge(age)}
              </span>
            </div>
            <p className="triage-row__title">{card.title}</p>
            <div className="triage-row__meta">
              <SourceChip interrupt={interrupt} />
              <RepeatChip occurrences={interrupt.occurrences} />
              <ResolvedChip at={interrupt.resolvedBySourceAt} />
              <AckEscalationChip interrupt={interrupt} name={name} />
            </div>
            <span hidden id={`${optionId(card.id)}-details`}>
              {describeInterrupt(interrupt, now, name)}
            </span>
          </div>
        );
      })}
    </div>
  );
}
