import { stateFromSnapshot, type Card } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { DOING, READY, card, snapshot } from '../store/testing/fixtures';
import { cardMatcher, NO_FILTER, parseFilter, UNASSIGNED, withFilter } from './filters';
import { buildLayout, cellCards } from './layout';
import { nextFocus } from './navigation';
import { neighboursAt, slotsIn } from './placement';
import { predictEntry, wipLevel } from './wip';
import { cardDetails, say } from './words';

const names = (id: string) => ({ u1: 'Priya', u2: 'Jordan' })[id] ?? 'someone';

describe('layout', () => {
  it('groups visible cards per cell in rank order, counting every card for WIP', () => {
    const state = stateFromSnapshot(snapshot());
    const layout = buildLayout(state, cardMatcher({ ...NO_FILTER, q: 'patch' }), null);
    expect(cellCards(layout, READY, null).map((c) => c.id)).toEqual(['B']);
    expect(layout.columnCounts.get(READY)).toBe(3);
    expect(layout.visible).toBe(1);
  });

  it('keeps the array of an unchanged cell, so its column does not render again', () => {
    const state = stateFromSnapshot(snapshot());
    const first = buildLayout(state, () => true, null);
    const cards = new Map(state.cards);
    cards.set('D', { ...cards.get('D')!, title: 'changed' });
    const second = buildLayout({ ...state, cards }, () => true, first);
    expect(cellCards(second, READY, null)).toBe(cellCards(first, READY, null));
    expect(cellCards(second, DOING, null)).not.toBe(cellCards(first, DOING, null));
  });
});

describe('filters', () => {
  it('round-trips through the query string and keeps other parameters', () => {
    const search = withFilter('?card=abc', { ...NO_FILTER, q: 'tls', type: 'bug', person: UNASSIGNED });
    expect(new URLSearchParams(search).get('card')).toBe('abc');
    expect(parseFilter(search)).toEqual({ q: 'tls', person: UNASSIGNED, label: null, type: 'bug', feature: null });
  });

  it('matches #numbers, labels and people', () => {
    const c: Card = card('X', 'Rotate certs', READY, 'a0', { number: 42, labels: ['tls'], assigneeIds: ['u1'] });
    expect(cardMatcher({ ...NO_FILTER, q: '#42' })(c)).toBe(true);
    expect(cardMatcher({ ...NO_FILTER, q: 'TLS rotate' })(c)).toBe(true);
    expect(cardMatcher({ ...NO_FILTER, person: 'u2' })(c)).toBe(false);
    expect(cardMatcher({ ...NO_FILTER, person: UNASSIGNED })(c)).toBe(false);
  });

  it("takes the server's full-text hits for words the card's title does not hold, and still applies the other filters", () => {
    const c: Card = card('X', 'Upgrade the control plane', READY, 'a0', { type: 'task' });
    expect(cardMatcher({ ...NO_FILTER, q: 'etcd' })(c)).toBe(false);
    expect(cardMatcher({ ...NO_FILTER, q: 'etcd' }, new Set(['X']))(c)).toBe(true);
    expect(cardMatcher({ ...NO_FILTER, q: 'etcd', type: 'bug' }, new Set(['X']))(c)).toBe(false);
    expect(cardMatcher({ ...NO_FILTER, q: 'upgrade' }, new Set())(c)).toBe(true);
  });
});

describe('placement', () => {
  const cell = [card('A', 'a', READY, 'a0'), card('B', 'b', READY, 'a1'), card('C', 'c', READY, 'a2')];
  it('names the cards above and below the drop slot, leaving the moving card out', () => {
    expect(neighboursAt(cell, 'A', 1)).toEqual({ afterCardId: 'B', beforeCardId: 'C' });
    expect(neighboursAt(cell, 'X', 0)).toEqual({ afterCardId: null, beforeCardId: 'A' });
    expect(neighboursAt(cell, 'X', 3)).toEqual({ afterCardId: 'C', beforeCardId: null });
    expect(slotsIn(cell, 'A')).toBe(3);
  });
});

describe('WIP', () => {
  it('is amber at the limit and red over it', () => {
    expect([wipLevel(1, null), wipLevel(1, 2), wipLevel(2, 2), wipLevel(3, 2)]).toEqual(['none', 'under', 'at', 'over']);
  });

  it('predicts the server: a full warn column needs a reason, a full block column refuses', () => {
    const snap = snapshot();
    snap.cards.push(card('E', 'e', DOING, 'a1'));
    const state = stateFromSnapshot(snap);
    const a = state.cards.get('A')!;
    expect(predictEntry(state, a, DOING, null, names)).toMatchObject({ ok: false, refusal: { code: 'wip_limit_exceeded' } });
    const warn = stateFromSnapshot({ ...snap, columns: snap.columns.map((c) => (c.id === DOING ? { ...c, wipPolicy: 'warn' as const } : c)) });
    expect(predictEntry(warn, a, DOING, null, names)).toMatchObject({ ok: false, refusal: { code: 'wip_override_required' } });
    // Moving within the column it is already in is never a WIP question.
    expect(predictEntry(state, state.cards.get('D')!, DOING, null, names)).toEqual({ ok: true, overridden: false });
  });
});

describe('keyboard navigation', () => {
  it('moves up and down a column and across to the nearest card of the next column', () => {
    const layout = buildLayout(stateFromSnapshot(snapshot()), () => true, null);
    expect(nextFocus(layout, 'A', 'ArrowDown')).toBe('B');
    expect(nextFocus(layout, 'A', 'ArrowUp')).toBeNull();
    expect(nextFocus(layout, 'C', 'ArrowRight')).toBe('D');
    expect(nextFocus(layout, 'D', 'ArrowLeft')).toBe('A');
    expect(nextFocus(layout, 'A', 'End')).toBe('C');
  });
});

describe('words', () => {
  it('says moves the way a person would', () => {
    expect(say.moved('Rotate TLS certs', { column: 'Doing', lane: null, position: 2, of: 4 })).toBe("Moved 'Rotate TLS certs' to Doing, position 2 of 4.");
    expect(say.moved('x', { column: 'Doing', lane: 'Expedite', position: 1, of: 1 })).toBe("Moved 'x' to Doing, swimlane Expedite, position 1 of 1.");
  });

  it('describes a card for a screen reader, after its title', () => {
    const c = card('X', 'Rotate certs', READY, 'a0', { number: 7, points: 3, assigneeIds: ['u1', 'u2'], blocked: true, blockedReason: 'waiting for the CA', columnEnteredAt: '2025-01-01T00:00:00Z' });
    expect(cardDetails(c, names, Date.parse('2025-01-03T12:00:00Z'), 'Ready')).toBe(
      'story #7, 3 points; assigned to Priya and Jordan; blocked: waiting for the CA; 2 days in Ready.',
    );
  });
});
