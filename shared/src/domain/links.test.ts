import { describe, expect, it } from 'vitest';
import { INVERSE_LINK, incomingNotMirrored } from './links.js';

describe('incomingNotMirrored', () => {
  it('drops an incoming link that is the inverse of one of the card’s own links to the same card', () => {
    const own = [{ kind: 'converted_from' as const, cardId: 'interrupt' }];
    expect(incomingNotMirrored(own, [{ kind: 'converted_to', cardId: 'interrupt' }])).toEqual([]);
    expect(incomingNotMirrored([{ kind: 'blocks', cardId: 'b' }], [{ kind: 'blocked_by', cardId: 'b' }])).toEqual([]);
    expect(incomingNotMirrored([{ kind: 'relates', cardId: 'b' }], [{ kind: 'relates', cardId: 'b' }])).toEqual([]);
  });

  it('keeps incoming links that say something else, or about another card', () => {
    const own = [{ kind: 'blocks' as const, cardId: 'b' }];
    expect(incomingNotMirrored(own, [{ kind: 'blocks', cardId: 'b' }, { kind: 'blocked_by', cardId: 'c' }])).toEqual([
      { kind: 'blocks', cardId: 'b' },
      { kind: 'blocked_by', cardId: 'c' },
    ]);
  });

  it('every kind has an inverse whose inverse is itself', () => {
    for (const [kind, inverse] of Object.entries(INVERSE_LINK)) expect(INVERSE_LINK[inverse]).toBe(kind);
  });
});
