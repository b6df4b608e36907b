import { describe, expect, it } from 'vitest';
import type { WalkStep } from '@opsboard/shared';
import { moveFrom, speakerAt } from './walk';

const steps: WalkStep[] = [
  { cardId: 'c1', personId: 'ann' },
  { cardId: 'c2', personId: 'ann' },
  { cardId: 'c1', personId: 'bob' },
  { cardId: 'c3', personId: null },
];
const cards = new Map([
  ['c1', { assigneeIds: ['ann', 'bob'] }],
  ['c2', { assigneeIds: ['ann'] }],
  ['c3', { assigneeIds: [] }],
]);
const boards = ['b1', 'b2'];

describe('moving through a standup', () => {
  it('goes from the overview to the first card, card by card, then to the next board', () => {
    let p = moveFrom({ boardId: 'b1', cardId: null, personId: null }, steps, boards, 'next', cards);
    expect(p).toEqual({ boardId: 'b1', cardId: 'c1', personId: 'ann' });
    p = moveFrom({ boardId: 'b1', cardId: 'c3', personId: null }, steps, boards, 'next', cards);
    expect(p).toEqual({ boardId: 'b2', cardId: null, personId: null });
    expect(moveFrom({ boardId: 'b2', cardId: null, personId: null }, [], boards, 'next', cards)).toEqual({ boardId: 'b2', cardId: null, personId: null });
  });
  it('goes back to the overview and the previous board', () => {
    expect(moveFrom({ boardId: 'b1', cardId: 'c2', personId: 'ann' }, steps, boards, 'previous', cards)).toEqual({ boardId: 'b1', cardId: 'c1', personId: 'ann' });
    expect(moveFrom({ boardId: 'b1', cardId: 'c1', personId: 'ann' }, steps, boards, 'previous', cards).cardId).toBeNull();
    expect(moveFrom({ boardId: 'b2', cardId: null, personId: null }, [], boards, 'previous', cards)).toEqual({ boardId: 'b1', cardId: null, personId: null });
  });
  it('skips to the next person', () => {
    expect(moveFrom({ boardId: 'b1', cardId: 'c1', personId: 'ann' }, steps, boards, 'skip', cards)).toEqual({ boardId: 'b1', cardId: 'c1', personId: 'bob' });
    const byCard: WalkStep[] = steps.map((s) => ({ ...s, personId: null })).filter((_, i) => i !== 2);
    expect(moveFrom({ boardId: 'b1', cardId: 'c1', personId: null }, byCard, boards, 'skip', cards).cardId).toBe('c2');
  });
  it('knows whose turn it is', () => {
    expect(speakerAt({ boardId: 'b1', cardId: 'c1', personId: 'bob' }, cards)).toBe('bob');
    expect(speakerAt({ boardId: 'b1', cardId: 'c1', personId: null }, cards)).toBe('ann');
    expect(speakerAt({ boardId: 'b1', cardId: null, personId: null }, cards)).toBeNull();
  });
});
