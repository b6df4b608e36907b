import type { HistoryEntry } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { historyLine, historyLines } from './history-text';

const ID = {
  ready: '00000000-0000-4000-8000-0000000000c1',
  doing: '00000000-0000-4000-8000-0000000000c2',
  lane: '00000000-0000-4000-8000-0000000000a1',
  priya: '00000000-0000-4000-8000-0000000000e1',
  jordan: '00000000-0000-4000-8000-0000000000e2',
  iteration: '00000000-0000-4000-8000-000000000061',
  feature: '00000000-0000-4000-8000-0000000000f1',
  other: '00000000-0000-4000-8000-0000000000d1',
  planned: '00000000-0000-4000-8000-0000000000b1',
  ssa: '00000000-0000-4000-8000-0000000000b2',
  gone: '00000000-0000-4000-8000-0000000000ff',
};

const names: Record<string, string> = {
  [ID.ready]: 'Ready',
  [ID.doing]: 'In progress',
  [ID.lane]: 'Expedite',
  [ID.priya]: 'Priya Natarajan',
  [ID.jordan]: 'Jordan Okafor',
  [ID.iteration]: 'Iteration 14',
  [ID.feature]: 'Postgres 16 upgrade',
  [ID.other]: '#12 Renew the wildcard certificate',
  [ID.planned]: 'Planned work',
  [ID.ssa]: 'Self-service & automation',
};

let seq = 0;
const entry = (type: string, payload: unknown, at = '2025-01-01T10:00:00Z'): HistoryEntry => ({
  streamId: 'b',
  seq: ++seq,
  type,
  at,
  actor: { id: ID.priya, name: 'Sam Chen' },
  payload,
  names,
});
const what = (type: string, payload: unknown) => historyLine(entry(type, payload)).what;

describe('historyLine', () => {
  it('says who moved the card from where to where, with the override reason', () => {
    const line = historyLine(entry('card.moved', { from: { columnId: ID.ready, laneId: null }, to: { columnId: ID.doing, laneId: null }, overrideReason: 'Customer outage' }));
    expect(line).toMatchObject({ who: 'Sam Chen', what: 'moved it from Ready to In progress', reason: 'Customer outage' });
  });

  it('names iterations and features, never their ids', () => {
    expect(what('card.updated', { changes: { iterationId: { from: null, to: ID.iteration } } })).toBe('changed iteration from nothing to Iteration 14');
    expect(what('card.updated', { changes: { featureId: { from: ID.feature, to: null } } })).toBe('changed feature from Postgres 16 upgrade to nothing');
  });

  it('names people in assignee changes', () => {
    expect(what('card.updated', { changes: { assigneeIds: { from: [], to: [ID.priya, ID.jordan] } } })).toBe('changed assignees from nobody to Priya Natarajan and Jordan Okafor');
  });

  it('says which links were added and removed, naming the cards', () => {
    expect(what('card.updated', { changes: { links: { from: [], to: [{ kind: 'blocks', cardId: ID.other }] } } })).toBe('linked it: blocks #12 Renew the wildcard certificate');
    expect(what('card.updated', { changes: { links: { from: [{ kind: 'relates', cardId: ID.other }], to: [] } } })).toBe('removed the link: relates to #12 Renew the wildcard certificate');
  });

  it('names swimlanes and columns of moves, creations and restores', () => {
    expect(what('card.moved', { from: { columnId: ID.ready, laneId: null }, to: { columnId: ID.ready, laneId: ID.lane } })).toBe('moved it to swimlane Expedite in Ready');
    expect(what('card.moved', { from: { columnId: ID.ready, laneId: ID.lane }, to: { columnId: ID.doing, laneId: null } })).toBe('moved it from Ready to In progress (out of swimlane Expedite)');
    expect(what('card.moved', { from: { columnId: ID.doing, laneId: null }, to: { columnId: ID.doing, laneId: null } })).toBe('reordered it within In progress');
    expect(what('card.created', { card: { columnId: ID.ready, laneId: ID.lane } })).toBe('created the card in Ready (swimlane Expedite)');
    expect(what('card.restored', { card: { columnId: ID.doing, laneId: null } })).toBe('restored the card to In progress');
  });

  it('says what no longer exists in words instead of showing an id', () => {
    expect(what('card.updated', { changes: { iterationId: { from: ID.gone, to: null } } })).toBe('changed iteration from a removed iteration to nothing');
    expect(what('card.moved', { from: { columnId: ID.gone, laneId: null }, to: { columnId: ID.doing, laneId: null } })).toBe('moved it from a removed column to In progress');
    expect(what('card.updated', { changes: { assigneeIds: { from: [ID.gone], to: [] } } })).toBe('changed assignees from someone no longer known to nobody');
  });

  it('tells triage in words: escalated to whom, converted into which card', () => {
    expect(what('interrupt.triaged', { interrupt: { escalatedTo: ID.jordan }, action: 'escalate', note: 'You know the SAN' })).toBe('escalated it to Jordan Okafor: “You know the SAN”');
    expect(what('interrupt.triaged', { interrupt: { convertedCardId: ID.other }, action: 'convert', note: null })).toBe('converted it into #12 Renew the wildcard certificate');
    expect(what('interrupt.triaged', { interrupt: { duplicateOfCardId: ID.other }, action: 'duplicate', note: null })).toBe('marked it a duplicate of #12 Renew the wildcard certificate');
    expect(what('interrupt.received', { interrupt: { source: 'webhook', assignedPotwId: ID.priya } })).toBe('received it from a webhook, for Priya Natarajan as Person of the Week');
    expect(what('interrupt.unacknowledged', { interrupt: {}, level: 1, userIds: [ID.jordan] })).toBe('escalated it to Jordan Okafor, next in the rotation, as nobody triaged it in time');
    expect(what('interrupt.unacknowledged', { interrupt: {}, level: 2, userIds: [ID.jordan, ID.priya] })).toBe('escalated it to the team admins (Jordan Okafor, Priya Natarajan), as it was still untriaged');
  });

  it('describes blocking in words', () => {
    expect(what('card.updated', { changes: { blocked: { from: false, to: true } } })).toBe('marked it blocked');
  });
});

describe('historyLines', () => {
  it('reads a move to another board as one line, naming both boards', () => {
    const at = '2025-01-02T09:00:00Z';
    const lines = historyLines([
      entry('card.moved_out', { cardId: 'x', toBoardId: ID.ssa }, at),
      entry('card.moved_in', { card: { boardId: ID.ssa, columnId: ID.ready, laneId: null }, fromBoardId: ID.planned }, at),
    ]);
    expect(lines.map((l) => l.what)).toEqual(['moved it from the board Planned work to Ready on Self-service & automation']);
    // Without its arrival (a board the reader cannot see), the departure still shows.
    expect(historyLines([entry('card.moved_out', { cardId: 'x', toBoardId: ID.ssa }, at)]).map((l) => l.what)).toEqual(['moved it to the board Self-service & automation']);
  });
});
