/** Per-person notification preferences: defaults, saving, bad input refused with the field named. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotifyPreferencesBody, NotifyPreferencesView } from '@opsboard/shared';
import { createTestDatabase, signup, startTestApp, type TestApp, type TestDatabase, type TestUser } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let me: TestUser;
let other: TestUser;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  me = await signup(t.app, 'Prefs Me');
  other = await signup(t.app, 'Prefs Other');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const body = (over: Partial<NotifyPreferencesBody> = {}): NotifyPreferencesBody => ({
  timeZone: 'Europe/Berlin',
  routes: { 'interrupt.escalated': ['inApp', 'email'], 'interrupt.urgent': ['email', 'chat'], 'interrupt.unacknowledged': ['email'], 'potw.handoff': [], 'iteration.changed': ['chat'] },
  quietHours: { start: '22:00', end: '07:00' },
  urgentBreaksQuiet: false,
  digestAt: '08:00',
  ...over,
});

describe('notification preferences', () => {
  it('200 with the defaults for someone who never saved any, and whether e-mail is on (off by default)', async () => {
    const res = await me.api.get<NotifyPreferencesView>('/api/account/notify-preferences');
    expect(res.status).toBe(200);
    expect(res.body.emailEnabled).toBe(false);
    expect(res.body.preferences.timeZone).toBe('UTC');
    expect(res.body.preferences.routes['interrupt.escalated']).toEqual(['inApp', 'email']);
    expect(res.body.preferences.quietHours).toBeNull();
  });

  it('200 saves them whole, and they are mine alone', async () => {
    const res = await me.session.put<NotifyPreferencesView>('/api/account/notify-preferences', body());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.preferences).toEqual({ ...body(), chatHandle: null });
    expect((await me.api.get<NotifyPreferencesView>('/api/account/notify-preferences')).body.preferences).toEqual({ ...body(), chatHandle: null });
    expect((await other.api.get<NotifyPreferencesView>('/api/account/notify-preferences')).body.preferences.timeZone).toBe('UTC');
  });

  it('400 naming timeZone for a zone that does not exist, and nothing changes', async () => {
    const res = await me.api.put<{ error: { details: { field: string } } }>('/api/account/notify-preferences', body({ timeZone: 'Mars/Olympus' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.field).toBe('timeZone');
    expect((await me.api.get<NotifyPreferencesView>('/api/account/notify-preferences')).body.preferences.timeZone).toBe('Europe/Berlin');
  });

  it('400 for an unknown channel, an unknown kind, a bad time and an empty quiet window', async () => {
    const bad: unknown[] = [
      { ...body(), routes: { ...body().routes, 'potw.handoff': ['pager'] } },
      { ...body(), routes: { ...body().routes, 'card.moved': ['inApp'] } },
      body({ digestAt: '25:00' }),
      body({ quietHours: { start: '09:00', end: '09:00' } }),
      { ...body(), extra: true },
    ];
    for (const b of bad) expect((await me.api.put('/api/account/notify-preferences', b)).status, JSON.stringify(b)).toBe(400);
  });

  it('keeps a chat handle without its @, leaves it alone when a save leaves it out, clears it with null, and refuses a bad one', async () => {
    const saved = await me.api.put<NotifyPreferencesView>('/api/account/notify-preferences', body({ chatHandle: '@priya.n' }));
    expect(saved.status).toBe(200);
    expect(saved.body.preferences.chatHandle).toBe('priya.n');
    expect((await me.api.put<NotifyPreferencesView>('/api/account/notify-preferences', body())).body.preferences.chatHandle).toBe('priya.n');
    for (const chatHandle of ['two words', '', '<@U123>', 'x'.repeat(65)]) {
      const bad = await me.api.put<{ error: { details: { field: string } } }>('/api/account/notify-preferences', body({ chatHandle }));
      expect(bad.status, chatHandle).toBe(400);
      expect(bad.body.error.details.field).toBe('chatHandle');
    }
    expect((await me.api.get<NotifyPreferencesView>('/api/account/notify-preferences')).body.preferences.chatHandle).toBe('priya.n');
    expect((await me.api.put<NotifyPreferencesView>('/api/account/notify-preferences', body({ chatHandle: null }))).body.preferences.chatHandle).toBeNull();
  });

  it('401 without logging in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/account/notify-preferences' })).statusCode).toBe(401);
  });
});
