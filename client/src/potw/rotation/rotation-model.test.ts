import { describe, expect, it } from 'vitest';
import type { Member, RotationOverrideInfo } from '@opsboard/shared';
import { defaultSettings, groupOverrides, moveItem, parseAckTimeout, settingsChanged } from './rotation-model';

const member = (userId: string, name: string, role: Member['role'] = 'member'): Member => ({ userId, name, email: `${userId}@x.test`, role, joinedAt: '2026-01-01T00:00:00.000Z' });
const override = (id: string, kind: 'cover' | 'swap', start: string, createdAt = '2026-11-01T00:00:00.000Z'): RotationOverrideInfo => ({
  id,
  kind,
  start,
  end: start.replace('T08', 'T20'),
  userId: `u-${id}`,
  reason: null,
  createdAt,
});

describe('rotation model', () => {
  it('moves a member up or down, clamped to the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a'], 5, 0)).toEqual(['a']);
  });

  it('starts a first rotation with everyone who can triage, by name, Monday 09:00', () => {
    const members = [member('z', 'Zoe'), member('v', 'Val', 'viewer'), member('a', 'Ann', 'po')];
    expect(defaultSettings(members, 'Europe/Berlin')).toEqual({ memberIds: ['a', 'z'], handoffWeekday: 1, handoffTime: '09:00', timezone: 'Europe/Berlin', ackTimeoutMinutes: 15 });
  });

  it('pairs the two halves of a swap and keeps covers on their own, in time order', () => {
    const entries = groupOverrides([
      override('s2', 'swap', '2026-12-07T08:00:00.000Z', 'T1'),
      override('c1', 'cover', '2026-12-01T08:00:00.000Z'),
      override('s1', 'swap', '2026-11-30T08:00:00.000Z', 'T1'),
    ]);
    expect(entries.map((e) => (e.kind === 'cover' ? `cover ${e.override.id}` : `swap ${e.a.id}+${e.b?.id}`))).toEqual(['swap s1+s2', 'cover c1']);
  });

  it('notices any change to the settings', () => {
    const s = { memberIds: ['a', 'b'], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' };
    expect(settingsChanged(s, { ...s })).toBe(false);
    expect(settingsChanged(s, { ...s, memberIds: ['b', 'a'] })).toBe(true);
    expect(settingsChanged(null, s)).toBe(true);
    expect(settingsChanged({ ...s, ackTimeoutMinutes: 15 }, { ...s, ackTimeoutMinutes: 20 })).toBe(true);
    expect(settingsChanged({ ...s, ackTimeoutMinutes: 15 }, { ...s, ackTimeoutMinutes: null })).toBe(true);
  });

  it('reads the ack timeout field: empty is off, whole minutes 1 to 1440, anything else an error', () => {
    expect(parseAckTimeout('')).toEqual({ ok: true, value: null });
    expect(parseAckTimeout(' 30 ')).toEqual({ ok: true, value: 30 });
    expect(parseAckTimeout('1440')).toEqual({ ok: true, value: 1440 });
    for (const bad of ['0', '1441', '2.5', '-3', 'x']) expect(parseAckTimeout(bad).ok, bad).toBe(false);
  });
});
