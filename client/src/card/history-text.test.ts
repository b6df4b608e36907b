import type { HistoryEntry } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { historyLine, type HistoryNames } from './history-text';

const names: HistoryNames = {
  column: (id) => ({ c1: 'Ready', c2: 'In progress' })[id] ?? null,
  person: (id) => ({ u1: 'Priya Natarajan', u2: 'Jordan Okafor' })[id] ?? 'someone',
  board: () => null,
};

const entry = (type: string, payload: unknown): HistoryEntry => ({ streamId: 'b', seq: 3, type, at: '2025-01-01T10:00:00Z', actor: { id: 'u1', name: 'Sam Chen' }, payload });

describe('historyLine', () => {
  it('says who moved the card from where to where, with the override reason', () => {
    const line = historyLine(entry('card.moved', { from: { columnId: 'c1' }, to: { columnId: 'c2' }, overrideReason: 'Customer outage' }), names);
    expect(line).toMatchObject({ who: 'Sam Chen', what: 'moved it from Ready to In progress', reason: 'Customer outage' });
  });

  it('names people in assignee changes', () => {
    const line = historyLine(entry('card.updated', { changes: { assigneeIds: { from: [], to: ['u1', 'u2'] } } }), names);
    expect(line.what).toBe('changed assignees from nobody to Priya Natarajan and Jordan Okafor');
  });

  it('describes blocking in words', () => {
    expect(historyLine(entry('card.updated', { changes: { blocked: { from: false, to: true } } }), names).what).toBe('marked it blocked');
  });
});
