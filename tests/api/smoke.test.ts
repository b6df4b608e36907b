import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('smoke', () => {
  it('creates a team with three boards and moves a card', async () => {
    const { admin, boards } = await createTeam(t.app, 'Smoke');
    const snap = await admin.api.get<BoardSnapshot>(`/api/boards/${boards.planned}`);
    expect(snap.status).toBe(200);
    expect(snap.body.columns.map((c) => c.name)).toEqual(['Backlog', 'Ready', 'In progress', 'Review', 'Done']);
    const created = await admin.api.post<Card>(`/api/boards/${boards.planned}/cards`, { title: 'Rotate TLS certs' });
    expect(created.status).toBe(201);
    const moved = await admin.api.post<Card>(`/api/cards/${created.body.id}/move`, { toColumnId: snap.body.columns[1]!.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.columnId).toBe(snap.body.columns[1]!.id);
    const again = await admin.api.get<BoardSnapshot>(`/api/boards/${boards.planned}`);
    expect(again.body.seq).toBeGreaterThan(snap.body.seq);
    expect(again.body.cards).toHaveLength(1);
  });
});
