/**
 * Archiving a column, a swimlane or a board while cards enter it: sent
 * together, one of the two must lose. Runs on PostgreSQL (where the race is
 * real) and on PGlite (where transactions take turns, and the rules must hold
 * all the same).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Board, BoardSnapshot, Card, Column, Lane } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

const ROUNDS = 24;

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let boardId: string;
let columns: Column[];

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  team = await createTeam(t.app, 'Archivists');
});
beforeEach(async () => {
  // A board per test, so one test's outcome cannot show up in another's checks.
  const board = await team.admin.api.post<Board>(`/api/teams/${team.team.id}/boards`, {
    kind: 'planned',
    name: 'Races',
    columns: [
      { name: 'Todo', category: 'todo' },
      { name: 'Doing', category: 'doing' },
      { name: 'Done', category: 'done' },
    ],
  });
  boardId = board.body.id;
  columns = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body.columns;
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

/** No live card of the board sits in an archived column or swimlane. */
async function expectNoStrandedCards(id: string): Promise<void> {
  const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${id}`)).body;
  const liveColumns = new Set(snapshot.columns.filter((c) => c.archivedAt === null).map((c) => c.id));
  const liveLanes = new Set(snapshot.lanes.filter((l) => l.archivedAt === null).map((l) => l.id));
  for (const card of snapshot.cards) {
    expect(liveColumns.has(card.columnId), `card ${card.title} in an archived column`).toBe(true);
    if (card.laneId !== null) expect(liveLanes.has(card.laneId), `card ${card.title} in an archived swimlane`).toBe(true);
  }
}

const newCard = async (title: string, body: Record<string, unknown> = {}) => {
  const res = await team.byRole.member.api.post<Card>(`/api/boards/${boardId}/cards`, { title, columnId: columns[0]!.id, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

describe('archiving races with entries', () => {
  it('a swimlane archived while a card moves into it: never both', async () => {
    let moved = 0;
    let archived = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const lane = (await team.admin.api.post<Lane>(`/api/boards/${boardId}/lanes`, { name: `Lane ${i}` })).body;
      const card = await newCard(`Mover ${i}`);
      const [move, archive] = await Promise.all([
        team.byRole.member.api.post(`/api/cards/${card.id}/move`, { toColumnId: columns[1]!.id, laneId: lane.id }),
        team.admin.api.post(`/api/lanes/${lane.id}/archive`),
      ]);
      expect([move.status, archive.status].sort(), JSON.stringify([move.body, archive.body])).not.toEqual([200, 200]);
      if (move.status === 200) moved++;
      if (archive.status === 200) archived++;
      await team.byRole.member.api.post(`/api/cards/${card.id}/archive`);
    }
    expect(moved + archived).toBe(ROUNDS);
    await expectNoStrandedCards(boardId);
  });

  it('a swimlane archived while a card is created in it: never both', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const lane = (await team.admin.api.post<Lane>(`/api/boards/${boardId}/lanes`, { name: `New lane ${i}` })).body;
      const [create, archive] = await Promise.all([
        team.byRole.member.api.post<Card>(`/api/boards/${boardId}/cards`, { title: `Born ${i}`, columnId: columns[1]!.id, laneId: lane.id }),
        team.admin.api.post(`/api/lanes/${lane.id}/archive`),
      ]);
      expect([create.status, archive.status].sort()).not.toEqual([200, 201]);
      if (create.status === 201) await team.byRole.member.api.post(`/api/cards/${create.body.id}/archive`);
    }
    await expectNoStrandedCards(boardId);
  });

  it('a column archived while a card moves in or is restored into it: never both', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const column = (await team.admin.api.post<Column>(`/api/boards/${boardId}/columns`, { name: `Column ${i}`, category: 'doing' })).body;
      const mover = await newCard(`Column mover ${i}`);
      const restored = await newCard(`Restored ${i}`);
      await team.byRole.member.api.post(`/api/cards/${restored.id}/archive`);
      const [move, restore, archive] = await Promise.all([
        team.byRole.member.api.post(`/api/cards/${mover.id}/move`, { toColumnId: column.id }),
        team.byRole.member.api.post(`/api/cards/${restored.id}/restore`, { columnId: column.id }),
        team.admin.api.post(`/api/columns/${column.id}/archive`),
      ]);
      if (archive.status === 200) {
        expect(move.status).not.toBe(200);
        expect(restore.status).not.toBe(200);
      }
      for (const id of [mover.id, restored.id]) await team.byRole.member.api.post(`/api/cards/${id}/archive`);
      if (archive.status !== 200) {
        expect((await team.admin.api.post(`/api/columns/${column.id}/archive`)).status).toBe(200);
      }
    }
    await expectNoStrandedCards(boardId);
  });

  it('a board archived while cards are created in it or moved into it from another board: nothing enters after the archive', async () => {
    for (let i = 0; i < ROUNDS / 2; i++) {
      const target = (await team.admin.api.post<Board>(`/api/teams/${team.team.id}/boards`, { kind: 'planned', name: `Target ${i}`, columns: [{ name: 'In', category: 'todo' }] })).body;
      const into = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${target.id}`)).body.columns[0]!;
      const traveller = await newCard(`Traveller ${i}`);
      const [create, move, archive] = await Promise.all([
        team.byRole.member.api.post(`/api/boards/${target.id}/cards`, { title: `Late ${i}` }),
        team.byRole.member.api.post(`/api/cards/${traveller.id}/move`, { toBoardId: target.id, toColumnId: into.id }),
        team.admin.api.post(`/api/boards/${target.id}/archive`),
      ]);
      expect(archive.status).toBe(200);
      // Whatever lost says why: the board is archived (409, or 400 naming toBoardId when the move saw it archived up front).
      for (const r of [create, move]) {
        if (r.status !== 200 && r.status !== 201) expect(JSON.stringify(r.body)).toMatch(/archived/);
      }
      const log = (await team.admin.api.get<{ events: { type: string; payload: { changes?: { archivedAt?: unknown } } }[] }>(`/api/boards/${target.id}/events?since=0`)).body.events;
      const archivedAt = log.findIndex((e) => e.type === 'board.updated' && e.payload.changes?.archivedAt !== undefined);
      expect(archivedAt).toBeGreaterThanOrEqual(0);
      expect(log.slice(archivedAt + 1).map((e) => e.type)).toEqual([]);
    }
  });
});
