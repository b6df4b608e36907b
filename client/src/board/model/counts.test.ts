import { stateFromSnapshot } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { DOING, READY, snapshot } from '../store/testing/fixtures';
import { filteredWords } from './counts';
import { cardMatcher, NO_FILTER } from './filters';
import { buildLayout, cellCards } from './layout';
import { wipLevel } from './wip';

describe('filtered column counts', () => {
  it('say what the filter shows apart from the real count and limit, never "0 of 1/4"', () => {
    expect(filteredWords(1, 4, 3)).toBe('1 shown · 4 cards · limit 3');
    expect(filteredWords(0, 1, null)).toBe('0 shown · 1 card');
  });

  it('judge WIP on every card of the column, whatever the filter hides', () => {
    const layout = buildLayout(stateFromSnapshot(snapshot()), cardMatcher({ ...NO_FILTER, q: 'nothing matches this' }), null);
    expect(cellCards(layout, DOING, null)).toEqual([]);
    expect(layout.columnCounts.get(DOING)).toBe(1);
    expect(wipLevel(layout.columnCounts.get(READY)!, 3)).toBe('at');
  });
});
