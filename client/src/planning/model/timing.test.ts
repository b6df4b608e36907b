import type { Iteration } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { activeIteration, teamToday, timing } from './timing';

const it16 = { state: 'active', endDate: '2026-12-11' } as const;

describe('timing', () => {
  it('counts the days left in a running iteration', () => {
    expect(timing(it16, '2026-12-07')).toEqual({ tone: 'ok', words: '4 days left', overdue: 0 });
    expect(timing(it16, '2026-12-10').words).toBe('1 day left');
    expect(timing(it16, '2026-12-11').words).toBe('last day');
  });
  it('says how long a running iteration is past its end date', () => {
    expect(timing(it16, '2026-12-12')).toEqual({ tone: 'warn', words: 'overdue 1 day', overdue: 1 });
    expect(timing(it16, '2026-12-14')).toEqual({ tone: 'warn', words: 'overdue 3 days', overdue: 3 });
  });
  it('has nothing to say about planned or closed iterations', () => {
    expect(timing({ state: 'planned', endDate: '2026-12-11' }, '2026-12-14').words).toBeNull();
    expect(timing({ state: 'closed', endDate: '2026-12-11' }, '2026-12-14')).toEqual({ tone: 'ok', words: null, overdue: 0 });
  });
});

describe('teamToday', () => {
  it("is the team's calendar date, not the browser's", () => {
    const at = new Date('2026-12-11T23:30:00Z');
    expect(teamToday('UTC', at)).toBe('2026-12-11');
    expect(teamToday('Europe/Berlin', at)).toBe('2026-12-12');
  });
});

describe('activeIteration', () => {
  it('finds the running one', () => {
    const list: Pick<Iteration, 'id' | 'state'>[] = [
      { id: 'a', state: 'closed' },
      { id: 'b', state: 'active' },
    ];
    expect(activeIteration(list)?.id).toBe('b');
    expect(activeIteration([])).toBeNull();
  });
});
