/** Interrupts and an interrupts board for the PoTW unit tests. */
import { stateFromSnapshot, type BoardState, type Interrupt } from '@opsboard/shared';
import { board, card, column, READY } from '../../board/store/testing/fixtures';

export function interrupt(cardId: string, extra: Partial<Interrupt> = {}): Interrupt {
  return {
    cardId,
    source: 'ui',
    severity: 'medium',
    requester: 'Dana',
    dedupKey: null,
    alert: null,
    occurrences: 1,
    receivedAt: '2026-11-20T09:00:00.000Z',
    lastSeenAt: '2026-11-20T09:00:00.000Z',
    resolvedBySourceAt: null,
    status: 'untriaged',
    assignedPotwId: 'u-potw',
    triagedAt: null,
    triagedBy: null,
    escalatedTo: null,
    convertedCardId: null,
    duplicateOfCardId: null,
    resolution: null,
    ackEscalation: null,
    ...extra,
  };
}

/** An interrupts board with one card per interrupt (numbered in order). */
export function interruptsState(interrupts: Interrupt[]): BoardState {
  return stateFromSnapshot({
    board: { ...board(), kind: 'interrupts', name: 'Interrupts' },
    seq: 1,
    columns: [column(READY, 'Inbox', 'a0')],
    lanes: [],
    cards: interrupts.map((i, n) => card(i.cardId, `Card ${i.cardId}`, READY, `a${n}`, { number: n + 1, type: 'interrupt' })),
    interrupts,
  });
}
