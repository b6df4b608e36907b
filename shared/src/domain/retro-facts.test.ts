import { describe, expect, it } from 'vitest';
import { iterationFacts, type FactEvent } from './retro-facts.js';

const base = { boardId: 'pl', title: '', points: null as number | null, columnId: 'todo', assigneeIds: [] as string[], iterationId: 'it1' as string | null, blocked: false, archivedAt: null };
const card = (id: string, over: Partial<typeof base> = {}) => ({ ...base, id, title: `Card ${id}`, ...over });
const ev = (at: string, type: string, payload: unknown, actorId: string | null = 'u9'): FactEvent => ({ streamId: 's', type, payload, at: `2026-11-${at}Z`, actorId });

// A hand-built iteration (2–4 November) with a known answer for every fact.
const events: FactEvent[] = [
  ev('01T10:00:00', 'card.created', { card: card('A', { points: 3 }), overrideReason: null }),
  ev('01T10:01:00', 'card.created', { card: card('B', { points: 2 }), overrideReason: null }),
  ev('01T10:02:00', 'card.created', { card: card('S1', { boardId: 'ssa', iterationId: null, assigneeIds: ['u1', 'u2'] }), overrideReason: null }),
  ev('01T11:00:00', 'card.updated', { card: card('B', { points: 2, blocked: true }), changes: {} }),
  ev('02T09:00:00', 'iteration.started', { iteration: { id: 'it1' }, committed: [{ cardId: 'A', points: 3, title: 'Card A' }, { cardId: 'B', points: 2, title: 'Card B' }], confirmation: null }),
  ev('02T10:00:00', 'card.moved', { card: card('S1', { boardId: 'ssa', iterationId: null, assigneeIds: ['u1', 'u2'], columnId: 'doing' }), overrideReason: null }),
  ev('02T12:00:00', 'card.updated', { card: card('B', { points: 2 }), changes: {} }),
  ev('03T08:00:00', 'card.updated', { card: card('S1', { boardId: 'ssa', iterationId: null, assigneeIds: ['u1'], columnId: 'doing' }), changes: {} }),
  ev('03T09:00:00', 'card.created', { card: card('C', { points: 5 }), overrideReason: null }),
  ev('03T10:00:00', 'card.moved', { card: card('A', { points: 3, columnId: 'doing' }), overrideReason: 'prod fix' }, 'u3'),
  ev('03T11:00:00', 'interrupt.received', { interrupt: { assignedPotwId: 'u1' } }),
  ev('03T12:00:00', 'interrupt.received', { interrupt: { assignedPotwId: 'u1' } }),
  ev('04T08:00:00', 'card.updated', { card: card('S1', { boardId: 'ssa', iterationId: null, assigneeIds: ['u1', 'u2'], columnId: 'doing' }), changes: {} }),
  ev('04T09:00:00', 'interrupt.received', { interrupt: { assignedPotwId: 'u2' } }),
  ev('04T10:00:00', 'card.updated', { card: card('C', { points: 5, blocked: true }), changes: {} }),
  ev('04T17:00:00', 'iteration.closed', { iteration: { id: 'it1' }, finished: ['A', 'C'], carriedOver: [{ cardId: 'B', to: null }] }),
];

const input = {
  iterationId: 'it1',
  goal: 'Ship backups',
  startDate: '2026-11-02',
  endDate: '2026-11-04',
  startedAt: '2026-11-02T09:00:00Z',
  closedAt: '2026-11-04T17:00:00Z',
  now: '2026-11-10T00:00:00Z',
  ssaBoardIds: ['ssa'],
  columnCategory: new Map([
    ['todo', 'todo'],
    ['doing', 'doing'],
    ['done', 'done'],
  ]),
  events,
};

describe('iteration facts from the event log', () => {
  const f = iterationFacts(input);
  it('goal met: not every committed card finished', () => {
    expect(f.goal).toBe('Ship backups');
    expect(f.goalMet).toBe(false);
  });
  it('committed against done', () => {
    expect(f.committed).toEqual({ cards: 2, points: 5 });
    expect(f.done).toEqual({ cards: 2, points: 8 });
  });
  it('scope added after the start', () => {
    expect(f.scopeAdded).toEqual([{ cardId: 'C', title: 'Card C', points: 5, at: '2026-11-03T09:00:00Z' }]);
  });
  it('carry-over', () => {
    expect(f.carriedOver).toEqual([{ cardId: 'B', title: 'Card B', points: 2, to: null }]);
  });
  it('every WIP override with its reason', () => {
    expect(f.wipOverrides).toEqual([{ cardId: 'A', title: 'Card A', reason: 'prod fix', at: '2026-11-03T10:00:00Z', actorId: 'u3' }]);
  });
  it('interrupt share and PoTW load', () => {
    expect(f.interrupts).toEqual({ received: 3, share: 0.5, potwLoad: [{ userId: 'u1', count: 2 }, { userId: 'u2', count: 1 }] });
  });
  it('blocked cards and for how long (from the start when blocked before it)', () => {
    expect(f.blocked).toEqual([
      { cardId: 'B', title: 'Card B', hours: 3, stillBlocked: false },
      { cardId: 'C', title: 'Card C', hours: 7, stillBlocked: true },
    ]);
  });
  it('SS&A pair rule: days a pair was on SS&A work', () => {
    expect(f.pairRule).toEqual({ daysHeld: 2, days: 3 });
  });
  it('a running iteration has no verdict yet', () => {
    const running = iterationFacts({ ...input, closedAt: null, now: '2026-11-03T12:30:00Z', events: events.filter((e) => e.at <= '2026-11-03T12:30:00Z') });
    expect(running.goalMet).toBeNull();
    expect(running.done).toEqual({ cards: 0, points: 0 });
    expect(running.pairRule).toEqual({ daysHeld: 1, days: 2 });
  });
});
