import { describe, expect, it } from 'vitest';
import { findBadString, jsonDepth, parseJsonBody } from './json-body.js';
import { pointerToField } from './validation.js';

describe('request bodies', () => {
  it('measures nesting without being fooled by brackets in strings', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[[[\\"]]"}')).toBe(1);
  });

  it('names the path of a NUL or an unpaired surrogate', () => {
    expect(findBadString({ a: [{ b: 'x\u0000' }] })?.field).toBe('a[0].b');
    expect(findBadString({ t: '\ud800' })?.message).toContain('surrogates');
    expect(findBadString({ ok: '😀 emoji pairs are fine' })).toBeNull();
  });

  it('an empty body is no body; malformed JSON is invalid_json', () => {
    expect(parseJsonBody('  ')).toEqual({ ok: true, value: undefined });
    expect(parseJsonBody('{').ok).toBe(false);
  });

  it('turns JSON pointers into field names', () => {
    expect(pointerToField('/links/0/cardId')).toBe('links[0].cardId');
    expect(pointerToField('')).toBe('');
  });
});
