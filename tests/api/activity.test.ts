/** The team activity feed: read from the event log, filtered, paged, and confined to the team. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityPage, Card } from '@opsboard/shared';
import { addGuest, createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let other: TestTeam;
let guest: TestUser;
let card: Card;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  team = await createTeam(t.app, 'Feed');
  other = await createTeam(t.app, 'Other feed');
  guest = await addGuest(t.app, team, 'Feed guest');
  card = (await team.byRole.member.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Renew the wildcard cert' })).body;
  await team.byRole.po.api.post(`/api/cards/${card.id}/comments`, { body: 'Before Friday please' });
  await other.admin.api.post(`/api/boards/${other.boards.planned}/cards`, { title: 'Not yours to see' });
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const feed = (u: TestUser, query = '') => u.api.get<ActivityPage>(`/api/teams/${team.team.id}/activity${query}`);

describe('team activity', () => {
  it('200 newest first, with names for the card and people, and nothing of another team', async () => {
    const res = await feed(team.byRole.viewer);
    expect(res.status).toBe(200);
    const types = res.body.entries.map((e) => e.type);
    expect(types[0]).toBe('comment.created');
    expect(types).toContain('card.created');
    expect(types).toContain('member.added');
    const comment = res.body.entries[0]!;
    expect(comment.subjectId).toBe(card.id);
    expect(comment.names[card.id]).toBe(`#${card.number} Renew the wildcard cert`);
    expect(comment.actor?.id).toBe(team.byRole.po.id);
    expect(JSON.stringify(res.body)).not.toContain('Not yours to see');
  });

  it('filters by kind, board, person and dates', async () => {
    expect((await feed(team.admin, '?kind=comments')).body.entries.map((e) => e.type)).toEqual(['comment.created']);
    const cards = (await feed(team.admin, `?kind=cards&boardId=${team.boards.planned}`)).body.entries;
    expect(cards.map((e) => e.subjectId)).toEqual([card.id]);
    const byPo = (await feed(team.admin, `?personId=${team.byRole.po.id}`)).body.entries;
    expect(byPo.every((e) => e.actor?.id === team.byRole.po.id)).toBe(true);
    expect(byPo.length).toBeGreaterThan(0);
    expect((await feed(team.admin, '?from=2000-01-01&to=2000-01-02')).body.entries).toEqual([]);
  });

  it('pages by cursor without repeats or gaps', async () => {
    const all = (await feed(team.admin, '?limit=100')).body.entries.map((e) => `${e.streamId}:${e.seq}`);
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: ActivityPage = (await feed(team.admin, `?limit=3${before ? `&before=${encodeURIComponent(before)}` : ''}`)).body;
      seen.push(...page.entries.map((e) => `${e.streamId}:${e.seq}`));
      before = page.next;
    } while (before);
    expect(seen).toEqual(all);
  });

  it('400 naming the field for a bad kind, cursor or date range', async () => {
    const kind = await feed(team.admin, '?kind=gossip');
    expect(kind.status).toBe(400);
    expect(JSON.stringify(kind.body)).toContain('kind');
    const cursor = await feed(team.admin, '?before=nonsense');
    expect(cursor.status).toBe(400);
    expect(JSON.stringify(cursor.body)).toContain('before');
    const range = await feed(team.admin, '?from=2026-12-02&to=2026-12-01');
    expect(range.status).toBe(400);
    expect(JSON.stringify(range.body)).toContain('to');
  });

  it('403 for a guest, 404 outside the team', async () => {
    expect((await feed(guest)).status).toBe(403);
    expect((await feed(other.admin)).status).toBe(404);
  });
});
