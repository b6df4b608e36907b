import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '@opsboard/shared';
import { activityLine } from './activity-text';

const CARD = '00000000-0000-4000-8000-00000000ca01';
const base = { streamId: '00000000-0000-4000-8000-0000000000b1', seq: 3, at: '2026-12-01T09:00:00.000Z', actor: { id: 'u', name: 'Alex' } };

describe('activityLine', () => {
  it('reads a comment like the card history and names its card', () => {
    const entry: ActivityEntry = { ...base, type: 'comment.created', subjectId: CARD, payload: { comment: { body: 'Renew  before\nFriday' } }, names: { [CARD]: '#12 Renew certs' } };
    expect(activityLine(entry)).toMatchObject({ who: 'Alex', what: 'commented: “Renew before Friday”', card: { id: CARD, name: '#12 Renew certs' } });
  });
  it('says team events in words', () => {
    const entry: ActivityEntry = { ...base, type: 'member.added', subjectId: null, payload: { member: { name: 'Sam', role: 'viewer' } }, names: {} };
    expect(activityLine(entry).what).toBe('added Sam to the team as viewer');
  });
});
