import { describe, expect, it } from 'vitest';
import { cumulativeFlow, cycleTimes, DAY_MS, flowEfficiency, throughput, wipAgeing, type CardHistory, type MetricColumn, type Step } from './flow.js';

const col = (id: string, boardId: string, category: MetricColumn['category']): MetricColumn => ({ id, boardId, name: id, category });
// Board A: todo → doing → review → done; board B: doing → done.
const all = [col('todo', 'A', 'todo'), col('doing', 'A', 'doing'), col('review', 'A', 'doing'), col('done', 'A', 'done'), col('bDoing', 'B', 'doing'), col('bDone', 'B', 'done')];
const teamScope = new Map(all.map((c) => [c.id, c]));
const boardA = new Map(all.filter((c) => c.boardId === 'A').map((c) => [c.id, c]));

const day = (d: number) => d * DAY_MS;
const step = (d: number, columnId: string, extra: Partial<Step> = {}): Step => ({ at: day(d), columnId, archived: false, blocked: false, ...extra });
const card = (cardId: string, ...steps: Step[]): CardHistory => ({ cardId, steps });

describe('cycle time', () => {
  it('runs from first entering doing to entering done', () => {
    const h = card('c', step(0, 'todo'), step(2, 'doing'), step(3, 'review'), step(7, 'done'));
    expect(cycleTimes([h], teamScope, 0, day(30))).toEqual([{ cardId: 'c', startedAt: day(2), finishedAt: day(7), days: 5 }]);
  });
  it('counts a card moved back from done once, at its last finish, from its first start', () => {
    const h = card('c', step(0, 'todo'), step(1, 'doing'), step(3, 'done'), step(4, 'doing'), step(6, 'todo'), step(8, 'doing'), step(10, 'done'));
    const points = cycleTimes([h], teamScope, 0, day(30));
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ startedAt: day(1), finishedAt: day(10), days: 9 });
  });
  it('is not finished while reopened at the end of the range', () => {
    const h = card('c', step(1, 'doing'), step(3, 'done'), step(4, 'doing'));
    expect(cycleTimes([h], teamScope, 0, day(30))).toEqual([]);
    // ...but was finished as of a range ending before the reopening.
    expect(cycleTimes([h], teamScope, 0, day(4))).toHaveLength(1);
  });
  it('starts a card that skipped every doing column when it entered done', () => {
    const h = card('c', step(0, 'todo'), step(5, 'done'));
    expect(cycleTimes([h], teamScope, 0, day(30))[0]).toMatchObject({ startedAt: day(5), days: 0 });
  });
  it('does not restart moving between done columns', () => {
    const h = card('c', step(0, 'doing'), step(2, 'done'), step(4, 'bDone'));
    expect(cycleTimes([h], teamScope, 0, day(30))[0]).toMatchObject({ finishedAt: day(2), days: 2 });
  });
  it('follows a card across boards for the team, and only its own part for a board', () => {
    const h = card('c', step(0, 'todo'), step(1, 'doing'), step(4, 'bDoing'), step(6, 'bDone'));
    expect(cycleTimes([h], teamScope, 0, day(30))[0]).toMatchObject({ startedAt: day(1), finishedAt: day(6), days: 5 });
    expect(cycleTimes([h], boardA, 0, day(30))).toEqual([]);
  });
  it('keeps a card archived in done finished, and drops one archived unfinished', () => {
    const done = card('d', step(0, 'doing'), step(2, 'done'), step(5, 'done', { archived: true }));
    const dropped = card('x', step(0, 'doing'), step(2, 'doing', { archived: true }));
    expect(cycleTimes([done, dropped], teamScope, 0, day(30)).map((p) => p.cardId)).toEqual(['d']);
  });
  it('counts an archived and restored card from its first start', () => {
    const h = card('c', step(0, 'doing'), step(2, 'doing', { archived: true }), step(5, 'doing'), step(6, 'done'));
    expect(cycleTimes([h], teamScope, 0, day(30))[0]).toMatchObject({ days: 6 });
  });
  it('keeps only cards finished inside the range', () => {
    const early = card('e', step(0, 'doing'), step(1, 'done'));
    const late = card('l', step(0, 'doing'), step(9, 'done'));
    expect(cycleTimes([early, late], teamScope, day(5), day(10)).map((p) => p.cardId)).toEqual(['l']);
  });
});

