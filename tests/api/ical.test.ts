import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RotationInfo } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let other: TestTeam;
const now = Date.parse('2026-11-25T09:00:00Z');
const clock = () => new Date(now);
const NAME = 'Ops, DNS; Core\\Platform and a long team name for folding';

type Created = { url: string; urls: { potw: string; mine: string; iterations: string } };

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, clock, listen: true });
  team = await createTeam(t.app, NAME);
  other = await createTeam(t.app, 'Secret team');
  const order = [team.byRole.member.id, team.byRole.po.id, team.admin.id];
  expect((await team.admin.api.put<RotationInfo>(`/api/teams/${team.team.id}/rotation`, { memberIds: order, handoffWeekday: 1, handoffTime: '09:00', timezone: 'Europe/Berlin' })).status).toBe(200);
  expect((await other.admin.api.put<RotationInfo>(`/api/teams/${other.team.id}/rotation`, { memberIds: [other.admin.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' })).status).toBe(200);
  expect((await team.byRole.po.api.post(`/api/teams/${team.team.id}/iterations`, { startDate: '2026-11-30', goal: 'Line one\nline two, more' })).status).toBe(201);
  expect((await other.byRole.po.api.post(`/api/teams/${other.team.id}/iterations`, { startDate: '2026-11-30', goal: 'hidden goal' })).status).toBe(201);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url: new URL(url).pathname });
const unfold = (text: string) => text.replace(/\r\n /g, '');
async function create(u: TestUser): Promise<Created> {
  const res = await u.api.post<Created>('/api/account/calendar');
  expect(res.status).toBe(201);
  return res.body;
}

describe('iCal feeds', () => {
  it('reports no feed, then creates one whose three URLs answer with valid calendars', async () => {
    expect((await team.byRole.member.api.get('/api/account/calendar')).body).toEqual({ exists: false, createdAt: null });
    const feed = await create(team.byRole.member);
    expect((await team.byRole.member.api.get<{ exists: boolean }>('/api/account/calendar')).body.exists).toBe(true);
    const res = await get(feed.urls.potw);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = res.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const plain = unfold(text);
    // up to 30 weeks of weekly shifts (the rotation starts this week), three people, escaped team name, UTC times.
    const events = plain.match(/BEGIN:VEVENT/g)?.length ?? 0;
    expect(events).toBeGreaterThanOrEqual(26);
    expect(events).toBeLessThanOrEqual(31);
    expect(plain).toContain('SUMMARY:PoTW Ops\\, DNS\\; Core\\\\Platform and a long team name for folding: ');
    expect(plain).toMatch(/DTSTART:\d{8}T\d{6}Z\r\nDTEND:20261130T080000Z/);
    expect(plain).toContain("DTSTART:20261130T080000Z\r\nDTEND:20261207T080000Z");
    expect(plain).not.toContain('Secret team');
    expect(text).toMatch(/\r\n [^\r]/);
    // UIDs are stable between fetches.
    const uids = (s: string) => s.match(/^UID:.*$/gm);
    expect(uids(unfold((await get(feed.urls.potw)).body))).toEqual(uids(plain));
  });

  it('mine.ics holds only the person’s own shifts; iterations.ics all-day events of their teams', async () => {
    const feed = await create(team.byRole.member);
    const mine = unfold((await get(feed.urls.mine)).body);
    const all = unfold((await get(feed.urls.potw)).body);
    const own = mine.match(/BEGIN:VEVENT/g)?.length ?? 0;
    expect(own).toBeGreaterThan(5);
    expect(own).toBeLessThan(all.match(/BEGIN:VEVENT/g)!.length);
    for (const summary of mine.match(/^SUMMARY:.*$/gm)!) expect(summary.endsWith(': Ops\\, DNS\\; Core\\\\Platform and a long team name for folding member')).toBe(true);
    const its = unfold((await get(feed.urls.iterations)).body);
    expect(its).toContain('DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261212');
    expect(its).toContain('DESCRIPTION:Line one\\nline two\\, more');
    expect(its).not.toContain('hidden goal');
  });

  it('another person’s token shows their teams only', async () => {
    const feed = await create(other.admin);
    const text = unfold((await get(feed.urls.potw)).body);
    expect(text).toContain('PoTW Secret team');
    expect(text).not.toContain('Ops\\, DNS');
    expect(unfold((await get(feed.urls.iterations)).body)).not.toContain('Line one');
  });

  it('regenerating kills the old URL; revoking kills the current one; unknown tokens are 404', async () => {
    const first = await create(team.byRole.po);
    const second = await create(team.byRole.po);
    for (const url of Object.values(first.urls)) expect((await get(url)).statusCode).toBe(404);
    for (const url of Object.values(second.urls)) expect((await get(url)).statusCode).toBe(200);
    expect((await team.byRole.po.api.del('/api/account/calendar')).status).toBe(200);
    for (const url of Object.values(second.urls)) expect((await get(url)).statusCode).toBe(404);
    expect((await team.byRole.po.api.get('/api/account/calendar')).body).toEqual({ exists: false, createdAt: null });
    expect((await t.app.inject({ method: 'GET', url: '/ical/obc_nope/potw.ics' })).statusCode).toBe(404);
  });
});
