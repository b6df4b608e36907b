/** Saved board filters: personal ones stay private, team ones are kept by the po and admins and pushed to every open page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedFilter } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let other: TestTeam;

type Err = { error: { code: string; message: string; details?: { field?: string } } };
const filter = { q: 'etcd', person: null, label: null, type: 'bug', feature: null };
const url = () => `/api/teams/${team.team.id}/saved-filters`;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true });
  team = await createTeam(t.app, 'Filters');
  other = await createTeam(t.app, 'Other filters');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('personal filters', () => {
  it('201 for anyone who reads the team; only its owner lists, changes or deletes it', async () => {
    const made = await team.byRole.viewer.api.post<SavedFilter>(url(), { name: '  My bugs ', scope: 'personal', filter });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ name: 'My bugs', scope: 'personal', filter, createdBy: team.byRole.viewer.id });
    expect((await team.byRole.viewer.api.get<SavedFilter[]>(url())).body.map((f) => f.id)).toContain(made.body.id);
    expect((await team.byRole.member.api.get<SavedFilter[]>(url())).body.map((f) => f.id)).not.toContain(made.body.id);
    expect((await team.admin.api.patch(`/api/saved-filters/${made.body.id}`, { name: 'Hijacked' })).status).toBe(404);
    expect((await team.admin.api.del(`/api/saved-filters/${made.body.id}`)).status).toBe(404);
    const renamed = await team.byRole.viewer.api.patch<SavedFilter>(`/api/saved-filters/${made.body.id}`, { filter: { ...filter, q: 'vault' } });
    expect(renamed.body.filter.q).toBe('vault');
    expect((await team.byRole.viewer.api.del(`/api/saved-filters/${made.body.id}`)).status).toBe(200);
    expect((await team.byRole.viewer.api.get<SavedFilter[]>(url())).body.map((f) => f.id)).not.toContain(made.body.id);
  });
});

describe('team filters', () => {
  it('403 for a member or viewer; the po saves one, everyone reads it, and open pages hear of it', async () => {
    expect((await team.byRole.member.api.post<Err>(url(), { name: 'Ours', scope: 'team', filter })).status).toBe(403);
    const ws = new WsClient({ baseUrl: t.baseUrl, token: team.byRole.viewer.token });
    await ws.connect();
    const eventOf = async (type: string) => {
      await ws.waitFor(() => ws.messages.some((m) => m.type === 'event' && m.event.type === type));
      const found = ws.messages.find((m) => m.type === 'event' && m.event.type === type);
      return found?.type === 'event' ? found.event : null;
    };
    try {
      ws.subscribe(team.team.id, 0);
      await ws.waitFor(() => ws.messages.some((m) => m.type === 'subscribed' && m.streamId === team.team.id));
      const made = await team.byRole.po.api.post<SavedFilter>(url(), { name: 'Standup: blocked', scope: 'team', filter });
      expect(made.status).toBe(201);
      const event = await eventOf('saved_filter.saved');
      expect(event?.payload).toEqual({ filter: made.body });
      const listed = await team.byRole.viewer.api.get<SavedFilter[]>(url());
      expect(listed.body[0]).toEqual(made.body);
      expect((await team.byRole.member.api.del(`/api/saved-filters/${made.body.id}`)).status).toBe(403);
      expect((await team.admin.api.del(`/api/saved-filters/${made.body.id}`)).status).toBe(200);
      expect((await eventOf('saved_filter.deleted'))?.payload).toEqual({ filterId: made.body.id });
    } finally {
      await ws.close();
    }
  });

  it("404 for another team's filters", async () => {
    const made = await team.admin.api.post<SavedFilter>(url(), { name: 'Private to Filters', scope: 'team', filter });
    expect((await other.admin.api.get(url())).status).toBe(404);
    expect((await other.admin.api.patch(`/api/saved-filters/${made.body.id}`, { name: 'x' })).status).toBe(404);
  });
});

describe('bad input', () => {
  it.each([
    [{ name: '', scope: 'personal', filter }, 'name'],
    [{ name: '   ', scope: 'personal', filter }, 'name'],
    [{ name: 'x', scope: 'everyone', filter }, 'scope'],
    [{ name: 'x', scope: 'personal', filter: { ...filter, type: 'epic' } }, 'type'],
    [{ name: 'x', scope: 'personal', filter: { ...filter, colour: 'red' } }, 'colour'],
    [{ name: 'x', scope: 'personal' }, 'filter'],
  ])('400 naming the field, and nothing saved: %j', async (body, field) => {
    const before = (await team.byRole.member.api.get<SavedFilter[]>(url())).body.length;
    const res = await team.byRole.member.api.post<Err>(url(), body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
    expect((await team.byRole.member.api.get<SavedFilter[]>(url())).body).toHaveLength(before);
  });

  it('400 for a change with nothing in it', async () => {
    const made = await team.byRole.member.api.post<SavedFilter>(url(), { name: 'Mine', scope: 'personal', filter });
    expect((await team.byRole.member.api.patch(`/api/saved-filters/${made.body.id}`, {})).status).toBe(400);
  });
});
