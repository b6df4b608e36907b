import { describe, expect, it } from 'vitest';
import type { Postmortem } from '@opsboard/shared';
import { draftBody, fromLocalInput, postmortemMarkdown, resolveWords, toLocalInput } from './postmortem-words';

const pm: Postmortem = {
  id: 'p1',
  teamId: 't1',
  cardId: 'c1',
  title: 'Postmortem: replica lag',
  summary: 'Replica fell behind.',
  impact: '',
  timeline: [{ at: '2026-11-25T08:14:03.123Z', kind: 'firing', text: 'PostgresReplicationLag' }],
  contributingFactors: 'WAL retention too short.',
  wentWell: '',
  firingAt: '2026-11-25T08:14:03.123Z',
  resolvedAt: '2026-11-25T09:00:00.000Z',
  timeToResolveSeconds: 2757,
  actions: [{ id: 'a1', title: 'Raise WAL retention', ownerId: 'u1', cardId: 'c2', boardId: 'b1', cardNumber: 7 }],
  publishedAt: null,
  readOnly: false,
  version: 3,
  createdAt: '2026-11-25T10:00:00.000Z',
};

describe('postmortem page helpers', () => {
  it('send only what differs from the server, with the version it was based on', () => {
    expect(draftBody(pm, {})).toBeNull();
    expect(draftBody(pm, { summary: pm.summary, timeline: [...pm.timeline] })).toBeNull();
    expect(draftBody(pm, { summary: 'New', impact: '' })).toEqual({ version: 3, summary: 'New' });
    expect(draftBody(pm, { resolvedAt: null })).toEqual({ version: 3, resolvedAt: null });
  });

  it('round-trip datetime-local values in the browser’s zone, refusing garbage', () => {
    const local = toLocalInput('2026-11-25T09:00:00.000Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe('2026-11-25T09:00:00.000Z');
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('yesterday')).toBeNull();
  });

  it('say the time to resolve, or why there is none', () => {
    expect(resolveWords(pm)).toBe('45 min from firing to resolution');
    expect(resolveWords({ firingAt: null, resolvedAt: null, timeToResolveSeconds: null })).toContain('No alert');
    expect(resolveWords({ firingAt: pm.firingAt, resolvedAt: null, timeToResolveSeconds: null })).toContain('Not resolved');
  });

  it('export Markdown with the filled sections only', () => {
    const md = postmortemMarkdown(pm, () => 'Ana', (iso) => iso.slice(11, 16));
    expect(md).toContain('# Postmortem: replica lag');
    expect(md).toContain('Alert fired 08:14, resolved 09:00: 45 min from firing to resolution.');
    expect(md).toContain('## Summary\n\nReplica fell behind.');
    expect(md).not.toContain('## Impact');
    expect(md).toContain('- 08:14 · Alert firing: PostgresReplicationLag');
    expect(md).toContain('- [ ] #7 Raise WAL retention — Ana');
  });
});
