import { describe, expect, it } from 'vitest';
import { ackEscalationWords, ageMs, describeInterrupt, formatDuration, formatShare, shortAge, sourceLabel } from './interrupt-words';
import { interrupt } from './testing/fixtures';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it.each([
    [0, 'under a minute'],
    [59_000, 'under a minute'],
    [MIN, '1 min'],
    [42 * MIN + 30_000, '42 min'],
    [3 * HOUR, '3 h'],
    [3 * HOUR + 10 * MIN, '3 h 10 min'],
    [2 * DAY, '2 d'],
    [2 * DAY + 4 * HOUR + 5 * MIN, '2 d 4 h'],
    [Number.NaN, 'under a minute'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('keeps short ages to one unit', () => {
    expect([30_000, 5 * MIN, 3 * HOUR + 50 * MIN, 9 * DAY].map(shortAge)).toEqual(['now', '5 min', '3 h', '9 d']);
  });
});

describe('interrupt words', () => {
  it('never gives a negative age when the clocks disagree', () => {
    expect(ageMs(interrupt('a', { receivedAt: '2026-11-20T09:00:00.000Z' }), Date.parse('2026-11-20T08:59:00.000Z'))).toBe(0);
  });

  it('names the source: the requester, the webhook, or the alert', () => {
    expect(sourceLabel(interrupt('a', { source: 'ui', requester: 'Dana' }))).toBe('Dana');
    expect(sourceLabel(interrupt('a', { source: 'webhook', requester: null }))).toBe('Webhook');
    const alert = { name: 'DiskFull', fingerprint: 'f', startsAt: '2026-11-20T09:00:00.000Z', labels: {}, generatorUrl: null };
    expect(sourceLabel(interrupt('a', { source: 'alertmanager', alert }))).toBe('Alert · DiskFull');
  });

  it('describes an untriaged repeat resolved at the source in one sentence', () => {
    const i = interrupt('a', { source: 'alertmanager', severity: 'high', occurrences: 3, resolvedBySourceAt: '2026-11-20T10:00:00.000Z' });
    expect(describeInterrupt(i, Date.parse('2026-11-22T13:00:00.000Z'), () => 'x')).toBe(
      'High severity, from Alertmanager, sent 3 times, resolved at the source, untriaged for 2 d 4 h.',
    );
  });

  it('says who an escalated interrupt waits on', () => {
    const i = interrupt('a', { status: 'escalated', escalatedTo: 'u1', requester: null });
    expect(describeInterrupt(i, 0, (id) => (id === 'u1' ? 'Jordan' : '?'))).toBe('Medium severity, raised in opsboard, escalated to Jordan.');
  });

  it('says who a critical interrupt nobody triaged in time was escalated to, while it waits', () => {
    const names = (id: string) => ({ u1: 'Priya', u2: 'Sam', u3: 'Ana' })[id] ?? '?';
    const one = interrupt('a', { severity: 'critical', ackEscalation: { level: 1, at: '2026-11-20T09:15:00.000Z', userIds: ['u1'] } });
    expect(describeInterrupt(one, Date.parse('2026-11-20T09:20:00.000Z'), names)).toBe(
      'Critical severity, asked by Dana, untriaged for 20 min, escalated to Priya (next in the rotation), as nobody triaged it in time.',
    );
    expect(ackEscalationWords({ level: 2, at: '2026-11-20T09:30:00.000Z', userIds: ['u2', 'u3'] }, names)).toBe('escalated to the team admins (Sam, Ana), as it was still untriaged');
    // Once triaged, the status tells what happened.
    expect(describeInterrupt({ ...one, status: 'accepted' }, 0, names)).not.toContain('escalated');
  });

  it('formats shares as whole percentages, and nothing as a dash', () => {
    expect([formatShare(0.254), formatShare(0), formatShare(null)]).toEqual(['25%', '0%', '–']);
  });
});
