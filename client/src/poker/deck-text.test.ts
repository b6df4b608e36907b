import { describe, expect, it } from 'vitest';
import { formatCustomDeck, parseCustomDeck } from './deck-text';

describe('custom deck text', () => {
  it('reads labels, named points and bare numbers', () => {
    expect(parseCustomDeck(' S=2, M = 3,5, ?, ')).toEqual([
      { label: 'S', points: 2 },
      { label: 'M', points: 3 },
      { label: '5', points: 5 },
      { label: '?', points: null },
    ]);
  });
  it('writes back what it reads, bare where a label is its own number', () => {
    const text = 'XS=0.5, S=1, 2, 3, big=13, ?';
    expect(formatCustomDeck(parseCustomDeck(text))).toBe(text);
  });
});
