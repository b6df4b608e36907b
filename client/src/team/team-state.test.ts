import type { Board, Feature, TeamEvent } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { applyTeamEvent, teamStateOf } from './team-state';

const AT = '2025-01-01T00:00:00.000Z';
const team = { id: 't', name: 'Platform Ops', timezone: 'Europe/Berlin', createdAt: AT };
const board = (id: string, rank: string): Board => ({ id, teamId: 't', kind: 'planned', name: id, rank, personWipLimit: null, personWipPolicy: 'block', definitionOfDone: [], archivedAt: null, createdAt: AT });
const env = { streamId: 't', actorId: null, clientMutationId: null, at: AT };
const feature: Feature = { id: 'f1', teamId: 't', name: 'Zero-downtime Postgres', goal: '', customer: '', status: 'active', leadId: null, version: 1, createdAt: AT, updatedAt: AT };

describe('team state', () => {
  it('keeps boards in order and drops archived ones', () => {
    let s = teamStateOf(team, [], [board('b', 'a1'), board('a', 'a0')], 3);
    expect(s.boards.map((b) => b.id)).toEqual(['a', 'b']);
    s = applyTeamEvent(s, { ...env, seq: 4, type: 'board.archived', payload: { board: { ...board('a', 'a0'), archivedAt: AT } } } satisfies TeamEvent);
    expect(s.boards.map((b) => b.id)).toEqual(['b']);
    expect(s.seq).toBe(4);
  });

  it('learns feature names from the stream', () => {
    const s = applyTeamEvent(teamStateOf(team, [], [], 0), { ...env, seq: 1, type: 'feature.created', payload: { feature } } satisfies TeamEvent);
    expect(s.features.get('f1')?.name).toBe('Zero-downtime Postgres');
  });
});
