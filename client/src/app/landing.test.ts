import type { Board } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { onlyTeam, pageToRemember, rememberedPage, teamLanding } from './landing';

const TEAM = '00000000-0000-4000-8000-0000000000f1';
const B1 = '00000000-0000-4000-8000-0000000000b1';
const B2 = '00000000-0000-4000-8000-0000000000b2';
const B3 = '00000000-0000-4000-8000-0000000000b3';
const board = (id: string, kind: Board['kind'], rank: string, archivedAt: string | null = null): Board => ({
  id, teamId: TEAM, kind, name: kind, rank, personWipLimit: null, personWipPolicy: 'block', definitionOfDone: [], archivedAt, createdAt: '2025-01-01T00:00:00Z',
});

describe('landing', () => {
  it('remembers the pages where work happens, without what was open on top of them', () => {
    expect(pageToRemember(`/boards/${B1}`, '?card=abc&person=u1&settings=general')).toBe(`/boards/${B1}?person=u1`);
    expect(pageToRemember(`/teams/${TEAM}/potw`, '?view=triage')).toBe(`/teams/${TEAM}/potw?view=triage`);
    for (const path of ['/', '/login', '/account', '/nowhere']) expect(pageToRemember(path, '')).toBeNull();
  });

  it('lands only on a remembered page of this app', () => {
    expect(rememberedPage(`/boards/${B1}`)).toBe(`/boards/${B1}`);
    for (const stored of [null, '', '//evil.example/boards/x', 'https://evil.example/', '/account', 'garbage']) expect(rememberedPage(stored)).toBeNull();
  });

  it('sends someone with one team to its first planned board, else to the team', () => {
    expect(onlyTeam([])).toBeNull();
    expect(onlyTeam(['a', 'b'])).toBeNull();
    expect(onlyTeam(['a'])).toBe('a');
    expect(teamLanding(TEAM, [board(B1, 'interrupts', 'a0'), board(B3, 'planned', 'a2'), board(B2, 'planned', 'a1', '2025-02-01T00:00:00Z')])).toBe(`/boards/${B3}`);
    expect(teamLanding(TEAM, [board(B1, 'interrupts', 'a0')])).toBe(`/teams/${TEAM}`);
  });
});
