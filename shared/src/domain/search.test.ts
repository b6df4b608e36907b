import { describe, expect, it } from 'vitest';
import { searchTerms } from './search.js';

describe('searchTerms', () => {
  it('requires every word and treats the last as a prefix', () => {
    expect(searchTerms(' etcd  tls cert ')).toEqual({ number: null, words: "'etcd' & 'tls'", prefix: "'cert':*" });
  });
  it('reads a card number with or without #', () => {
    expect(searchTerms('#42')).toEqual({ number: 42, words: null, prefix: "'42':*" });
    expect(searchTerms('42').number).toBe(42);
  });
  it('quotes operators and quotes so they are searched, not parsed', () => {
    expect(searchTerms("o'neil | !x")).toEqual({ number: null, words: "'o''neil'", prefix: "'!x':*" });
    expect(searchTerms('a\\b').prefix).toBe("'a\\\\b':*");
  });
  it('drops control characters and words without letters or digits', () => {
    expect(searchTerms('\u0000 -- ::')).toEqual({ number: null, words: null, prefix: null });
  });
  it('keeps at most eight words', () => {
    expect(searchTerms('a b c d e f g h i j').words?.split(' & ')).toHaveLength(7);
  });
});
