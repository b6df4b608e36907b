import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type BoardSnapshot, type Card, type Permission, type Role } from '@opsboard/shared';
import { addGuest, createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';
import { guestRouteTable, type GuestCase } from './guest-routes.js';

let db: TestDatabase;
let t: TestApp;
let a: TestTeam;
let outsider: TestUser;
let guest: TestUser;
let snapshot: BoardSnapshot;
let card: Card;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true });
  a = await createTeam(t.app, 'Alpha');
  guest = await addGuest(t.app, a, 'Alpha guest');
  outsider = (await createTeam(t.app, 'Bravo')).admin;
  snapshot = (await a.admin.api.get<BoardSnapshot>(`/api/boards/${a.boards.planned}`)).body;
  card = (await a.admin.api.post<Card>(`/api/boards/${a.boards.planned}/cards`, { title: 'Matrix card' })).body;
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

interface Case {
  name: string;
  permission: Permission;
  run: (u: TestUser) => Promise<{ status: number; body: unknown }>;
}

let n = 0;
const cases: Case[] = [
  { name: 'GET team', permission: 'belong', run: (u) => u.api.get(`/api/teams/${a.team.id}`) },
  { name: 'GET members', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/members`) },
  { name: 'GET boards', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/boards`) },
  { name: 'GET board snapshot', permission: 'read', run: (u) => u.api.get(`/api/boards/${a.boards.planned}`) },
  { name: 'GET board events', permission: 'read', run: (u) => u.api.get(`/api/boards/${a.boards.planned}/events?since=0`) },
  { name: 'GET archived columns', permission: 'read', run: (u) => u.api.get(`/api/boards/${a.boards.planned}/archived-columns`) },
  { name: 'GET archived lanes', permission: 'read', run: (u) => u.api.get(`/api/boards/${a.boards.planned}/archived-lanes`) },
  { name: 'GET card', permission: 'read', run: (u) => u.api.get(`/api/cards/${card.id}`) },
  { name: 'GET person WIP', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/person-wip`) },
  { name: 'GET card history', permission: 'read', run: (u) => u.api.get(`/api/cards/${card.id}/history`) },
  { name: 'GET activity', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/activity`) },
  { name: 'GET comments', permission: 'read', run: (u) => u.api.get(`/api/cards/${card.id}/comments`) },
  { name: 'POST comment', permission: 'write', run: (u) => u.api.post(`/api/cards/${card.id}/comments`, { body: `Comment ${++n}` }) },
  { name: 'PUT watch', permission: 'read', run: (u) => u.api.put(`/api/cards/${card.id}/watch`) },
  { name: 'GET card poker history', permission: 'read', run: (u) => u.api.get(`/api/cards/${card.id}/poker`) },
  { name: 'GET poker sessions', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/poker`) },
  { name: 'POST poker session', permission: 'plan', run: (u) => u.api.post(`/api/teams/${a.team.id}/poker`, { deck: 'fibonacci', cardIds: [card.id] }) },
  { name: 'GET team metrics', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/metrics`) },
  { name: 'GET board metrics', permission: 'read', run: (u) => u.api.get(`/api/boards/${a.boards.planned}/metrics`) },
  { name: 'GET forecast', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/metrics/forecast?items=3`) },
  { name: 'GET DORA', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/metrics/dora`) },
  { name: 'POST card', permission: 'write', run: (u) => u.api.post(`/api/boards/${a.boards.planned}/cards`, { title: `Card ${++n}` }) },
  {
    name: 'PATCH card',
    permission: 'write',
    run: async (u) => {
      const current = (await a.admin.api.get<{ card: Card }>(`/api/cards/${card.id}`)).body.card;
      return u.api.patch(`/api/cards/${card.id}`, { version: current.version, title: `Edited ${++n}` });
    },
  },
  { name: 'POST move', permission: 'write', run: (u) => u.api.post(`/api/cards/${card.id}/move`, { toColumnId: snapshot.columns[n++ % 2]!.id }) },
  { name: 'POST column', permission: 'configure', run: (u) => u.api.post(`/api/boards/${a.boards.planned}/columns`, { name: `Col ${++n}`, category: 'doing' }) },
  { name: 'PATCH column', permission: 'configure', run: (u) => u.api.patch(`/api/columns/${snapshot.columns[1]!.id}`, { wipLimit: 10 + (++n % 5) }) },
  { name: 'PATCH board', permission: 'configure', run: (u) => u.api.patch(`/api/boards/${a.boards.planned}`, { personWipLimit: 2 + (++n % 3) }) },
  { name: 'POST board', permission: 'configure', run: (u) => u.api.post(`/api/teams/${a.team.id}/boards`, { kind: 'planned', name: `Board ${++n}` }) },
  { name: 'GET search in team', permission: 'read', run: (u) => u.api.get(`/api/search?q=matrix&teamId=${a.team.id}`) },
  { name: 'GET saved filters', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/saved-filters`) },
  { name: 'POST personal saved filter', permission: 'read', run: (u) => u.api.post(`/api/teams/${a.team.id}/saved-filters`, { name: `Mine ${++n}`, scope: 'personal', filter: { q: 'x', person: null, label: null, type: null, feature: null } }) },
  { name: 'POST team saved filter', permission: 'plan', run: (u) => u.api.post(`/api/teams/${a.team.id}/saved-filters`, { name: `Ours ${++n}`, scope: 'team', filter: { q: 'x', person: null, label: null, type: null, feature: null } }) },
  { name: 'POST checklist item', permission: 'write', run: (u) => u.api.post(`/api/cards/${card.id}/checklist`, { text: 'Check the runbook' }) },
  { name: 'PUT definition of done', permission: 'configure', run: (u) => u.api.put(`/api/boards/${a.boards.selfservice}/definition-of-done`, { criteria: [{ text: 'Tested' }] }) },
  { name: 'GET card templates', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/card-templates`) },
  { name: 'POST card template', permission: 'configure', run: (u) => u.api.post(`/api/teams/${a.team.id}/card-templates`, { name: 'Chore', type: 'task' }) },
  { name: 'GET KPIs', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/kpis`) },
  { name: 'POST KPI', permission: 'configure', run: (u) => u.api.post(`/api/teams/${a.team.id}/kpis`, { name: `KPI ${++n}`, source: 'manual', direction: 'higher', baseline: 0, target: 1 }) },
  { name: 'GET recurrences', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/recurrences`) },
  { name: 'POST recurrence', permission: 'plan', run: (u) => u.api.post(`/api/teams/${a.team.id}/recurrences`, { boardId: a.boards.selfservice, title: 'Patch day', schedule: '0 9 * * 2' }) },
  { name: 'PATCH team', permission: 'administer', run: (u) => u.api.patch(`/api/teams/${a.team.id}`, { name: `Alpha ${++n}` }) },
  { name: 'GET invitations', permission: 'administer', run: (u) => u.api.get(`/api/teams/${a.team.id}/invitations`) },
  { name: 'GET retros', permission: 'read', run: (u) => u.api.get(`/api/teams/${a.team.id}/retros`) },
  { name: 'POST retro', permission: 'write', run: (u) => u.api.post(`/api/teams/${a.team.id}/retros`, { title: `Retro ${Date.now()}` }) },
  { name: 'POST invitation', permission: 'administer', run: (u) => u.api.post(`/api/teams/${a.team.id}/invitations`, { email: `new${++n}@example.test`, role: 'member' }) },
];

