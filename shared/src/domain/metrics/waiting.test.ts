import { describe, expect, it } from 'vitest';
import { compareWaiting, isWaitingCategory, type WaitingPlace } from './waiting.js';

const place = (id: string, category: string, columnRank: string, rank: string, columnId = `col-${category}-${columnRank}`): WaitingPlace => ({ id, rank, category, columnId, columnRank });

describe('the waiting order', () => {
  it('takes the ready (to-do) cards first, then the backlog, whatever the columns’ places on the board', () => {
    const cards = [place('backlog-first', 'backlog', 'a0', 'a0'), place('ready-late', 'todo', 'a5', 'a9'), place('ready-early', 'todo', 'a5', 'a1')];
    expect([...cards].sort(compareWaiting).map((c) => c.id)).toEqual(['ready-early', 'ready-late', 'backlog-first']);
  });

  it('goes column by column in board order, then by rank, byte-wise (upper case before lower case), ties by id', () => {
    const cards = [
      place('second-column', 'backlog', 'a2', 'a0'),
      place('lower', 'backlog', 'a1', 'Zz'.toLowerCase()),
      place('upper', 'backlog', 'a1', 'Zz'),
      place('tie-b', 'backlog', 'a1', 'a5'),
      place('tie-a', 'backlog', 'a1', 'a5'),
    ];
    expect([...cards].sort(compareWaiting).map((c) => c.id)).toEqual(['upper', 'tie-a', 'tie-b', 'lower', 'second-column']);
  });

  it('counts only to-do and backlog columns as waiting', () => {
    expect(['backlog', 'todo', 'doing', 'review', 'done'].filter(isWaitingCategory)).toEqual(['backlog', 'todo']);
  });
});
