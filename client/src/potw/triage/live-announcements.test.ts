import { describe, expect, it } from 'vitest';
import { interrupt, interruptsState } from '../testing/fixtures';
import { triageQueue } from './queue';
import { inboxNews } from './use-live-announcements';

const name = (id: string) => (id === 'u-mia' ? 'Mia' : 'someone');

describe('inboxNews', () => {
  it('announces one arrival with its title, severity and source', () => {
    const state = interruptsState([interrupt('a'), interrupt('b', { severity: 'critical', requester: 'Finance' })]);
    expect(inboxNews(['a'], triageQueue(state), state, new Set(), name)).toBe('New interrupt #2: Card b. Critical, Finance.');
  });

  it('counts several arrivals instead of reading each', () => {
    const state = interruptsState([interrupt('a'), interrupt('b'), interrupt('c')]);
    expect(inboxNews([], triageQueue(state), state, new Set(), name)).toBe('3 new interrupts in the inbox.');
  });

  it('says who triaged an interrupt elsewhere, but not the ones this person triaged', () => {
    const state = interruptsState([interrupt('a', { status: 'accepted', triagedBy: 'u-mia' }), interrupt('b', { status: 'closed' }), interrupt('c')]);
    expect(inboxNews(['a', 'b', 'c'], triageQueue(state), state, new Set(['b']), name)).toBe('#1 was accepted by Mia.');
  });

  it('does not call an interrupt new when it comes back after this person’s triage was refused', () => {
    const state = interruptsState([interrupt('a'), interrupt('b')]);
    expect(inboxNews(['a'], triageQueue(state), state, new Set(['b']), name)).toBeNull();
  });

  it('says nothing when nothing changed', () => {
    const state = interruptsState([interrupt('a')]);
    expect(inboxNews(['a'], triageQueue(state), state, new Set(), name)).toBeNull();
  });
});
