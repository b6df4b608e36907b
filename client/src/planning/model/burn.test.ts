import type { Iteration, IterationDetail } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { burnSummary, burnView, idealOn } from './burn';

type BurnPoint = IterationDetail['burn'][number];

const iteration: Iteration = {
  id: 'it', teamId: 't', name: 'Iteration 16', goal: '', startDate: '2026-11-16', endDate: '2026-11-27', state: 'active', pointsPerPerson: 8,
  committedPoints: 20, completedPoints: null, startedAt: '2026-11-16T09:30:00.000Z', closedAt: null, version: 2, createdAt: '2026-11-13T12:00:00.000Z',
};
const point = (date: string, scope: number, completed: number, added = 0, removed = 0, ideal: number | null = null): BurnPoint => ({ date, scope, completed, remaining: scope - completed, added, removed, ideal });
const committed = [
  { cardId: 'a', points: 12, title: 'A' },
  { cardId: 'b', points: 8, title: 'B' },
];

describe('burndown and burnup', () => {
  it('draws the ideal line straight over the working days and flat over the weekend', () => {
    const working = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
    expect(idealOn('2026-11-16', 18, working, '2026-11-27')).toBe(18);
    expect(idealOn('2026-11-20', 18, working, '2026-11-27')).toBe(10);
    expect(idealOn('2026-11-22', 18, working, '2026-11-27')).toBe(10);
    expect(idealOn('2026-11-27', 18, working, '2026-11-27')).toBe(0);
    expect(idealOn('2026-11-28', 18, working, '2026-11-27')).toBeNull();
  });

  it('spans the whole iteration: actual figures up to today, the ideal to the end', () => {
    const view = burnView({ iteration, committed, burn: [point('2026-11-16', 20, 0, 0, 0, 20), point('2026-11-17', 20, 3, 0, 0, 17.778)] }, '2026-11-17');
    expect(view.dates).toHaveLength(12);
    expect(view.remaining.slice(0, 3)).toEqual([20, 17, null]);
    expect(view.ideal[0]).toBe(20);
    expect(view.ideal.at(-1)).toBe(0);
    expect(view.committed).toBe(20);
  });

  it('marks each day the scope changed after the start, and today', () => {
    const view = burnView(
      {
        iteration,
        committed,
        burn: [point('2026-11-16', 20, 0), point('2026-11-17', 25, 0, 5), point('2026-11-18', 22, 2, 5, 3), point('2026-11-19', 24, 2, 8, 4)],
      },
      '2026-11-19',
    );
    expect(view.markers).toEqual([
      { at: '2026-11-17', label: '+5', detail: '5 points added to the scope', tone: 'added' },
      { at: '2026-11-18', label: '−3', detail: '3 points taken out of the scope', tone: 'removed' },
      { at: '2026-11-19', label: 'Today +3 −1', detail: '3 points added to the scope; 1 point taken out of the scope', tone: 'note' },
    ]);
    expect(view.added).toBe(8);
    expect(view.removed).toBe(4);
    expect(burnSummary(view)).toBe('Committed 20 points. On 2026-11-19, 22 points remain of 24 points, 2 points done. Since the start, 8 points were added and 4 points taken out.');
  });

  it('tells carry-over at the close apart from scope taken out', () => {
    const closed = { ...iteration, state: 'closed' as const, closedAt: '2026-11-27T16:00:00.000Z' };
    const view = burnView({ iteration: closed, committed, burn: [point('2026-11-16', 20, 0), point('2026-11-27', 10, 10, 0, 12)] }, null, 10);
    expect(view.markers).toEqual([{ at: '2026-11-27', label: '−2 10 carried over', detail: '2 points taken out of the scope; 10 points unfinished, carried over at the close', tone: 'note' }]);
    expect([view.removed, view.carried]).toEqual([2, 10]);
    expect(burnSummary(view)).toContain('At the close, 10 points were carried over.');
  });

  it('has no ideal and no points before the start', () => {
    const view = burnView({ iteration: { ...iteration, state: 'planned', startedAt: null }, committed: null, burn: [] }, '2026-11-10');
    expect(view.ideal.every((v) => v === null)).toBe(true);
    expect(view.last).toBeNull();
    expect(burnSummary(view)).toContain('has not started');
  });
});
