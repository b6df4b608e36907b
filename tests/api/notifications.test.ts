/** Updates that match nothing are refusals, not a 200 that changed nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, Notification } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let note: Notification;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  team = await createTeam(t.app, 'Notes');
  const raised = await team.byRole.member.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title: 'Disk full on ci-7' });
  expect(raised.status, JSON.stringify(raised.body)).toBe(201);
  const escalated = await team.byRole.member.api.post(`/api/interrupts/${raised.body.card.id}/triage`, { action: 'escalate', userId: team.byRole.po.id });
  expect(escalated.status, JSON.stringify(escalated.body)).toBe(200);
  note = (await team.byRole.po.api.get<Notification[]>('/api/notifications')).body[0]!;
  expect(note).toBeDefined();
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('marking a notification read', () => {
  it('404 for someone else’s notification, which stays unread', async () => {
    const res = await team.byRole.member.api.post<{ error: { code: string } }>(`/api/notifications/${note.id}/read`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect((await team.byRole.po.api.get<Notification[]>('/api/notifications')).body[0]!.readAt).toBeNull();
  });

  it('404 for one that does not exist', async () => {
    const res = await team.byRole.po.api.post<{ error: { code: string } }>('/api/notifications/00000000-0000-4000-8000-000000000000/read');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('200 marked 1 for my own, then 200 marked 0 when it already is read', async () => {
    expect((await team.byRole.po.api.post(`/api/notifications/${note.id}/read`)).body).toEqual({ marked: 1 });
    expect((await team.byRole.po.api.post(`/api/notifications/${note.id}/read`)).body).toEqual({ marked: 0 });
    expect((await team.byRole.po.api.get<Notification[]>('/api/notifications')).body[0]!.readAt).not.toBeNull();
  });
});

describe('logging out', () => {
  it('404 with an API token, which has no session and stays valid: the caller is told to revoke it instead', async () => {
    const res = await team.byRole.viewer.api.post<{ error: { code: string; message: string } }>('/api/auth/logout');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('DELETE /api/auth/tokens');
    expect((await team.byRole.viewer.api.get('/api/teams')).status).toBe(200);
  });

  it('200 with a session, which then ends', async () => {
    expect((await team.byRole.viewer.session.post('/api/auth/logout')).status).toBe(200);
    expect((await team.byRole.viewer.session.get('/api/teams')).status).toBe(401);
  });
});
