import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let snapshot: BoardSnapshot;
let card: Card;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  team = await createTeam(t.app, 'Inputs');
  card = (await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Existing' })).body;
  snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

type ErrorBody = { error: { code: string; message: string; details?: { field?: string } } };

/** Sends a raw body and checks the refusal, then that the board did not change (no card, no event). */
async function refused(url: string, payload: string, expected: { status: number; code: string; field?: string }, method: 'POST' | 'PATCH' = 'POST') {
  const before = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
  const res = await t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${team.admin.token}`, 'content-type': 'application/json' } });
  const body = JSON.parse(res.body) as ErrorBody;
  expect(res.statusCode, res.body).toBe(expected.status);
  expect(body.error.code).toBe(expected.code);
  expect(typeof body.error.message).toBe('string');
  if (expected.field) expect(body.error.details?.field).toBe(expected.field);
  const after = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
  expect(after.seq).toBe(before.seq);
  expect(after.cards).toEqual(before.cards);
  return body;
}

const cards = () => `/api/boards/${team.boards.planned}/cards`;

describe('bad input gets a clear 400 and writes nothing', () => {
  it('400 when title is missing', async () => {
    const body = await refused(cards(), JSON.stringify({ type: 'story' }), { status: 400, code: 'validation_failed', field: 'title' });
    expect(body.error.message).toContain('title is required');
  });

  it('400 when a field has the wrong type, without coercion (12345 is not a title)', async () => {
    await refused(cards(), JSON.stringify({ title: 12345 }), { status: 400, code: 'validation_failed', field: 'title' });
    await refused(cards(), JSON.stringify({ title: 'x', points: '3' }), { status: 400, code: 'validation_failed', field: 'points' });
    await refused(cards(), JSON.stringify({ title: 'x', blocked: 'true' }), { status: 400, code: 'validation_failed', field: 'blocked' });
  });

  it('400 naming an unknown field (no mass assignment)', async () => {
    const body = await refused(cards(), JSON.stringify({ title: 'x', boardId: team.boards.interrupts }), { status: 400, code: 'validation_failed', field: 'boardId' });
    expect(body.error.message).toContain('not a known field');
    await refused(cards(), JSON.stringify({ title: 'x', version: 7 }), { status: 400, code: 'validation_failed', field: 'version' });
  });

  it('400 for an over-long title and an over-long label', async () => {
    await refused(cards(), JSON.stringify({ title: 'x'.repeat(301) }), { status: 400, code: 'validation_failed', field: 'title' });
    await refused(cards(), JSON.stringify({ title: 'ok', labels: ['y'.repeat(41)] }), { status: 400, code: 'validation_failed', field: 'labels[0]' });
  });

  it('400 for a blank title made of spaces', async () => {
    await refused(cards(), JSON.stringify({ title: '   ' }), { status: 400, code: 'validation_failed', field: 'title' });
  });

  it('400 invalid_json for malformed JSON', async () => {
    await refused(cards(), '{"title": "x",', { status: 400, code: 'invalid_json' });
  });

  it('400 for NUL characters and lone surrogates, escaped or raw', async () => {
    await refused(cards(), '{"title": "a\\u0000b"}', { status: 400, code: 'validation_failed', field: 'title' });
    await refused(cards(), JSON.stringify({ title: 'a\u0000b' }), { status: 400, code: 'validation_failed', field: 'title' });
    await refused(cards(), '{"title": "a\\ud800b"}', { status: 400, code: 'validation_failed', field: 'title' });
    await refused(cards(), '{"title": "ok", "labels": ["\\udc00"]}', { status: 400, code: 'validation_failed', field: 'labels[0]' });
  });

  it('400 for JSON nested too deep, before anything parses it recursively', async () => {
    await refused(cards(), `{"title":"x","description":${'['.repeat(5000)}${']'.repeat(5000)}}`, { status: 400, code: 'invalid_json' });
  });

  it('413 for a 2 MB body', async () => {
    await refused(cards(), JSON.stringify({ title: 'x', description: 'y'.repeat(2 * 1024 * 1024) }), { status: 413, code: 'payload_too_large' });
  });

  it('415 for a body that is not JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: cards(), payload: 'title=x', headers: { authorization: `Bearer ${team.admin.token}`, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
    expect(JSON.parse(res.body).error.code).toBe('unsupported_media_type');
  });

  it('400 for a malformed id in the path, naming it', async () => {
    const res = await team.admin.api.get<ErrorBody>('/api/boards/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.error.details?.field).toBe('id');
  });

  it('400 for an unknown column, naming the field', async () => {
    await refused(cards(), JSON.stringify({ title: 'x', columnId: '00000000-0000-4000-8000-000000000000' }), { status: 400, code: 'validation_failed', field: 'columnId' });
    await refused(`/api/cards/${card.id}/move`, JSON.stringify({ toColumnId: '00000000-0000-4000-8000-000000000000' }), { status: 400, code: 'validation_failed', field: 'toColumnId' });
  });

  it('400 for an assignee who is not in the team and a link to a card of another team', async () => {
    const other = await createTeam(t.app, 'Others');
    const theirCard = (await other.admin.api.post<Card>(`/api/boards/${other.boards.planned}/cards`, { title: 'theirs' })).body;
    await refused(cards(), JSON.stringify({ title: 'x', assigneeIds: [other.admin.id] }), { status: 400, code: 'validation_failed', field: 'assigneeIds[0]' });
    await refused(cards(), JSON.stringify({ title: 'x', links: [{ kind: 'relates', cardId: theirCard.id }] }), { status: 400, code: 'validation_failed', field: 'links[0].cardId' });
  });

  it('400 for a negative, zero or absurd WIP limit; the column keeps its limit', async () => {
    const column = snapshot.columns[2]!;
    for (const wipLimit of [-1, 0, 100000, 2.5, '3']) {
      const res = await team.admin.api.patch<ErrorBody>(`/api/columns/${column.id}`, { wipLimit });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details?.field).toBe('wipLimit');
    }
    const after = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
    expect(after.columns.find((c) => c.id === column.id)!.wipLimit).toBe(column.wipLimit);
  });

  it('400 for a WIP policy that does not exist, listing the allowed ones', async () => {
    const res = await team.admin.api.patch<ErrorBody>(`/api/columns/${snapshot.columns[2]!.id}`, { wipPolicy: 'soft' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"block", "warn"');
  });

  it('400 for an edit without a version, and for an empty edit', async () => {
    await refused(`/api/cards/${card.id}`, JSON.stringify({ title: 'no version' }), { status: 400, code: 'validation_failed', field: 'version' }, 'PATCH');
    await refused(`/api/cards/${card.id}`, JSON.stringify({ version: 1 }), { status: 400, code: 'validation_failed' }, 'PATCH');
  });

  it('400 for a NUL in a query string', async () => {
    const res = await team.admin.api.get<ErrorBody>(`/api/boards/${team.boards.planned}/events?since=0%00`);
    expect(res.status).toBe(400);
  });

  it('a card of another board cannot be used as a neighbour to leak its position', async () => {
    const other = (await team.admin.api.post<Card>(`/api/boards/${team.boards.interrupts}/cards`, { title: 'elsewhere' })).body;
    const moved = await team.admin.api.post<Card>(`/api/cards/${card.id}/move`, { toColumnId: snapshot.columns[1]!.id, afterCardId: other.id });
    // An anchor that is not in the target column is ignored: the card lands at the end.
    expect(moved.status).toBe(200);
    expect(moved.body.columnId).toBe(snapshot.columns[1]!.id);
  });
});