const roles: Role[] = ['admin', 'po', 'member', 'viewer', 'guest'];
const person = (role: Role): TestUser => (role === 'guest' ? guest : a.byRole[role]);

describe('authorisation matrix', () => {
  for (const role of roles) {
    for (const c of cases) {
      const allowed = can(role, c.permission);
      it(`${role}: ${c.name} → ${allowed ? '2xx' : '403 forbidden'}`, async () => {
        const res = await c.run(person(role));
        if (allowed) {
          expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
        } else {
          expect(res.status, JSON.stringify(res.body)).toBe(403);
          expect((res.body as { error: { code: string } }).error.code).toBe('forbidden');
        }
      });
    }
  }

  it('a member cannot change roles, but an admin can, and the last admin cannot step down', async () => {
    const member = a.byRole.member;
    expect((await member.api.patch(`/api/teams/${a.team.id}/members/${a.byRole.viewer.id}`, { role: 'po' })).status).toBe(403);
    const solo = await createTeam(t.app, 'Solo');
    const res = await solo.admin.api.patch<{ error: { code: string } }>(`/api/teams/${solo.team.id}/members/${solo.admin.id}`, { role: 'member' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });
});

describe('teams are invisible to outsiders', () => {
  for (const c of cases) {
    it(`outsider: ${c.name} → 404`, async () => {
      const res = await c.run(outsider);
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect((res.body as { error: { code: string } }).error.code).toBe('not_found');
    });
  }

  it('the outsider does not see the team in their list', async () => {
    const teams = await outsider.api.get<{ id: string }[]>('/api/teams');
    expect(teams.body.map((x) => x.id)).not.toContain(a.team.id);
  });

  it('a card cannot be moved into another team’s column', async () => {
    const bravo = await createTeam(t.app, 'Charlie');
    const theirs = (await bravo.admin.api.get<BoardSnapshot>(`/api/boards/${bravo.boards.planned}`)).body;
    const res = await a.admin.api.post<{ error: { code: string; details: { field: string } } }>(`/api/cards/${card.id}/move`, { toColumnId: theirs.columns[0]!.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('toColumnId');
  });

  it('a removed member loses access at once', async () => {
    const team = await createTeam(t.app, 'Delta');
    const viewer = team.byRole.viewer;
    expect((await viewer.api.get(`/api/boards/${team.boards.planned}`)).status).toBe(200);
    expect((await team.admin.api.del(`/api/teams/${team.team.id}/members/${viewer.id}`)).status).toBe(200);
    expect((await viewer.api.get(`/api/boards/${team.boards.planned}`)).status).toBe(404);
  });

  it('signing up with an invited e-mail joins the team with the invited role', async () => {
    const invite = await a.admin.api.post<{ status: string }>(`/api/teams/${a.team.id}/invitations`, { email: 'later@example.test', role: 'viewer' });
    expect(invite.body.status).toBe('invited');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: 'later@example.test', name: 'Later', password: 'a long enough passphrase' } });
    expect(res.statusCode).toBe(201);
    const members = await a.admin.api.get<{ email: string; role: string }[]>(`/api/teams/${a.team.id}/members`);
    expect(members.body.find((m) => m.email === 'later@example.test')?.role).toBe('viewer');
  });

  it('unknown routes answer 404 in the error shape', async () => {
    const res = await outsider.api.get<{ error: { code: string } }>('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});


describe('a guest, on every route', () => {
  const table = guestRouteTable(() => ({ t, team: a, guest }));
  const refused = table.cases.filter((c) => c.expect === 'forbidden');
  const answered = table.cases.filter((c) => c.expect !== 'forbidden');
  const streams = () => [a.team.id, a.boards.planned, a.boards.interrupts, a.boards.selfservice];
  const seqs = async () => Promise.all(streams().map(async (id) => (await a.admin.api.get<{ seq: number }>(`/api/boards/${id}/events?since=0&limit=1`)).body.seq));
  let before: number[] = [];

  beforeAll(async () => {
    await table.setup();
    before = await seqs();
  });

  it('the table names every route the app has, so a new route cannot skip the guest', () => {
    const routes = new Set(t.routes.map((r) => `${r.method} ${r.url}`));
    const covered = new Set(table.cases.map((c) => c.route));
    expect([...routes].filter((r) => !covered.has(r)).sort()).toEqual([]);
    expect([...covered].filter((r) => !routes.has(r)).sort()).toEqual([]);
  });

  const run = (c: GuestCase) =>
    it(`guest: ${c.route}${c.note ? ` (${c.note})` : ''} → ${c.expect === 'forbidden' ? '403 forbidden' : String(c.expect)}`, async () => {
      const res = await c.run(guest);
      const shown = JSON.stringify(res.body);
      if (c.expect === 'forbidden') {
        expect(res.status, shown).toBe(403);
        expect((res.body as { error: { code: string } }).error.code).toBe('forbidden');
      } else if (c.expect === '2xx') {
        expect(res.status, shown).toBeGreaterThanOrEqual(200);
        expect(res.status, shown).toBeLessThan(300);
      } else if (typeof c.expect === 'number') {
        expect(res.status, shown).toBe(c.expect);
      } else {
        expect(c.expect, shown).toContain(res.status);
      }
      c.check?.(res);
    });

  refused.forEach(run);

  it('and none of the refused calls changed anything: no event on any of the team’s streams', async () => {
    expect(await seqs()).toEqual(before);
  });

  answered.forEach(run);
});
