import { describe, expect, it } from 'vitest';
import { cardPairs, orderedPair, pairingCounts, pairsByIteration } from './pairs.js';

describe('cardPairs', () => {
  it('makes a pair of two assignees, in id order', () => {
    expect(cardPairs(['bo', 'al'])).toEqual([['al', 'bo']]);
  });
  it('gives nothing for one person or none, and ignores a repeated id', () => {
    expect(cardPairs([])).toEqual([]);
    expect(cardPairs(['al'])).toEqual([]);
    expect(cardPairs(['al', 'al'])).toEqual([]);
  });
  it('pairs everyone with everyone on a card of three', () => {
    expect(cardPairs(['cy', 'al', 'bo'])).toEqual([
      ['al', 'bo'],
      ['al', 'cy'],
      ['bo', 'cy'],
    ]);
  });
});

describe('pairsByIteration', () => {
  it('joins the pairs the lead set with the pairs the cards show, per iteration', () => {
    const groups = pairsByIteration(
      [{ iterationId: 'i1', pair: ['bo', 'al'] }],
      [
        { id: 'c1', iterationId: 'i1', assigneeIds: ['al', 'bo'] },
        { id: 'c2', iterationId: 'i1', assigneeIds: ['cy', 'al'] },
        { id: 'c3', iterationId: 'i2', assigneeIds: ['al'] },
        { id: 'c4', iterationId: null, assigneeIds: ['bo', 'cy'] },
      ],
      ['i2', 'i1', null],
    );
    expect(groups).toEqual([
      {
        iterationId: 'i1',
        set: [['al', 'bo']],
        fromCards: [
          { pair: ['al', 'bo'], cardIds: ['c1'] },
          { pair: ['al', 'cy'], cardIds: ['c2'] },
        ],
      },
      { iterationId: null, set: [], fromCards: [{ pair: ['bo', 'cy'], cardIds: ['c4'] }] },
    ]);
  });

  it('lists every card that shows the same pair once under that pair', () => {
    const [group] = pairsByIteration([], [
      { id: 'c1', iterationId: 'i1', assigneeIds: ['al', 'bo'] },
      { id: 'c2', iterationId: 'i1', assigneeIds: ['bo', 'al'] },
    ], ['i1']);
    expect(group!.fromCards).toEqual([{ pair: ['al', 'bo'], cardIds: ['c1', 'c2'] }]);
  });

  it('is empty when nobody paired', () => {
    expect(pairsByIteration([], [{ id: 'c1', iterationId: 'i1', assigneeIds: ['al'] }], ['i1', null])).toEqual([]);
  });
});

describe('pairingCounts', () => {
  it('counts the iterations two people paired in, whichever way the pair was recorded', () => {
    const counts = pairingCounts([
      { iterationId: 'i1', pair: ['al', 'bo'] },
      { iterationId: 'i1', pair: ['bo', 'al'] },
      { iterationId: 'i2', pair: orderedPair('bo', 'al') },
      { iterationId: 'i2', pair: ['al', 'cy'] },
    ]);
    expect(counts).toEqual([
      { a: 'al', b: 'bo', count: 2 },
      { a: 'al', b: 'cy', count: 1 },
    ]);
  });
});
