import { describe, expect, it } from 'vitest';
import type { Team } from '@opsboard/shared';
import { guestTeamsFor, teamHome } from './guest-gate';

const team = (id: string, role: Team['role']): Team => ({ id, name: id, role, timezone: 'UTC', createdAt: '2026-11-25T09:00:00.000Z' });

describe('guest gate', () => {
  it('team pages of a team where one is a guest point to the requests page; others open', () => {
    const teams = [team('a', 'guest'), team('b', 'member')];
    expect(guestTeamsFor({ name: 'team', teamId: 'a' }, teams)).toEqual([teams[0]]);
    expect(guestTeamsFor({ name: 'team', teamId: 'b' }, teams)).toBeNull();
    expect(guestTeamsFor({ name: 'potw', teamId: 'a' }, teams)).toEqual([teams[0]]);
    expect(guestTeamsFor({ name: 'iterations', teamId: 'a' }, teams)).toEqual([teams[0]]);
    expect(guestTeamsFor({ name: 'features', teamId: 'b' }, teams)).toBeNull();
    expect(guestTeamsFor({ name: 'potw', teamId: 'elsewhere' }, teams)).toBeNull();
  });

  it('boards, iterations and features are closed to someone who is only ever a guest', () => {
    const onlyGuest = [team('a', 'guest'), team('c', 'guest')];
    expect(guestTeamsFor({ name: 'board', boardId: 'x' }, onlyGuest)).toEqual(onlyGuest);
    expect(guestTeamsFor({ name: 'feature', featureId: 'x' }, onlyGuest)).toEqual(onlyGuest);
    expect(guestTeamsFor({ name: 'board', boardId: 'x' }, [team('a', 'guest'), team('b', 'viewer')])).toBeNull();
    expect(guestTeamsFor({ name: 'board', boardId: 'x' }, [])).toBeNull();
  });

  it('the account, the teams list and the requests page are everyone’s', () => {
    const onlyGuest = [team('a', 'guest')];
    for (const route of [{ name: 'account' }, { name: 'teams' }, { name: 'requests', teamId: 'a' }] as const) expect(guestTeamsFor(route, onlyGuest)).toBeNull();
  });

  it('a team link leads a guest to their requests', () => {
    expect(teamHome({ id: 'a', role: 'guest' })).toBe('/teams/a/requests');
    expect(teamHome({ id: 'a', role: 'po' })).toBe('/teams/a');
  });
});
