/** Full-text search: what it finds, in which order, for whom; the same on PGlite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, CardRef, CardSearchHit } from '@opsboard/shared';
import { addGuest, createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let other: TestTeam;
let guest: TestUser;
const made: Record<string, Card> = {};

type Err = { error: { code: string; message: string; details?: { field?: string } } };

async function card(on: TestTeam, key: string, body: Record<string, unknown>) {
  const res = await on.byRole.member.api.post<Card>(`/api/boards/${on.boards.planned}/cards`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  made[key] = res.body;
  return res.body;
}

const search = (who: TestUser, query: string) => who.api.get<CardSearchHit[] & Err>(`/api/search?${query}`);
const teamSearch = (who: TestUser, teamId: string, query: string) => who.api.get<CardRef[] & Err>(`/api/teams/${teamId}/cards?${query}`);
const titles = (hits: { title: string }[]) => hits.map((h) => h.title);

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  team = await createTeam(t.app, 'Search');
  other = await createTeam(t.app, 'Elsewhere');
  guest = await addGuest(t.app, team);
  await card(team, 'described', { title: 'Rotate backup keys', description: 'The etcd snapshots are signed with these keys.' });
  await card(team, 'blocked', { title: 'Upgrade the control plane', blocked: true, blockedReason: 'waiting for the etcd quorum fix' });
  await card(team, 'titled', { title: 'etcd defragmentation runbook' });
  await card(team, 'labelled', { title: 'Renew certificates for ingress', labels: ['tls', 'quarterly'] });
  await card(team, 'plain', { title: 'Clean up old dashboards' });
  await card(other, 'foreign', { title: 'etcd is down in the other team', blockedReason: 'etcd', blocked: true });
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('finding cards', () => {
  it('finds a card by its comments, and no longer once the comment is edited away or deleted', async () => {
    const target = await card(team, 'commented', { title: 'Investigate slow builds' });
    const said = await team.byRole.member.api.post<{ id: string }>(`/api/cards/${target.id}/comments`, { body: 'Looks like the **zanzibarcache** layer misses every time.' });
    expect(said.status).toBe(201);
    expect(titles((await search(team.byRole.viewer, 'q=zanzibarcache')).body)).toEqual(['Investigate slow builds']);
    expect((await search(other.byRole.admin, 'q=zanzibarcache')).body).toEqual([]);
    await team.byRole.member.api.patch(`/api/cards/${target.id}/comments/${said.body.id}`, { body: 'It was the quokkaproxy after all.' });
    expect((await search(team.byRole.viewer, 'q=zanzibarcache')).body).toEqual([]);
    expect(titles((await search(team.byRole.viewer, 'q=quokkaproxy')).body)).toEqual(['Investigate slow builds']);
    await team.byRole.member.api.del(`/api/cards/${target.id}/comments/${said.body.id}`);
    expect((await search(team.byRole.viewer, 'q=quokkaproxy')).body).toEqual([]);
  });

  it('q=etcd finds the card whose blocked reason says etcd, through the team route the board uses', async () => {
    const res = await teamSearch(team.byRole.viewer, team.team.id, 'q=etcd');
    expect(res.status).toBe(200);
    expect(res.body.map((c) => c.id)).toContain(made.blocked!.id);
  });

  it('ranks a title match over a blocked reason over a description', async () => {
    const res = await search(team.byRole.viewer, 'q=etcd');
    expect(res.status).toBe(200);
    expect(titles(res.body)).toEqual(['etcd defragmentation runbook', 'Upgrade the control plane', 'Rotate backup keys']);
    const scores = res.body.map((h) => h.score);
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[1]).toBeGreaterThan(scores[2]!);
    expect(res.body[1]).toMatchObject({ teamId: team.team.id, teamName: 'Search', blocked: true, boardId: team.boards.planned });
    expect(res.body[1]!.snippet).toContain('«etcd»');
  });

  it('requires every word, and matches the last one as a prefix while typing', async () => {
    expect(titles((await search(team.byRole.member, 'q=etcd%20quor')).body)).toEqual(['Upgrade the control plane']);
    for (const typed of ['cert', 'certif', 'certificat', 'certificates']) {
      expect(titles((await search(team.byRole.member, `q=${typed}`)).body), typed).toEqual(['Renew certificates for ingress']);
    }
    expect((await search(team.byRole.member, 'q=certificates%20etcd')).body).toEqual([]);
  });

  it('finds labels, stems words, and finds a card by its number', async () => {
    expect(titles((await search(team.byRole.member, 'q=quarterly')).body)).toEqual(['Renew certificates for ingress']);
    expect(titles((await search(team.byRole.member, 'q=dashboard%20cleaning')).body)).toEqual(['Clean up old dashboards']);
    const byNumber = await search(team.byRole.member, `q=%23${made.plain!.number}&teamId=${team.team.id}`);
    expect(byNumber.body[0]!.id).toBe(made.plain!.id);
  });

  it('keeps up with edits: a new blocked reason is found, the old one no longer', async () => {
    const c = made.plain!;
    const edited = await team.byRole.member.api.patch<Card>(`/api/cards/${c.id}`, { version: c.version, blocked: true, blockedReason: 'vault seal migration' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(titles((await search(team.byRole.member, 'q=vault')).body)).toEqual(['Clean up old dashboards']);
    const renamed = await team.byRole.member.api.patch<Card>(`/api/cards/${c.id}`, { version: edited.body.version, title: 'Prune grafana boards' });
    expect(renamed.status).toBe(200);
    expect((await search(team.byRole.member, 'q=dashboards')).body).toEqual([]);
  });

  it('leaves archived cards out unless asked', async () => {
    const c = await card(team, 'archived', { title: 'Decommission zookeeper' });
    expect((await team.byRole.member.api.post(`/api/cards/${c.id}/archive`, { version: c.version })).status).toBe(200);
    expect((await search(team.byRole.member, 'q=zookeeper')).body).toEqual([]);
    expect((await search(team.byRole.member, 'q=zookeeper&archived=true')).body.map((h) => h.archived)).toEqual([true]);
  });

  it('finds an alert by its labels and annotations', async () => {
    const hook = await team.admin.api.post<{ webhook: { url: string }; secret: string }>(`/api/teams/${team.team.id}/webhooks`, { name: 'am', kind: 'alertmanager' });
    expect(hook.status).toBe(201);
    const res = await t.app.inject({
      method: 'POST',
      url: new URL(hook.body.webhook.url).pathname,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hook.body.secret}` },
      payload: JSON.stringify({
        version: '4',
        status: 'firing',
        receiver: 'opsboard',
        groupLabels: {},
        commonLabels: {},
        commonAnnotations: {},
        alerts: [
          {
            status: 'firing',
            labels: { alertname: 'DiskPressure', cluster: 'thornbury', severity: 'high' },
            annotations: { summary: 'Disk almost full', dashboard: 'zephyrine-overview' },
            startsAt: '2026-11-25T08:14:03Z',
            fingerprint: 'aa11bb22cc33dd44',
          },
        ],
      }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const hits = await search(team.byRole.member, 'q=zephyrine');
    expect(hits.body.map((h) => h.boardId)).toEqual([team.boards.interrupts]);
    expect((await search(team.byRole.member, 'q=thornbury%20disk')).body).toHaveLength(1);
  });
});

describe('who sees what', () => {
  it("never shows another team's cards", async () => {
    const mine = await search(team.byRole.admin, 'q=etcd');
    expect(mine.body.every((h) => h.teamId === team.team.id)).toBe(true);
    expect(mine.body.map((h) => h.id)).not.toContain(made.foreign!.id);
    const theirs = await search(other.byRole.viewer, 'q=etcd');
    expect(theirs.body.map((h) => h.id)).toEqual([made.foreign!.id]);
    expect((await search(other.byRole.viewer, `q=etcd&teamId=${team.team.id}`)).status).toBe(404);
    expect((await teamSearch(other.byRole.viewer, team.team.id, 'q=etcd')).status).toBe(404);
  });

  it('gives a guest no cards: 403 on the team route, nothing from the team in /api/search', async () => {
    expect((await teamSearch(guest, team.team.id, 'q=etcd')).status).toBe(403);
    expect((await search(guest, 'q=etcd')).body).toEqual([]);
  });
});

describe('bad input', () => {
  it.each([
    ['', 'q'],
    ['q=', 'q'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['q=etcd&limit=0', 'limit'],
    ['q=etcd&limit=many', 'limit'],
    ['q=etcd&teamId=nope', 'teamId'],
    ['q=etcd&colour=red', 'colour'],
  ])('400 naming the field for %s', async (query, field) => {
    const res = await search(team.byRole.member, query);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
  });

  it('400 naming boardId on the team route', async () => {
    const res = await teamSearch(team.byRole.member, team.team.id, 'q=etcd&boardId=x');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('boardId');
  });

  it('400 for a NUL character, which never reaches the database', async () => {
    expect((await search(team.byRole.member, 'q=etcd%00')).status).toBe(400);
  });

  it('answers 200 with nothing for text without words, or made of operators and punctuation', async () => {
    for (const q of ['%21%26%7C', "'", ':*', '%5C', '--']) {
      const res = await search(team.byRole.member, `q=${q}`);
      expect(res.status, q).toBe(200);
      expect(res.body, q).toEqual([]);
    }
  });
});
