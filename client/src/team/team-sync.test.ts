import type { Feature, Iteration, TeamEvent } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { FakeSource } from '../realtime/testing/fake-source';
import { TeamSync } from './team-sync';
import type { TeamState } from './team-state';

const AT = '2025-01-01T00:00:00.000Z';
const TEAM = { id: 't', name: 'Platform Ops', timezone: 'Europe/Berlin', createdAt: AT };
const feature: Feature = { id: 'f1', teamId: 't', name: 'Self-service DNS', goal: '', customer: '', status: 'active', leadId: null, version: 1, createdAt: AT, updatedAt: AT };
const iteration: Iteration = {
  id: 'i1', teamId: 't', name: 'Iteration 16', goal: '', startDate: '2025-01-06', endDate: '2025-01-17', state: 'planned', pointsPerPerson: 8,
  committedPoints: null, completedPoints: null, startedAt: null, closedAt: null, version: 1, createdAt: AT,
};

/** Team events arrive on the team's stream 't'. */
const message = (event: TeamEvent) => ({ type: 'event' as const, streamId: 't', seq: event.seq, event });

const started = (seq: number, it: Iteration): TeamEvent => ({
  streamId: 't', seq, actorId: null, clientMutationId: null, at: AT, type: 'iteration.started', payload: { iteration: it, committed: [], confirmation: null },
});

function setup(opts: { failFirst?: boolean } = {}) {
  const socket = new FakeSource();
  const states: TeamState[] = [];
  const events: string[] = [];
  let logReads = 0;
  let loads = 0;
  const sync = new TeamSync('t', {
    socket,
    events: async (_id, since, limit) => {
      logReads += 1;
      expect([since, limit]).toEqual([0, 1]);
      return { seq: 7, events: [] };
    },
    load: async () => {
      loads += 1;
      if (opts.failFirst && loads === 1) throw new Error('offline');
      return { team: TEAM, members: [], boards: [] };
    },
    loadPlanning: async () => ({ features: [feature], iterations: [iteration] }),
    onChange: (s) => states.push(s),
    onError: () => undefined,
    onEvent: (e) => events.push(e.type),
  });
  return { socket, sync, states, events, logReads: () => logReads };
}

describe('TeamSync', () => {
  it('loads features and iterations from the lists and reads only the seq from the log', async () => {
    const { sync, socket, states, logReads } = setup();
    await sync.start();
    expect(logReads()).toBe(1);
    expect(states.at(-1)!.features.get('f1')?.name).toBe('Self-service DNS');
    expect(states.at(-1)!.iterations.get('i1')?.state).toBe('planned');
    expect(socket.subscriptions).toEqual([7]);
  });

  it('folds live events in order and tells listeners', async () => {
    const { sync, socket, states, events } = setup();
    await sync.start();
    socket.push(message(started(8, { ...iteration, state: 'active' })));
    expect(states.at(-1)!.iterations.get('i1')?.state).toBe('active');
    expect(events).toEqual(['iteration.started']);
    // A gap asks again from the seq held; nothing is applied out of order.
    socket.push(message(started(10, { ...iteration, state: 'closed' })));
    expect(states.at(-1)!.iterations.get('i1')?.state).toBe('active');
    expect(socket.subscriptions).toEqual([7, 8]);
  });

  it('starts following after a failed first load once a reload succeeds', async () => {
    const { sync, socket, states } = setup({ failFirst: true });
    await sync.start();
    expect(socket.handler).toBeNull();
    await sync.reload();
    await Promise.resolve();
    expect(states).toHaveLength(1);
    expect(socket.subscriptions).toEqual([7]);
  });
});
