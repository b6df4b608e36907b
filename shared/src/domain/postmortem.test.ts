import { describe, expect, it } from 'vitest';
import { nameInText, postmortemAllowed, prefillTimeline, timeToResolve } from './postmortem.js';

describe('postmortems', () => {
  it('are for critical/high interrupts and incident cards', () => {
    expect(postmortemAllowed({ labels: [] }, { severity: 'critical' })).toBe(true);
    expect(postmortemAllowed({ labels: [] }, { severity: 'medium' })).toBe(false);
    expect(postmortemAllowed({ labels: ['Incident'] }, null)).toBe(true);
    expect(postmortemAllowed({ labels: [] }, null)).toBe(false);
  });
  it('pre-fill the timeline from the alert and the card history', () => {
    const r = prefillTimeline(
      { name: 'DiskFull', startsAt: '2031-01-01T10:00:00Z' },
      [
        { type: 'interrupt.received', payload: {}, at: '2031-01-01T10:01:00Z' },
        { type: 'interrupt.triaged', payload: { action: 'accept', note: null }, at: '2031-01-01T10:05:00Z' },
        { type: 'interrupt.triaged', payload: { action: 'escalate', note: 'DBA' }, at: '2031-01-01T10:10:00Z' },
        { type: 'interrupt.resolved_by_source', payload: {}, at: '2031-01-01T10:40:00Z' },
        { type: 'card.moved', payload: { card: { columnId: 'd' } }, at: '2031-01-01T11:00:00Z' },
      ],
      new Map([['d', 'done']]),
    );
    expect(r.timeline.map((e) => e.kind)).toEqual(['firing', 'received', 'triage', 'escalation', 'resolution', 'resolution']);
    expect(r.firingAt).toBe('2031-01-01T10:00:00Z');
    expect(r.resolvedAt).toBe('2031-01-01T10:40:00Z');
    expect(timeToResolve(r.firingAt, r.resolvedAt)).toBe(2400);
    expect(timeToResolve(null, r.resolvedAt)).toBeNull();
  });
  it('find names in blame fields', () => {
    expect(nameInText('Disk filled because Alice forgot', ['Bob', 'Alice'])).toBe('Alice');
    expect(nameInText('Log rotation was off', ['Bob', 'Alice'])).toBeNull();
  });
});
