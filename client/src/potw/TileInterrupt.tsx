/** The interrupt part of a card tile on the interrupts board: where it came from and what state it is in. */
import { useSyncExternalStore } from 'react';
import type { Card, Interrupt, Member } from '@opsboard/shared';
import { personName, useBoardEnv } from '../board/ui/board-env';
import { RepeatChip, ResolvedChip, SourceChip, UntriagedChip } from './InterruptBadges';
import { PotwIcon } from './icons';

const NO_SUBSCRIPTION = () => () => undefined;

/**
 * The interrupt record of a card on the open board, live from the board stream; null for other cards.
 * Only interrupt cards listen, so a 2,000-story planned board pays nothing for it.
 */
export function useTileInterrupt(card: Pick<Card, 'id' | 'type'>): Interrupt | null {
  const { model } = useBoardEnv();
  const listens = card.type === 'interrupt';
  return useSyncExternalStore(listens ? model.subscribe : NO_SUBSCRIPTION, () => (listens ? (model.getSnapshot()?.state.interrupts.get(card.id) ?? null) : null));
}

export function TileInterrupt({ interrupt, people, now }: { interrupt: Interrupt; people: ReadonlyMap<string, Member>; now: number }) {
  return (
    <div className="tile__interrupt" data-testid="tile-interrupt" data-status={interrupt.status}>
      <SourceChip interrupt={interrupt} />
      <RepeatChip occurrences={interrupt.occurrences} />
      <ResolvedChip at={interrupt.resolvedBySourceAt} />
      <UntriagedChip interrupt={interrupt} now={now} />
      {interrupt.status === 'escalated' && interrupt.escalatedTo && (
        <span className="irq-flag irq-flag--escalated">
          <PotwIcon name="up" />
          Escalated to {personName(people, interrupt.escalatedTo)}
        </span>
      )}
    </div>
  );
}
