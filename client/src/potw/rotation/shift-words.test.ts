import { describe, expect, it } from 'vitest';
import { formatInZone, fromZonedInput, handoffSentence, relative, toZonedInput } from './shift-words';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');

describe('shift words', () => {
  it('shows instants in the rotation’s zone, with the year only when it is not this one', () => {
    expect(formatInZone('2026-11-30T08:00:00.000Z', 'Europe/Berlin', NOW)).toBe('Mon 30 Nov, 09:00');
    expect(formatInZone('2027-01-04T08:00:00.000Z', 'Europe/Berlin', NOW)).toBe('Mon 4 Jan 2027, 09:00');
    expect(formatInZone('2026-11-30T08:00:00.000Z', 'America/New_York', NOW)).toBe('Mon 30 Nov, 03:00');
  });

  it('says how far away something is', () => {
    expect(relative('2026-11-25T12:20:00.000Z', NOW)).toBe('in 20 min');
    expect(relative('2026-11-25T15:00:00.000Z', NOW)).toBe('in 3 h');
    expect(relative('2026-11-29T12:00:00.000Z', NOW)).toBe('in 4 days');
    expect(relative('2026-11-23T12:00:00.000Z', NOW)).toBe('2 days ago');
  });

  it('round-trips datetime-local values through the zone, across a daylight-saving change', () => {
    expect(fromZonedInput('2026-03-30T09:00', 'Europe/Berlin')).toBe('2026-03-30T07:00:00.000Z'); // summer time
    expect(fromZonedInput('2026-03-27T09:00', 'Europe/Berlin')).toBe('2026-03-27T08:00:00.000Z'); // winter time
    expect(toZonedInput('2026-03-30T07:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-30T09:00');
    expect(fromZonedInput('', 'Europe/Berlin')).toBeNull();
  });

  it('writes the hand-off as a sentence', () => {
    expect(handoffSentence({ handoffWeekday: 5, handoffTime: '16:30', timezone: 'UTC' })).toBe('Every Friday at 16:30 (UTC)');
  });
});
