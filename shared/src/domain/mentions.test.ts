import { describe, expect, it } from 'vitest';
import { mentionedHandles, mentionedMembers, mentionHandle, mentionQueryAt } from './mentions.js';

const members = [
  { userId: 'a', email: 'Alice.Ops@example.test' },
  { userId: 'b', email: 'bob@example.test' },
];

describe('mentions', () => {
  it('takes the handle from the e-mail address, lower-cased', () => {
    expect(mentionHandle('Alice.Ops@example.test')).toBe('alice.ops');
  });
  it('finds handles once each, ignoring e-mail addresses, code and trailing punctuation', () => {
    expect(mentionedHandles('@bob please look, cc @alice.ops. Mail x@bob.test; `@notme` @Bob')).toEqual(['bob', 'alice.ops']);
    expect(mentionedHandles('```\n@inside\n```\n(@bob)')).toEqual(['bob']);
  });
  it('maps handles to members and ignores unknown ones', () => {
    expect(mentionedMembers('@ghost @bob @alice.ops', members)).toEqual(['b', 'a']);
  });
  it('knows the @query before the caret', () => {
    expect(mentionQueryAt('hi @al', 6)).toEqual({ start: 3, query: 'al' });
    expect(mentionQueryAt('hi @', 4)).toEqual({ start: 3, query: '' });
    expect(mentionQueryAt('mail a@b', 8)).toBeNull();
    expect(mentionQueryAt('hi @al there', 12)).toBeNull();
  });
});
