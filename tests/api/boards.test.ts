import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, BoardSnapshot, Card, CardDetail, Column, HistoryEntry, Lane } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true });
  team = await createTeam(t.app, 'Crud');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

type Err = { error: { code: string; message: string; details?: Record<string, unknown> } };
const snap = async (boardId: string) => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
const events = async (streamId: string, since = 0) =>
  (await team.admin.api.get<{ events: { seq: number; type: string; payload: Record<string, unknown> }[] }>(`/api/boards/${streamId}/events?since=${since}`)).body.events;

describe('boards', () => {
  it('a new team has planned, interrupts and SS&A boards with sensible columns and limits', async () => {
    const boards = (await team.admin.api.get<Board[]>(`/api/teams/${team.team.id}/boards`)).body;
    expect(boards.map((b) => b.kind)).toEqual(['planned', 'interrupts', 'selfservice']);
    const interrupts = await snap(team.boards.interrupts);
    expect(interrupts.columns[0]).toMatchObject({ name: 'Inbox', category: 'inbox' });
    expect(interrupts.columns.some((c) => c.category === 'done')).toBe(true);
    expect(interrupts.columns.some((c) => c.wipLimit !== null && c.wipPolicy === 'block')).toBe(true);
  });

  it('creates, renames, reorders, archives and restores a board; the team stream records it', async () => {
    const teamSeq = (await events(team.team.id)).length;
    const created = await team.byRole.po.api.post<Board>(`/api/teams/${team.team.id}/boards`, { kind: 'selfservice', name: 'Automation ideas' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await snap(id)).columns.map((c) => c.name)).toEqual(['Backlog', 'Ready', 'In progress', 'Review', 'Done']);
    expect((await team.admin.api.patch<Board>(`/api/boards/${id}`, { name: 'SS&A ideas' })).body.name).toBe('SS&A ideas');
    expect((await team.admin.api.post(`/api/boards/${id}/position`, { afterId: null })).status).toBe(200);
    let list = (await team.admin.api.get<Board[]>(`/api/teams/${team.team.id}/boards`)).body;
    expect(list[0]!.id).toBe(id);
    expect((await team.admin.api.post(`/api/boards/${id}/archive`)).status).toBe(200);
    list = (await team.admin.api.get<Board[]>(`/api/teams/${team.team.id}/boards`)).body;
    expect(list.map((b) => b.id)).not.toContain(id);
    const archivedWrite = await team.admin.api.post<Err>(`/api/boards/${id}/cards`, { title: 'Nope' });
    expect(archivedWrite.status).toBe(409);
    expect((await team.admin.api.post(`/api/boards/${id}/restore`)).status).toBe(200);
    const types = (await events(team.team.id)).slice(teamSeq).map((e) => e.type);
    expect(types).toEqual(['board.created', 'board.changed', 'board.changed', 'board.archived', 'board.restored']);
  });

  it('columns: add after another, rename, change the WIP limit (an event of its own), reorder, archive when empty', async () => {
    const boardId = team.boards.planned;
    const before = await snap(boardId);
    const ready = before.columns[1]!;
    const added = await team.admin.api.post<Column>(`/api/boards/${boardId}/columns`, { name: 'Blocked', category: 'doing', wipLimit: 2, afterColumnId: ready.id });
    expect(added.status).toBe(201);
    let columns = (await snap(boardId)).columns;
    expect(columns.map((c) => c.name).slice(0, 3)).toEqual(['Backlog', 'Ready', 'Blocked']);
    const id = added.body.id;
    await team.admin.api.patch(`/api/columns/${id}`, { wipLimit: 3, wipPolicy: 'warn' });
    await team.admin.api.patch(`/api/columns/${id}`, { name: 'Waiting' });
    await team.admin.api.post(`/api/columns/${id}/position`, { afterId: columns.at(-1)!.id });
    columns = (await snap(boardId)).columns;
    expect(columns.at(-1)).toMatchObject({ id, name: 'Waiting', wipLimit: 3, wipPolicy: 'warn' });
    const log = (await events(boardId, before.seq)).map((e) => e.type);
    expect(log).toEqual(['column.created', 'column.wip_limit_changed', 'column.updated', 'column.moved']);
    const limitEvent = (await events(boardId, before.seq))[1]!;
    expect(limitEvent.payload).toMatchObject({ from: { wipLimit: 2, wipPolicy: 'block' }, to: { wipLimit: 3, wipPolicy: 'warn' } });

    const card = (await team.admin.api.post<Card>(`/api/boards/${boardId}/cards`, { title: 'Sits here', columnId: id })).body;
    const refused = await team.admin.api.post<Err>(`/api/columns/${id}/archive`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('1 card');
    await team.admin.api.post(`/api/cards/${card.id}/archive`);
    expect((await team.admin.api.post(`/api/columns/${id}/archive`)).status).toBe(200);
    expect((await snap(boardId)).columns.map((c) => c.id)).not.toContain(id);
    // The snapshot holds live columns only; settings list the archived ones to restore.
    const archived = await team.byRole.viewer.api.get<Column[]>(`/api/boards/${boardId}/archived-columns`);
    expect(archived.status).toBe(200);
    expect(archived.body).toEqual([expect.objectContaining({ id, name: 'Waiting', archivedAt: expect.any(String) })]);
    expect((await team.admin.api.post(`/api/columns/${id}/restore`)).status).toBe(200);
    expect((await team.admin.api.get<Column[]>(`/api/boards/${boardId}/archived-columns`)).body).toEqual([]);
  });

  it('swimlanes: add, limit, reorder, archive when empty', async () => {
    const boardId = team.boards.interrupts;
    const expedite = await team.admin.api.post<Lane>(`/api/boards/${boardId}/lanes`, { name: 'Expedite', wipLimit: 1 });
    const standard = await team.admin.api.post<Lane>(`/api/boards/${boardId}/lanes`, { name: 'Standard' });
    expect(expedite.status).toBe(201);
    await team.admin.api.post(`/api/lanes/${standard.body.id}/position`, { afterId: null });
    expect((await snap(boardId)).lanes.map((l) => l.name)).toEqual(['Standard', 'Expedite']);
    expect((await team.admin.api.patch<Lane>(`/api/lanes/${expedite.body.id}`, { wipLimit: 2 })).body.wipLimit).toBe(2);
    expect((await team.admin.api.post(`/api/lanes/${standard.body.id}/archive`)).status).toBe(200);
    expect((await snap(boardId)).lanes.map((l) => l.name)).toEqual(['Expedite']);
    const archived = (await team.admin.api.get<Lane[]>(`/api/boards/${boardId}/archived-lanes`)).body;
    expect(archived.map((l) => [l.name, l.archivedAt !== null])).toEqual([['Standard', true]]);
  });
});

describe('cards', () => {
  it('create with every field, edit, archive, restore; history comes from the log', async () => {
    const boardId = team.boards.planned;
    const other = (await team.admin.api.post<Card>(`/api/boards/${team.boards.selfservice}/cards`, { title: 'Self-service DNS' })).body;
    const created = await team.byRole.member.api.post<Card>(`/api/boards/${boardId}/cards`, {
      title: 'Rotate TLS certificates on the load balancer',
      description: '**Why:** the old suite is weak.',
      type: 'story',
      points: 3,
      assigneeIds: [team.byRole.member.id, team.admin.id],
      labels: ['security', 'tls'],
      priority: 'high',
      dueDate: '2026-12-24',
      blocked: true,
      blockedReason: 'waiting for the CA',
      links: [{ kind: 'relates', cardId: other.id }],
    });
    expect(created.status).toBe(201);
    const card = created.body;
    expect(card).toMatchObject({ points: 3, priority: 'high', blocked: true, blockedReason: 'waiting for the CA', dueDate: '2026-12-24', version: 1 });
    expect(card.number).toBeGreaterThan(0);

    const edited = await team.byRole.member.api.patch<Card>(`/api/cards/${card.id}`, { version: 1, blocked: false, labels: ['security'] });
    expect(edited.body).toMatchObject({ blocked: false, blockedReason: null, labels: ['security'], version: 2 });
    const same = await team.byRole.member.api.patch<Card>(`/api/cards/${card.id}`, { version: 2, labels: ['security'] });
    expect(same.body.version).toBe(2); // nothing changed, nothing written

    const detail = (await team.admin.api.get<CardDetail>(`/api/cards/${other.id}`)).body;
    expect(detail.incoming).toEqual([{ kind: 'relates', cardId: card.id }]);
    expect(detail.related[0]).toMatchObject({ id: card.id, title: card.title, boardName: 'Planned work' });

    const ready = (await snap(boardId)).columns[1]!;
    await team.admin.api.post(`/api/cards/${card.id}/move`, { toColumnId: ready.id });
    expect((await team.admin.api.post<Card>(`/api/cards/${card.id}/archive`)).body.archivedAt).not.toBeNull();
    expect((await snap(boardId)).cards.map((c) => c.id)).not.toContain(card.id);
    const archived = (await team.admin.api.get<Card[]>(`/api/boards/${boardId}/archived-cards`)).body;
    expect(archived.map((c) => c.id)).toContain(card.id);
    const restored = await team.admin.api.post<Card>(`/api/cards/${card.id}/restore`);
    expect(restored.body).toMatchObject({ archivedAt: null, columnId: ready.id });

    const history = (await team.admin.api.get<HistoryEntry[]>(`/api/cards/${card.id}/history`)).body;
    expect(history.map((h) => h.type)).toEqual(['card.created', 'card.updated', 'card.moved', 'card.archived', 'card.restored']);
    expect(history[0]!.actor?.name).toBe(team.byRole.member.name);
    expect((history[1]!.payload as { changes: Record<string, unknown> }).changes).toHaveProperty('blocked');
  });

  it('a card moves to another board of the team: both boards’ clients see it leave and arrive', async () => {
    const from = team.boards.interrupts;
    const to = team.boards.planned;
    const watcher = new WsClient({ baseUrl: t.baseUrl, token: team.byRole.viewer.token });
    await watcher.connect();
    await watcher.openBoard(from);
    await watcher.openBoard(to);
    const card = (await team.admin.api.post<Card>(`/api/boards/${from}/cards`, { title: 'Actually planned work' })).body;
    const target = (await snap(to)).columns[0]!;
    const moved = await team.admin.api.post<Card>(`/api/cards/${card.id}/move`, { toBoardId: to, toColumnId: target.id });
    expect(moved.status).toBe(200);
    expect(moved.body.boardId).toBe(to);
    const [fromSnap, toSnap] = [await snap(from), await snap(to)];
    await watcher.waitFor(() => watcher.seqOf(from) === fromSnap.seq && watcher.seqOf(to) === toSnap.seq);
    expect(watcher.snapshotOf(from)).toEqual(fromSnap);
    expect(watcher.snapshotOf(to)).toEqual(toSnap);
    expect(toSnap.cards.map((c) => c.id)).toContain(card.id);
    watcher.kill();
  });

  it('finds the team’s cards by title words or by number, and only the team’s', async () => {
    const card = (await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Renew the wildcard certificate' })).body;
    const byWords = await team.byRole.viewer.api.get<{ id: string; boardName: string }[]>(`/api/teams/${team.team.id}/cards?q=${encodeURIComponent('wildcard CERT')}`);
    expect(byWords.body.map((c) => c.id)).toContain(card.id);
    const byNumber = await team.byRole.viewer.api.get<{ id: string }[]>(`/api/teams/${team.team.id}/cards?q=%23${card.number}`);
    expect(byNumber.body.map((c) => c.id)).toEqual([card.id]);
    const literal = await team.byRole.viewer.api.get<unknown[]>(`/api/teams/${team.team.id}/cards?q=${encodeURIComponent('100%_')}`);
    expect(literal.body).toEqual([]);
    const other = await createTeam(t.app, 'Nosy');
    expect((await other.admin.api.get(`/api/teams/${team.team.id}/cards?q=wildcard`)).status).toBe(404);
  });

  it('events since N answer in order and say the current seq', async () => {
    const s = await snap(team.boards.planned);
    const page = (await team.admin.api.get<{ seq: number; events: { seq: number }[] }>(`/api/boards/${team.boards.planned}/events?since=${s.seq - 3}`)).body;
    expect(page.seq).toBe(s.seq);
    expect(page.events.map((e) => e.seq)).toEqual([s.seq - 2, s.seq - 1, s.seq]);
  });

  it('the snapshot is served from the cache at the same seq and refreshed after a change', async () => {
    const a = await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`);
    const b = await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`);
    expect(b.body).toEqual(a.body);
    await team.admin.api.post(`/api/boards/${team.boards.planned}/cards`, { title: 'Invalidates' });
    const c = await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`);
    expect(c.body.seq).toBe(a.body.seq + 1);
    expect(c.body.cards.some((x) => x.title === 'Invalidates')).toBe(true);
  });
});

describe('snapshot compression', () => {
  it('a big board is sent gzipped once the compressed bytes are ready, identical once inflated', async () => {
    const board = team.boards.selfservice;
    for (let i = 0; i < 30; i++) await team.admin.api.post(`/api/boards/${board}/cards`, { title: `Bulk ${i}`, description: 'x'.repeat(400) });
    const plain = await t.app.inject({ method: 'GET', url: `/api/boards/${board}`, headers: { authorization: `Bearer ${team.admin.token}`, 'accept-encoding': 'gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    let zipped = plain;
    for (let i = 0; i < 50 && zipped.headers['content-encoding'] !== 'gzip'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      zipped = await t.app.inject({ method: 'GET', url: `/api/boards/${board}`, headers: { authorization: `Bearer ${team.admin.token}`, 'accept-encoding': 'gzip, br' } });
    }
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString())).toEqual(JSON.parse(plain.body));
    const identity = await t.app.inject({ method: 'GET', url: `/api/boards/${board}`, headers: { authorization: `Bearer ${team.admin.token}` } });
    expect(identity.headers['content-encoding']).toBeUndefined();
  });
});

describe('OpenAPI', () => {
  it('documents every route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    const routes = t.routes.filter((r) => r.url !== '/api/openapi.json').map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThan(60);
    for (const route of routes) expect(documented, route).toContain(route);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toContain("base-uri 'none'");
  });

  it('security headers: a strict CSP on API responses', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
