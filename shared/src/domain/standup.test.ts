import { describe, expect, it } from 'vitest';
import { cardFlags, formatSeconds, nextPersonIndex, standupSince, standupWalk } from './standup.js';

const col = (id: string, category: 'backlog' | 'todo' | 'doing' | 'done') => ({ id, category, archivedAt: null });
const card = (id: string, columnId: string, rank: string, assigneeIds: string[] = []) => ({ id, columnId, rank, assigneeIds, archivedAt: null });

describe('standupSince', () => {
  it('starts at the previous standup when there is one', () => {
    expect(standupSince(new Date('2026-12-02T09:00:00Z'), '2026-12-01T09:05:00.000Z')).toEqual({ since: '2026-12-01T09:05:00.000Z', basis: 'standup' });
  });
  it('looks back 24 hours on a Wednesday', () => {
    expect(standupSince(new Date('2026-12-02T09:00:00Z'), null)).toEqual({ since: '2026-12-01T09:00:00.000Z', basis: 'default' });
  });
  it('looks back to Friday on a Monday and on a Sunday', () => {
    expect(standupSince(new Date('2026-12-07T09:00:00Z'), null).since).toBe('2026-12-04T09:00:00.000Z');
    expect(standupSince(new Date('2026-12-06T09:00:00Z'), null).since).toBe('2026-12-04T09:00:00.000Z');
  });
});

describe('standupWalk', () => {
  const columns = [col('b', 'backlog'), col('t', 'todo'), col('d', 'doing'), col('x', 'done')];
  const cards = [card('1', 't', 'a0', ['ann']), card('2', 'd', 'a1', ['bob']), card('3', 'd', 'a0', ['ann', 'bob']), card('4', 'x', 'a0'), card('5', 'b', 'a0', ['ann'])];
  it('walks right to left, top card first, skipping the backlog', () => {
    expect(standupWalk(columns, cards, 'card').map((s) => s.cardId)).toEqual(['4', '3', '2', '1']);
  });
  it('walks person by person in order of first appearance, a pair’s card under both, unassigned last', () => {
    expect(standupWalk(columns, cards, 'person')).toEqual([
      { cardId: '3', personId: 'ann' },
      { cardId: '1', personId: 'ann' },
      { cardId: '3', personId: 'bob' },
      { cardId: '2', personId: 'bob' },
      { cardId: '4', personId: null },
    ]);
  });
  it('skips to the next person', () => {
    const steps = standupWalk(columns, cards, 'person');
    expect(nextPersonIndex(steps, 0)).toBe(2);
    expect(nextPersonIndex(steps, 2)).toBe(4);
    expect(nextPersonIndex(steps, 4)).toBe(5);
  });
});

describe('cardFlags', () => {
  const now = new Date('2026-12-10T12:00:00Z');
  it('flags blocked, over-WIP and ageing cards', () => {
    const f = cardFlags({ blocked: true, columnId: 'd', columnEnteredAt: '2026-12-01T12:00:00Z' }, { category: 'doing', wipLimit: 2 }, 3, now, 5);
    expect(f).toEqual({ blocked: true, overWip: true, ageing: true, daysInColumn: 9 });
  });
  it('does not age finished cards and holds at the limit', () => {
    const f = cardFlags({ blocked: false, columnId: 'x', columnEnteredAt: '2026-12-01T12:00:00Z' }, { category: 'done', wipLimit: 3 }, 3, now, 5);
    expect(f).toEqual({ blocked: false, overWip: false, ageing: false, daysInColumn: 9 });
  });
  it('formats seconds', () => {
    expect(formatSeconds(75)).toBe('1:15');
    expect(formatSeconds(5)).toBe('0:05');
  });
});
