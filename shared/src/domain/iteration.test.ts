import { describe, expect, it } from 'vitest';
import { type BurnChartInput, burnChart, capacity, carryOver, type CardStateChange, ssaAllocation, velocity, workingDays } from './iteration.js';

describe('workingDays', () => {
  it('lists Monday to Friday, skipping the weekend', () => {
    expect(workingDays('2024-01-05', '2024-01-09')).toEqual(['2024-01-05', '2024-01-08', '2024-01-09']);
  });
  it('gives ten days for a two-week iteration', () => {
    expect(workingDays('2024-01-08', '2024-01-19')).toHaveLength(10);
  });
  it('crosses month ends and leap days', () => {
    expect(workingDays('2024-02-28', '2024-03-04')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01', '2024-03-04']);
  });
  it('is empty for a weekend or a reversed range', () => {
    expect(workingDays('2024-01-06', '2024-01-07')).toEqual([]);
    expect(workingDays('2024-01-10', '2024-01-09')).toEqual([]);
  });
});

describe('capacity', () => {
  it('removes absence and PoTW days from each person', () => {
    const result = capacity({ memberIds: ['ana', 'ben', 'cai'], pointsPerPerson: 10, workingDays: 10, absenceDays: { ben: 2 }, potwDays: { cai: 5 } });
    expect(result).toEqual({
      total: 23,
      perPerson: [
        { userId: 'ana', availableDays: 10, points: 10 },
        { userId: 'ben', availableDays: 8, points: 8 },
        { userId: 'cai', availableDays: 5, points: 5 },
      ],
    });
  });
  it('rounds each person and the total to one decimal', () => {
    const result = capacity({ memberIds: ['ana', 'ben', 'cai'], pointsPerPerson: 8, workingDays: 9, absenceDays: { ana: 1, cai: 1 }, potwDays: { cai: 5 } });
    // 8 × 8/9 = 7.11, 8 × 9/9 = 8, 8 × 3/9 = 2.67
    expect(result.perPerson.map((p) => p.points)).toEqual([7.1, 8, 2.7]);
    expect(result.total).toBe(17.8);
  });
  it('never goes below zero days and copes with no working days', () => {
    expect(capacity({ memberIds: ['ana'], pointsPerPerson: 10, workingDays: 10, absenceDays: { ana: 8 }, potwDays: { ana: 5 } }).perPerson).toEqual([
      { userId: 'ana', availableDays: 0, points: 0 },
    ]);
    expect(capacity({ memberIds: ['ana'], pointsPerPerson: 10, workingDays: 0, absenceDays: {}, potwDays: {} })).toEqual({
      total: 0,
      perPerson: [{ userId: 'ana', availableDays: 0, points: 0 }],
    });
  });
  it('is zero for a team with no members', () => {
    expect(capacity({ memberIds: [], pointsPerPerson: 10, workingDays: 10, absenceDays: {}, potwDays: {} })).toEqual({ total: 0, perPerson: [] });
  });
});

describe('burnChart', () => {
  // Monday 2024-01-08 to Friday 2024-01-19 in Berlin (UTC+1): 10 working days, so 9 points burn 1 a day.
  const base: BurnChartInput = {
    startDate: '2024-01-08',
    endDate: '2024-01-19',
    timezone: 'Europe/Berlin',
    startedAt: '2024-01-08T08:00:00.000Z',
    committed: [
      { cardId: 'a', points: 3 },
      { cardId: 'b', points: 5 },
      { cardId: 'c', points: 1 },
      { cardId: 'n', points: null },
    ],
    changes: [],
    now: '2024-01-22T12:00:00.000Z',
  };
  const change = (at: string, cardId: string, points: number | null, state: { inIteration?: boolean; done?: boolean } = {}): CardStateChange => ({
    at,
    cardId,
    points,
    inIteration: state.inIteration ?? true,
    done: state.done ?? false,
  });
  const on = (chart: ReturnType<typeof burnChart>, date: string) => chart.find((p) => p.date === date);

  it('stays at the committed scope with no changes, one point per day to the end date', () => {
    const chart = burnChart(base);
    expect(chart).toHaveLength(12);
    expect(chart[0]).toEqual({ date: '2024-01-08', scope: 9, completed: 0, remaining: 9, added: 0, removed: 0, ideal: 9 });
    expect(chart.at(-1)).toEqual({ date: '2024-01-19', scope: 9, completed: 0, remaining: 9, added: 0, removed: 0, ideal: 0 });
  });
  it('draws the ideal line over working days, flat across the weekend', () => {
    expect(burnChart(base).map((p) => p.ideal)).toEqual([9, 8, 7, 6, 5, 5, 5, 4, 3, 2, 1, 0]);
  });
  it('reaches zero on the last Friday and stays flat when the iteration ends on a Sunday', () => {
    const chart = burnChart({ ...base, endDate: '2024-01-21' });
    expect(chart.slice(-3).map((p) => p.ideal)).toEqual([0, 0, 0]);
    expect(chart.slice(0, 2).map((p) => p.ideal)).toEqual([9, 8]);
  });
  it('counts a card finished on day 3 from that day on', () => {
    const chart = burnChart({ ...base, changes: [change('2024-01-10T15:00:00.000Z', 'b', 5, { done: true })] });
    expect(on(chart, '2024-01-09')).toMatchObject({ completed: 0, remaining: 9 });
    expect(on(chart, '2024-01-10')).toMatchObject({ scope: 9, completed: 5, remaining: 4, added: 0, removed: 0 });
    expect(on(chart, '2024-01-19')).toMatchObject({ completed: 5, remaining: 4 });
  });
  it('places a change by the local day it happened on, not the UTC one', () => {
    const justBeforeMidnight = burnChart({ ...base, changes: [change('2024-01-10T22:59:59.999Z', 'b', 5, { done: true })] });
    expect(on(justBeforeMidnight, '2024-01-10')?.completed).toBe(5);
    // 23:30Z is already 00:30 on the 11th in Berlin.
    const afterMidnight = burnChart({ ...base, changes: [change('2024-01-10T23:30:00.000Z', 'b', 5, { done: true })] });
    expect(on(afterMidnight, '2024-01-10')?.completed).toBe(0);
    expect(on(afterMidnight, '2024-01-11')?.completed).toBe(5);
  });
  it('tracks scope added and removed after the start, counting a card added then removed in both', () => {
    const chart = burnChart({
      ...base,
      changes: [
        change('2024-01-09T10:00:00.000Z', 'd', 3),
        change('2024-01-10T10:00:00.000Z', 'c', 1, { inIteration: false }),
        change('2024-01-11T10:00:00.000Z', 'd', 3, { inIteration: false }),
      ],
    });
    expect(on(chart, '2024-01-08')).toMatchObject({ scope: 9, added: 0, removed: 0 });
    expect(on(chart, '2024-01-09')).toMatchObject({ scope: 12, added: 3, removed: 0, remaining: 12 });
    expect(on(chart, '2024-01-10')).toMatchObject({ scope: 11, added: 3, removed: 1 });
    expect(on(chart, '2024-01-11')).toMatchObject({ scope: 8, added: 3, removed: 4 });
    // The ideal line follows the committed scope only.
    expect(on(chart, '2024-01-09')?.ideal).toBe(8);
  });
  it('ignores changes already contained in the committed snapshot', () => {
    const chart = burnChart({ ...base, changes: [change('2024-01-08T07:00:00.000Z', 'd', 8), change('2024-01-08T08:00:00.000Z', 'a', 3, { done: true })] });
    expect(chart[0]).toMatchObject({ scope: 9, completed: 0, added: 0 });
  });
  it('treats re-estimates of in-scope cards as added or removed scope, and ignores them outside the iteration', () => {
    const chart = burnChart({
      ...base,
      changes: [
        change('2024-01-09T10:00:00.000Z', 'a', 5),
        change('2024-01-09T11:00:00.000Z', 'b', 3),
        change('2024-01-09T12:00:00.000Z', 'x', 8, { inIteration: false }),
        change('2024-01-10T12:00:00.000Z', 'n', 2),
      ],
    });
    expect(on(chart, '2024-01-09')).toMatchObject({ scope: 9, added: 2, removed: 2 });
    expect(on(chart, '2024-01-10')).toMatchObject({ scope: 11, added: 4, removed: 2 });
  });
  it('moves completed back when a done card is re-opened, without touching added or removed', () => {
    const chart = burnChart({
      ...base,
      changes: [change('2024-01-09T10:00:00.000Z', 'a', 3, { done: true }), change('2024-01-10T10:00:00.000Z', 'a', 3, { done: false })],
    });
    expect(on(chart, '2024-01-09')).toMatchObject({ completed: 3, remaining: 6 });
    expect(on(chart, '2024-01-10')).toMatchObject({ completed: 0, remaining: 9, added: 0, removed: 0 });
  });
  it('stops at today and evaluates today at `now`', () => {
    const chart = burnChart({
      ...base,
      now: '2024-01-10T10:00:00.000Z',
      changes: [change('2024-01-10T09:00:00.000Z', 'a', 3, { done: true }), change('2024-01-10T11:00:00.000Z', 'b', 5, { done: true })],
    });
    expect(chart.map((p) => p.date)).toEqual(['2024-01-08', '2024-01-09', '2024-01-10']);
    expect(chart.at(-1)?.completed).toBe(3);
  });
  it('is empty before the iteration starts', () => {
    expect(burnChart({ ...base, now: '2024-01-07T12:00:00.000Z' })).toEqual([]);
  });
  it('drops floating-point noise from fractional points', () => {
    const chart = burnChart({ ...base, committed: [{ cardId: 'a', points: 0.1 }, { cardId: 'b', points: 0.2 }] });
    expect(chart[0]?.scope).toBe(0.3);
  });
});

describe('velocity', () => {
  const iterations = [10, 11, 12, 13, 14, 15, 16, 17].map((completed, i) => ({ id: `i${i}`, name: `Iteration ${i}`, committed: 15, completed }));

  it('averages the last six iterations by default', () => {
    const result = velocity(iterations);
    expect(result.entries.map((e) => e.id)).toEqual(['i2', 'i3', 'i4', 'i5', 'i6', 'i7']);
    expect(result.average).toBe(14.5);
  });
  it('takes a custom window and rounds to one decimal', () => {
    expect(velocity(iterations, 3).average).toBe(16);
    expect(velocity([1, 2, 2].map((completed, i) => ({ id: `i${i}`, name: '', committed: 2, completed }))).average).toBe(1.7);
  });
  it('uses every iteration when there are fewer than N', () => {
    expect(velocity(iterations.slice(0, 2)).entries).toHaveLength(2);
  });
  it('has no average without iterations', () => {
    expect(velocity([])).toEqual({ entries: [], average: null });
    expect(velocity(iterations, 0)).toEqual({ entries: [], average: null });
  });
});

describe('carryOver', () => {
  it('splits done cards from those carried to the next iteration, keeping order', () => {
    expect(
      carryOver([
        { id: 'a', done: true },
        { id: 'b', done: false },
        { id: 'c', done: true },
        { id: 'd', done: false },
      ]),
    ).toEqual({ finished: ['a', 'c'], carried: ['b', 'd'] });
    expect(carryOver([])).toEqual({ finished: [], carried: [] });
  });
});

describe('ssaAllocation', () => {
  const ssa = (assigneeIds: string[], done = false) => ({ assigneeIds, boardKind: 'selfservice' as const, done });

  it('warns when nobody is on self-service & automation work', () => {
    expect(ssaAllocation([])).toEqual({
      people: [],
      count: 0,
      ok: false,
      message: 'Nobody is on self-service & automation work; the method asks for at least a pair.',
    });
  });
  it('warns when only one person is on it', () => {
    expect(ssaAllocation([ssa(['ana']), ssa(['ana'])])).toEqual({
      people: ['ana'],
      count: 1,
      ok: false,
      message: 'Only 1 person is on self-service & automation work; the method asks for at least a pair.',
    });
  });
  it('is satisfied by a pair, counted across cards', () => {
    expect(ssaAllocation([ssa(['ana']), ssa(['ben', 'ana'])])).toEqual({
      people: ['ana', 'ben'],
      count: 2,
      ok: true,
      message: '2 people (a pair) are on self-service & automation work.',
    });
    expect(ssaAllocation([ssa(['ana', 'ben', 'cai'])]).message).toBe('3 people are on self-service & automation work.');
  });
  it('ignores done cards and cards on other boards', () => {
    const result = ssaAllocation([
      ssa(['ana']),
      ssa(['ben'], true),
      { assigneeIds: ['cai'], boardKind: 'planned', done: false },
      { assigneeIds: ['dee'], boardKind: 'interrupts', done: false },
    ]);
    expect(result).toMatchObject({ people: ['ana'], count: 1, ok: false });
  });
  it('respects a custom minimum', () => {
    expect(ssaAllocation([ssa(['ana', 'ben'])], 3)).toMatchObject({
      ok: false,
      message: 'Only 2 people are on self-service & automation work; the method asks for at least 3 people.',
    });
    expect(ssaAllocation([ssa(['ana'])], 1)).toMatchObject({ ok: true, message: '1 person is on self-service & automation work.' });
  });
});
