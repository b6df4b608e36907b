/**
 * An Idempotency-Key names one request: its retry gets the first answer and
 * changes nothing; another request under the same key is refused (422) and
 * changes nothing; a caller who lost access since gets their 404 or 403.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Column } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

type Err = { error: { code: string; message: string; details?: Record<string, unknown> } };

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let columns: Column[];

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  team = await createTeam(t.app, 'Keys');
  columns = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body.columns;
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const snapshot = async () => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
const newCard = async (title: string) => (await team.byRole.member.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title })).body;
const key = () => ({ 'idempotency-key': randomUUID() });

/** Sends a request that must be refused as a reused key, and checks the board did not change. */
async function reused(send: () => Promise<{ status: number; body: unknown }>): Promise<Err> {
  const before = await snapshot();
  const res = await send();
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  const body = res.body as Err;
  expect(body.error.code).toBe('idempotency_key_reused');
  expect(body.error.details).toMatchObject({ header: 'idempotency-key' });
  const after = await snapshot();
  expect(after.seq).toBe(before.seq);
  expect(after.cards).toEqual(before.cards);
  return body;
}

describe('a key is bound to the request it first came with', () => {
  it('422 for the same key on a move of another card; that card does not move', async () => {
    const [a, b] = [await newCard('A'), await newCard('B')];
    const h = key();
    const first = await team.byRole.member.api.post<Card>(`/api/cards/${a.id}/move`, { toColumnId: columns[1]!.id }, h);
    expect(first.status).toBe(200);
    const body = await reused(() => team.byRole.member.api.post(`/api/cards/${b.id}/move`, { toColumnId: columns[1]!.id }, h));
    expect(body.error.details).toMatchObject({ method: 'POST', route: '/api/cards/:id/move' });
    expect((await snapshot()).cards.find((c) => c.id === b.id)!.columnId).toBe(columns[0]!.id);
  });

  it('422 for the same key on a move of the same card to another column', async () => {
    const a = await newCard('C');
    const h = key();
    expect((await team.byRole.member.api.post(`/api/cards/${a.id}/move`, { toColumnId: columns[1]!.id }, h)).status).toBe(200);
    await reused(() => team.byRole.member.api.post(`/api/cards/${a.id}/move`, { toColumnId: columns[2]!.id }, h));
  });

  it('422 for the same key on a card create, whether it first moved a card or created another', async () => {
    const a = await newCard('D');
    const h = key();
    expect((await team.byRole.member.api.post(`/api/cards/${a.id}/move`, { toColumnId: columns[1]!.id }, h)).status).toBe(200);
    await reused(() => team.byRole.member.api.post(`/api/boards/${team.boards.planned}/cards`, { title: 'Not a move' }, h));
    const h2 = key();
    expect((await team.byRole.member.api.post(`/api/boards/${team.boards.planned}/cards`, { title: 'First' }, h2)).status).toBe(201);
    await reused(() => team.byRole.member.api.post(`/api/boards/${team.boards.planned}/cards`, { title: 'Second' }, h2));
    await reused(() => team.byRole.member.api.post(`/api/boards/${team.boards.interrupts}/cards`, { title: 'First' }, h2));
  });

  it('a true retry, fields in another order, gets the first answer and changes nothing', async () => {
    const h = key();
    const first = await team.byRole.member.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Once', points: 3 }, h);
    expect(first.status).toBe(201);
    const before = await snapshot();
    const again = await team.byRole.member.api.request<Card>('POST', `/api/boards/${team.boards.planned}/cards`, '{"points": 3, "title": "Once"}', h);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await snapshot()).seq).toBe(before.seq);
  });

  it('keys are per person: someone else’s key is theirs alone', async () => {
    const h = key();
    expect((await team.byRole.member.api.post(`/api/boards/${team.boards.planned}/cards`, { title: 'Mine' }, h)).status).toBe(201);
    const theirs = await team.byRole.po.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Theirs' }, h);
    expect(theirs.status).toBe(201);
    expect(theirs.body.title).toBe('Theirs');
  });
});

describe('a replay is only for someone who could still make the request', () => {
  it('a member removed since gets 404, not the stored card', async () => {
    const own = await createTeam(t.app, 'Leavers');
    const board = own.boards.planned;
    const h = key();
    const created = await own.byRole.member.api.post<Card>(`/api/boards/${board}/cards`, { title: 'Before removal' }, h);
    expect(created.status).toBe(201);
    // Positive control: the retry replays while access holds.
    expect((await own.byRole.member.api.post<Card>(`/api/boards/${board}/cards`, { title: 'Before removal' }, h)).body).toEqual(created.body);
    expect((await own.admin.api.del(`/api/teams/${own.team.id}/members/${own.byRole.member.id}`)).status).toBe(200);
    const retry = await own.byRole.member.api.post<Err>(`/api/boards/${board}/cards`, { title: 'Before removal' }, h);
    expect(retry.status).toBe(404);
    expect(retry.body.error.code).toBe('not_found');
    expect(JSON.stringify(retry.body)).not.toContain(created.body.id);
  });

  it('a member turned viewer since gets 403 for a move they made, not its stored result', async () => {
    const own = await createTeam(t.app, 'Demoted');
    const cols = (await own.admin.api.get<BoardSnapshot>(`/api/boards/${own.boards.planned}`)).body.columns;
    const card = (await own.byRole.member.api.post<Card>(`/api/boards/${own.boards.planned}/cards`, { title: 'Moved' })).body;
    const h = key();
    expect((await own.byRole.member.api.post(`/api/cards/${card.id}/move`, { toColumnId: cols[1]!.id }, h)).status).toBe(200);
    expect((await own.admin.api.patch(`/api/teams/${own.team.id}/members/${own.byRole.member.id}`, { role: 'viewer' })).status).toBe(200);
    const retry = await own.byRole.member.api.post<Err>(`/api/cards/${card.id}/move`, { toColumnId: cols[1]!.id }, h);
    expect(retry.status).toBe(403);
    expect(retry.body.error.code).toBe('forbidden');
  });

  it('a retried removal of someone else still replays: the member being gone is the first answer, not a lost access', async () => {
    const own = await createTeam(t.app, 'Removers');
    const h = key();
    expect((await own.admin.api.del(`/api/teams/${own.team.id}/members/${own.byRole.viewer.id}`, h)).status).toBe(200);
    expect((await own.admin.api.del(`/api/teams/${own.team.id}/members/${own.byRole.viewer.id}`, h)).status).toBe(200);
  });
});
