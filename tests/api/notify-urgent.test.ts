/** A critical or high interrupt notifies the Person of the Week through their preferences; a medium one does not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  team = await createTeam(t.app, 'Urgent');
  const rotation = await team.admin.api.put(`/api/teams/${team.team.id}/rotation`, { memberIds: [team.byRole.member.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'Europe/Berlin' });
  expect(rotation.status, JSON.stringify(rotation.body)).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('urgent interrupts reach the PoTW', () => {
  it('critical → an in-app notification for the PoTW; medium → none', async () => {
    expect((await team.byRole.po.api.post(`/api/teams/${team.team.id}/interrupts`, { title: 'Minor glitch', severity: 'medium' })).status).toBe(201);
    expect((await team.byRole.po.api.post(`/api/teams/${team.team.id}/interrupts`, { title: 'Payments down', severity: 'critical' })).status).toBe(201);
    const mine = (await team.byRole.member.api.get<Notification[]>('/api/notifications')).body;
    expect(mine.map((n) => n.kind)).toEqual(['interrupt.urgent']);
    expect(mine[0]!.title).toContain('Payments down');
  });
});
