import { describe, expect, it } from 'vitest';
import { buildIcal, icalEscape, icalFold, icalUtc, utf8Length } from './ical.js';

describe('ical', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(icalEscape('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
  it('folds at 75 octets without splitting characters', () => {
    const folded = icalFold('SUMMARY:' + 'é'.repeat(100));
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect([...p].reduce((n, c) => n + utf8Length(c), 0)).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe('SUMMARY:' + 'é'.repeat(100));
    expect(icalFold('short')).toBe('short');
  });
  it('writes UTC and all-day events with CRLF', () => {
    expect(icalUtc('2024-01-01T08:00:00.000Z')).toBe('20240101T080000Z');
    const text = buildIcal('x', [
      { uid: 'a@opsboard', summary: 'PoTW', start: '2024-01-01T08:00:00Z', end: '2024-01-08T08:00:00Z' },
      { uid: 'b@opsboard', summary: 'Sprint', startDate: '2024-01-01', endDate: '2024-01-15' },
    ], new Date('2024-01-01T00:00:00Z'));
    expect(text).toContain('DTSTART:20240101T080000Z\r\nDTEND:20240108T080000Z\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20240101\r\nDTEND;VALUE=DATE:20240115\r\n');
    expect(text).toContain('DTSTAMP:20240101T000000Z');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
