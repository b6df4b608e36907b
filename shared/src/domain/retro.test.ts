import { describe, expect, it } from 'vitest';
import { canMovePhase, canVote, countByQuadrant, discussionOrder, isMoodWord, isRevealed, nextPhase, votesLeft } from './retro.js';

describe('retro phases', () => {
  it('reveals from grouping on', () => {
    expect(isRevealed('checkin')).toBe(false);
    expect(isRevealed('write')).toBe(false);
    expect(isRevealed('group')).toBe(true);
    expect(isRevealed('done')).toBe(true);
  });
  it('moves one step forward, or back without un-revealing', () => {
    expect(nextPhase('write')).toBe('group');
    expect(nextPhase('done')).toBeNull();
    expect(canMovePhase('checkin', 'write')).toBe(true);
    expect(canMovePhase('checkin', 'group')).toBe(false);
    expect(canMovePhase('write', 'checkin')).toBe(true);
    expect(canMovePhase('group', 'write')).toBe(false);
    expect(canMovePhase('vote', 'group')).toBe(true);
    expect(canMovePhase('done', 'actions')).toBe(false);
  });
});

describe('votes', () => {
  it('caps per person', () => {
    expect(canVote(0, 3)).toBe(true);
    expect(canVote(2, 3)).toBe(true);
    expect(canVote(3, 3)).toBe(false);
    expect(canVote(2, 3, 2)).toBe(false);
    expect(votesLeft(5, 3)).toBe(0);
    expect(votesLeft(1, 3)).toBe(2);
  });
  it('orders themes by votes, then age', () => {
    const t = (id: string, votes: number, createdAt: string) => ({ id, votes, createdAt });
    expect(discussionOrder([t('a', 1, '1'), t('b', 3, '2'), t('c', 1, '0')]).map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('check-in and notes', () => {
  it('accepts one-word moods only', () => {
    expect(isMoodWord('tired')).toBe(true);
    expect(isMoodWord('so-so')).toBe(true);
    expect(isMoodWord('very tired')).toBe(false);
    expect(isMoodWord('')).toBe(false);
  });
  it('counts notes per quadrant', () => {
    expect(countByQuadrant([{ quadrant: 'do' }, { quadrant: 'do' }, { quadrant: 'avoid' }])).toEqual({ do: 2, dont: 0, try: 0, avoid: 1 });
  });
});
