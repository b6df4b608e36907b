import { describe, expect, it } from 'vitest';
import { acceptanceNotes, cardForDigit, checkCustomDeck, deckCards, FIBONACCI_DECK, findCard, revealStats, TSHIRT_DECK } from './poker.js';

const v = (userId: string, value: string) => ({ userId, value });

describe('decks', () => {
  it('Fibonacci is 0..21 with ? and coffee, which carry no points', () => {
    expect(FIBONACCI_DECK.map((c) => c.label)).toEqual(['0', '1', '2', '3', '5', '8', '13', '21', '?', 'coffee']);
    expect(findCard(FIBONACCI_DECK, '?')?.points).toBeNull();
    expect(findCard(FIBONACCI_DECK, '13')?.points).toBe(13);
    expect(findCard(FIBONACCI_DECK, '4')).toBeNull();
  });
  it('T-shirt sizes map to points', () => {
    expect(TSHIRT_DECK.filter((c) => c.points !== null).map((c) => `${c.label}=${c.points}`)).toEqual(['XS=1', 'S=2', 'M=3', 'L=5', 'XL=8', 'XXL=13']);
  });
  it('a custom deck is checked and gets ? and coffee', () => {
    expect(checkCustomDeck([{ label: '1', points: 1 }])).toMatch(/two cards/);
    expect(checkCustomDeck([{ label: 'a', points: 1 }, { label: 'A', points: 2 }])).toMatch(/twice/);
    expect(checkCustomDeck([{ label: 'a', points: -1 }, { label: 'b', points: 2 }])).toMatch(/between/);
    expect(checkCustomDeck([{ label: 'a', points: null }, { label: 'b', points: null }])).toMatch(/with points/);
    expect(checkCustomDeck([{ label: 'half', points: 0.5 }, { label: 'one', points: 1 }])).toBeNull();
    expect(deckCards('custom', [{ label: ' half ', points: 0.5 }, { label: 'one', points: 1 }]).map((c) => c.label)).toEqual(['half', 'one', '?', 'coffee']);
  });
  it('digits vote the card with that label, else by position', () => {
    expect(cardForDigit(FIBONACCI_DECK, '5')?.label).toBe('5');
    expect(cardForDigit(FIBONACCI_DECK, '4')?.label).toBe('3');
    expect(cardForDigit(TSHIRT_DECK, '1')?.label).toBe('XS');
    expect(cardForDigit(TSHIRT_DECK, '6')?.label).toBe('XXL');
    expect(cardForDigit(TSHIRT_DECK, 'x')).toBeNull();
  });
});

describe('reveal statistics', () => {
  it('consensus: everyone on one card, nobody asked to explain', () => {
    const s = revealStats(FIBONACCI_DECK, [v('a', '5'), v('b', '5'), v('c', '5')]);
    expect(s).toMatchObject({ numericVotes: 3, spread: 0, median: 5, agreement: 'consensus', consensus: true, highest: [], lowest: [], suggested: '5' });
  });
  it('split: spread, median, highest and lowest voters', () => {
    const s = revealStats(FIBONACCI_DECK, [v('a', '2'), v('b', '5'), v('c', '13'), v('d', '13'), v('e', '3')]);
    expect(s).toMatchObject({ min: 2, max: 13, spread: 11, median: 5, agreement: 'split', consensus: false, highest: ['c', 'd'], lowest: ['a'], suggested: '5' });
  });
  it('near: two neighbouring cards; an even count takes the mean of the middle two and suggests the card at or above it', () => {
    const s = revealStats(FIBONACCI_DECK, [v('a', '3'), v('b', '5'), v('c', '5'), v('d', '3')]);
    expect(s).toMatchObject({ agreement: 'near', consensus: false, median: 4, suggested: '5', highest: ['b', 'c'], lowest: ['a', 'd'] });
  });
  it('? and coffee are counted apart and do not break a consensus', () => {
    const s = revealStats(FIBONACCI_DECK, [v('a', '8'), v('b', '?'), v('c', 'coffee'), v('d', '8')]);
    expect(s).toMatchObject({ numericVotes: 2, unsure: 1, coffee: 1, consensus: true, median: 8 });
  });
  it('no numeric vote: no statistics, no consensus', () => {
    expect(revealStats(FIBONACCI_DECK, [v('a', '?')])).toMatchObject({ agreement: 'none', consensus: false, median: null, spread: null, suggested: null });
    expect(revealStats(FIBONACCI_DECK, [])).toMatchObject({ numericVotes: 0, agreement: 'none' });
  });
  it('T-shirt votes are compared by their points', () => {
    const s = revealStats(TSHIRT_DECK, [v('a', 'S'), v('b', 'M'), v('c', 'XL')]);
    expect(s).toMatchObject({ min: 2, max: 8, spread: 6, median: 3, agreement: 'split', suggested: 'M', highest: ['c'], lowest: ['a'] });
  });
  it('votes not in the deck are ignored', () => {
    expect(revealStats(FIBONACCI_DECK, [v('a', '4'), v('b', '3')])).toMatchObject({ numericVotes: 1, consensus: true });
  });
});

describe('acceptance notes', () => {
  it('reads the section under an Acceptance heading', () => {
    expect(acceptanceNotes('Intro\n\n## Acceptance criteria\n- backups restore\n- alert fires\n\n## Notes\nother')).toBe('- backups restore\n- alert fires');
    expect(acceptanceNotes('**Acceptance:**\ndone when green')).toBe('done when green');
    expect(acceptanceNotes('nothing here')).toBeNull();
  });
});