describe('throughput', () => {
  it('counts finished cards per week', () => {
    const hs = [card('a', step(0, 'doing'), step(1, 'done')), card('b', step(0, 'doing'), step(6, 'done')), card('c', step(0, 'doing'), step(8, 'done'))];
    const weeks = [
      { label: 'w1', from: 0, to: day(7) },
      { label: 'w2', from: day(7), to: day(14) },
    ];
    expect(throughput(cycleTimes(hs, teamScope, 0, day(14)), weeks)).toEqual([
      { label: 'w1', count: 2 },
      { label: 'w2', count: 1 },
    ]);
  });
});

describe('cumulative flow', () => {
  const days = [0, 1, 2, 3, 4].map((d) => ({ date: `d${d}`, end: day(d + 1) - 1 }));
  const bands = ['todo', 'doing', 'review', 'done'];
  const bandOf = (c: MetricColumn) => bands.indexOf(c.id);
  it('counts cards per column at the end of each day, with backwards moves and skips', () => {
    const hs = [
      card('a', step(0, 'todo'), step(1.5, 'doing'), step(3.2, 'done')),
      card('b', step(0.2, 'todo'), step(0.5, 'done'), step(2.5, 'review')), // skips forward, then moves back
      card('c', step(1, 'todo'), step(1.1, 'doing'), step(1.2, 'review'), step(1.3, 'doing')), // two moves in one day: last wins
    ];
    expect(cumulativeFlow(hs, boardA, bandOf, 4, days)).toEqual([
      [1, 0, 0, 1],
      [0, 2, 0, 1],
      [0, 2, 1, 0],
      [0, 1, 1, 1],
      [0, 1, 1, 1],
    ]);
  });
  it('drops archived cards unless done, brings restored ones back, and leaves cards that moved to another board', () => {
    const hs = [
      card('a', step(0, 'doing'), step(1.5, 'doing', { archived: true }), step(3.5, 'doing')),
      card('b', step(0, 'done'), step(1.5, 'done', { archived: true })),
      card('c', step(0, 'doing'), step(2.5, 'bDoing')),
    ];
    expect(cumulativeFlow(hs, boardA, bandOf, 4, days)).toEqual([
      [0, 2, 0, 1],
      [0, 1, 0, 1],
      [0, 0, 0, 1],
      [0, 1, 0, 1],
      [0, 1, 0, 1],
    ]);
  });
});

describe('WIP ageing', () => {
  it('lists cards in doing columns by age since their start, oldest first', () => {
    const hs = [
      card('young', step(0, 'todo'), step(8, 'doing')),
      card('old', step(0, 'doing'), step(3, 'todo'), step(4, 'review', { blocked: true })),
      card('waiting', step(0, 'todo')),
      card('finished', step(0, 'doing'), step(2, 'done')),
    ];
    expect(wipAgeing(hs, teamScope, day(10))).toEqual([
      { cardId: 'old', columnId: 'review', ageDays: 10, blocked: true },
      { cardId: 'young', columnId: 'doing', ageDays: 2, blocked: false },
    ]);
  });
});

describe('flow efficiency', () => {
  it('splits each cycle into active, waiting and blocked time and names the constraint', () => {
    const hs = [
      // 2 days doing, 1 day back in todo (waiting), 1 day blocked in review, 2 days review → done.
      card('a', step(0, 'doing'), step(2, 'todo'), step(3, 'review', { blocked: true }), step(4, 'review'), step(6, 'done')),
      // 1 day doing, 3 days review.
      card('b', step(0, 'doing'), step(1, 'review'), step(4, 'done')),
    ];
    const fe = flowEfficiency(hs, teamScope, 0, day(30));
    expect(fe.cards).toEqual([
      { cardId: 'b', activeMs: day(4), waitingMs: 0, blockedMs: 0, efficiency: 1 },
      { cardId: 'a', activeMs: day(4), waitingMs: day(1), blockedMs: day(1), efficiency: 0.667 },
    ]);
    expect(fe.efficiency).toBe(0.8);
    const review = fe.columns.find((c) => c.columnId === 'review')!;
    expect(review).toMatchObject({ activeMs: day(5), blockedMs: day(1), cards: 2, meanMs: day(3) });
    expect(fe.constraintColumnId).toBe('review');
  });
  it('is null without finished cards', () => {
    expect(flowEfficiency([card('a', step(0, 'doing'))], teamScope, 0, day(5))).toMatchObject({ efficiency: null, constraintColumnId: null, cards: [] });
  });
});
