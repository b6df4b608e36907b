import { describe, expect, it } from 'vitest';
import { ackLevelDue, awaitsAcknowledgement, nextAckDue, nextInRotation, type AckState } from './escalation.js';

const base: AckState = { severity: 'critical', status: 'untriaged', receivedAt: '2031-03-03T10:00:00.000Z', resolvedBySourceAt: null, ackLevel: 0, ackEscalatedAt: null };
const at = (iso: string) => new Date(iso);

describe('when the next level of escalation to acknowledge falls due', () => {
  it('level 1 one timeout after arrival, level 2 one timeout after level 1 fired', () => {
    expect(nextAckDue(base, 15)?.toISOString()).toBe('2031-03-03T10:15:00.000Z');
    expect(ackLevelDue(base, 15, at('2031-03-03T10:14:59.999Z'))).toBe(false);
    expect(ackLevelDue(base, 15, at('2031-03-03T10:15:00.000Z'))).toBe(true);
    // Level 1 fired late (an instance was down): level 2 counts from then, not from arrival.
    const one = { ...base, ackLevel: 1, ackEscalatedAt: '2031-03-03T10:20:00.000Z' };
    expect(nextAckDue(one, 15)?.toISOString()).toBe('2031-03-03T10:35:00.000Z');
    expect(ackLevelDue(one, 15, at('2031-03-03T10:30:00.000Z'))).toBe(false);
  });

  it('never after level 2, with escalation off, once triaged, for a non-critical one, or once resolved at source', () => {
    expect(nextAckDue({ ...base, ackLevel: 2, ackEscalatedAt: base.receivedAt }, 15)).toBeNull();
    expect(nextAckDue(base, null)).toBeNull();
    for (const status of ['accepted', 'escalated', 'converted', 'duplicate', 'closed']) expect(nextAckDue({ ...base, status }, 15), status).toBeNull();
    for (const severity of ['high', 'medium', 'low']) expect(nextAckDue({ ...base, severity }, 15), severity).toBeNull();
    expect(nextAckDue({ ...base, resolvedBySourceAt: '2031-03-03T10:05:00.000Z' }, 15)).toBeNull();
    expect(awaitsAcknowledgement(base)).toBe(true);
  });
});

describe('the next person in the rotation', () => {
  const shift = (userId: string, scheduledUserId = userId) => ({ userId, scheduledUserId });
  it('is whoever follows the PoTW in the order, wrapping round', () => {
    expect(nextInRotation(['a', 'b', 'c'], shift('a'))).toBe('b');
    expect(nextInRotation(['a', 'b', 'c'], shift('c'))).toBe('a');
  });
  it('follows the covered person when someone outside the order covers, and skips the one covering', () => {
    expect(nextInRotation(['a', 'b', 'c'], shift('x', 'b'))).toBe('c');
    expect(nextInRotation(['a', 'b', 'c'], shift('c', 'b'))).toBe('a');
  });
  it('is nobody when the rotation has nobody else', () => {
    expect(nextInRotation(['a'], shift('a'))).toBeNull();
    expect(nextInRotation([], null)).toBeNull();
    expect(nextInRotation(['a', 'b'], null)).toBe('a');
  });
});
