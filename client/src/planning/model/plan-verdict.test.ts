import { stateFromSnapshot, type Column } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { READY, card, snapshot } from '../../board/store/testing/fixtures';
import { planVerdict } from './plan-verdict';

const BACKLOG = '00000000-0000-4000-8000-00000000c0a0';

/** Backlog (F, 5 pts) with the given limit, Ready (A, B, C) as the to-do column with its limit, Doing (D). */
function board(readyLimit: number | null, policy: 'block' | 'warn' = 'block', backlogLimit: number | null = null) {
  const snap = snapshot();
  const backlog: Column = { ...snap.columns[0]!, id: BACKLOG, name: 'Backlog', rank: 'Zz', category: 'backlog', wipLimit: backlogLimit, wipPolicy: 'warn' };
  const rest = snap.columns.map((c): Column => (c.id === READY ? { ...c, wipLimit: readyLimit, wipPolicy: policy } : { ...c, category: 'doing' }));
  return stateFromSnapshot({ ...snap, columns: [backlog, ...rest], cards: [...snap.cards, card('F', 'Write runbook', BACKLOG, 'a0', { points: 5 })] });
}

const base = { iterationName: 'Sprint 7', names: () => 'someone' };

describe('planning drop verdicts', () => {
  it('refuses to pull a backlog card in when its board’s to-do column is full under a hard limit', () => {
    const state = board(3);
    expect(planVerdict({ ...base, card: state.cards.get('F')!, to: 'iteration', state, room: 20 })).toMatchObject({ kind: 'refused', short: 'Ready is full (3 of 3)' });
  });

  it('lets a soft limit through (the pull gives its own reason) and warns about capacity', () => {
    const state = board(3, 'warn');
    expect(planVerdict({ ...base, card: state.cards.get('F')!, to: 'iteration', state, room: 20 })).toEqual({ kind: 'ok', note: null, bottom: false });
    expect(planVerdict({ ...base, card: state.cards.get('F')!, to: 'iteration', state, room: 2 })).toEqual({ kind: 'ok', note: '3 pts over capacity with this card', bottom: false });
  });

  it('refuses to take a to-do card back to a full backlog, where no reason can be given', () => {
    const state = board(null, 'block', 1);
    expect(planVerdict({ ...base, card: state.cards.get('A')!, to: 'backlog', state, room: 0 })).toMatchObject({ kind: 'refused', message: expect.stringContaining('Column "Backlog" already holds 1 card') });
    // A card already under way only leaves the iteration; it stays on the board where it is.
    expect(planVerdict({ ...base, card: state.cards.get('D')!, to: 'backlog', state, room: 0 }).kind).toBe('ok');
  });
});
