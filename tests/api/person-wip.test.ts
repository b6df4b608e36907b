/**
 * Per-person WIP limits count a person's cards in progress on every live
 * board of the team: the entering board's limit applies, the count is
 * team-wide, and concurrent entries on different boards cannot both pass it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Column, PersonWip } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

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

type Err = { error: { code: string; message: string; details: Record<string, unknown> } };
type BoardKey = keyof TestTeam['boards'];

async function columnsOf(team: TestTeam, board: BoardKey): Promise<Record<Column['category'], Column>> {
  const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards[board]}`)).body;
  const first = (category: Column['category']) => snapshot.columns.find((c) => c.category === category)!;
  return { backlog: first('backlog'), inbox: first('inbox'), todo: first('todo'), doing: first('doing'), done: first('done') };
}

async function limitPeople(team: TestTeam, board: BoardKey, limit: number | null, policy: 'block' | 'warn' = 'block'): Promise<void> {
  const res = await team.admin.api.patch(`/api/boards/${team.boards[board]}`, { personWipLimit: limit, personWipPolicy: policy });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function card(team: TestTeam, board: BoardKey, title: string, assigneeIds: string[], columnId?: string): Promise<Card> {
  const res = await team.admin.api.post<Card>(`/api/boards/${team.boards[board]}/cards`, { title, assigneeIds, ...(columnId && { columnId }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const move = (team: TestTeam, c: Card, toColumnId: string, extra: Record<string, unknown> = {}) => team.admin.api.post<Card | Err>(`/api/cards/${c.id}/move`, { toColumnId, ...extra });

async function heldBy(team: TestTeam, userId: string): Promise<number> {
  const res = await team.byRole.viewer.api.get<PersonWip[]>(`/api/teams/${team.team.id}/person-wip`);
  expect(res.status).toBe(200);
  return res.body.filter((h) => h.userId === userId).reduce((sum, h) => sum + h.count, 0);
}

describe('per-person WIP across the team', () => {
  it("counts the person's cards in progress on the other boards, and the refusal says where they are", async () => {
    const team = await createTeam(t.app, 'Across');
    const who = team.byRole.member;
    const planned = await columnsOf(team, 'planned');
    const ssa = await columnsOf(team, 'selfservice');
    await limitPeople(team, 'selfservice', 2);
    await card(team, 'planned', 'Upgrade Postgres', [who.id], planned.doing.id);
    await card(team, 'interrupts', 'Disk full on ci-runner-07', [who.id], (await columnsOf(team, 'interrupts')).doing.id);
    const automation = await card(team, 'selfservice', 'Self-service DNS records', [who.id]);

    const refused = await move(team, automation, ssa.doing.id);
    expect(refused.status).toBe(409);
    const err = (refused.body as Err).error;
    expect(err.code).toBe('person_wip_limit_exceeded');
    expect(err.message).toBe(`${who.name} already holds 2 cards in progress (1 on Planned work and 1 on Interrupts); the per-person WIP limit is 2.`);
    expect(err.details).toMatchObject({
      scope: 'person',
      id: who.id,
      limit: 2,
      count: 2,
      where: [
        { boardId: team.boards.planned, name: 'Planned work', count: 1 },
        { boardId: team.boards.interrupts, name: 'Interrupts', count: 1 },
      ],
    });
    expect(await heldBy(team, who.id)).toBe(2);
  });

  it("applies the entering board's limit: a board without one lets the card in, a warn limit asks for a reason", async () => {
    const team = await createTeam(t.app, 'Entering');
    const who = team.byRole.member;
    const planned = await columnsOf(team, 'planned');
    const ssa = await columnsOf(team, 'selfservice');
    await limitPeople(team, 'selfservice', 1, 'warn');
    await card(team, 'selfservice', 'Runbook bot', [who.id], ssa.doing.id);
    // The planned board sets no per-person limit: nothing stops this one.
    const story = await card(team, 'planned', 'Migrate backups', [who.id]);
    expect((await move(team, story, planned.doing.id)).status).toBe(200);
    const other = await card(team, 'selfservice', 'Access request form', [who.id]);
    const asked = await move(team, other, ssa.doing.id);
    expect((asked.body as Err).error.code).toBe('wip_override_required');
    expect((asked.body as Err).error.message).toContain('(1 on Planned work and 1 on Self-service & automation)');
    expect((await move(team, other, ssa.doing.id, { overrideReason: 'Pairing with the customer today' })).status).toBe(200);
    expect(await heldBy(team, who.id)).toBe(3);
  });

  it('a card already in progress moves to another board at the limit; archived cards and boards do not count', async () => {
    const team = await createTeam(t.app, 'Moving');
    const who = team.byRole.member;
    const planned = await columnsOf(team, 'planned');
    const ssa = await columnsOf(team, 'selfservice');
    await limitPeople(team, 'planned', 2);
    await limitPeople(team, 'selfservice', 2);
    const a = await card(team, 'planned', 'A', [who.id], planned.doing.id);
    await card(team, 'planned', 'B', [who.id], planned.doing.id);
    // Already in progress: moving it across changes nobody's count.
    const across = await move(team, a, ssa.doing.id, { toBoardId: team.boards.selfservice });
    expect(across.status, JSON.stringify(across.body)).toBe(200);
    const c = await card(team, 'planned', 'C', [who.id]);
    expect((await move(team, c, planned.doing.id)).status).toBe(409);
    // Archiving one frees a place.
    expect((await team.admin.api.post(`/api/cards/${a.id}/archive`, {})).status).toBe(200);
    expect((await move(team, c, planned.doing.id)).status).toBe(200);
    // Restoring the archived card into progress is an entry like any other.
    const restore = await team.admin.api.post<Err>(`/api/cards/${a.id}/restore`, {});
    expect(restore.status).toBe(409);
    expect(restore.body.error.code).toBe('person_wip_limit_exceeded');
    // An archived board's cards count nowhere.
    const board = await team.admin.api.post<{ id: string }>(`/api/teams/${team.team.id}/boards`, { kind: 'planned', name: 'Side project' });
    const side = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board.body.id}`)).body;
    const sideDoing = side.columns.find((col) => col.category === 'doing')!;
    const parked = await team.admin.api.post<Card>(`/api/boards/${board.body.id}/cards`, { title: 'Parked', assigneeIds: [who.id], columnId: sideDoing.id });
    expect(parked.status).toBe(201);
    expect(await heldBy(team, who.id)).toBe(3);
    expect((await team.admin.api.post(`/api/boards/${board.body.id}/archive`, {})).status).toBe(200);
    expect(await heldBy(team, who.id)).toBe(2);
  });

  it('assigning someone to a card in progress counts what they hold on every board', async () => {
    const team = await createTeam(t.app, 'Assign');
    const who = team.byRole.member;
    const ssa = await columnsOf(team, 'selfservice');
    await limitPeople(team, 'selfservice', 1);
    await card(team, 'planned', 'Elsewhere', [who.id], (await columnsOf(team, 'planned')).doing.id);
    const pairing = await card(team, 'selfservice', 'Pair on this', [team.admin.id], ssa.doing.id);
    const res = await team.admin.api.patch<Err>(`/api/cards/${pairing.id}`, { version: pairing.version, assigneeIds: [team.admin.id, who.id] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('person_wip_limit_exceeded');
    expect(res.body.error.message).toContain('(1 on Planned work)');
  });

  it('concurrent entries on different boards for one person cannot both pass the limit', async () => {
    const team = await createTeam(t.app, 'Race');
    const who = team.byRole.member;
    // Every in-progress column of the three boards, without column limits: each is its own queue of column locks.
    const doing: { board: BoardKey; column: Column }[] = [];
    for (const board of ['planned', 'interrupts', 'selfservice'] as const) {
      const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards[board]}`)).body;
      for (const column of snapshot.columns.filter((c) => c.category === 'doing')) {
        expect((await team.admin.api.patch(`/api/columns/${column.id}`, { wipLimit: null })).status).toBe(200);
        doing.push({ board, column });
      }
      await limitPeople(team, board, 3);
    }
    await card(team, 'planned', 'Already in progress', [who.id], doing[0]!.column.id);
    const waiting: { card: Card; to: string }[] = [];
    for (const [i, d] of doing.entries()) {
      for (let k = 0; k < 3; k++) waiting.push({ card: await card(team, d.board, `Waiting ${i}.${k}`, [who.id]), to: d.column.id });
    }

    const results = await Promise.all([
      ...waiting.map((w) => move(team, w.card, w.to)),
      ...doing.flatMap((d, i) =>
        Array.from({ length: 2 }, (_, k) => team.admin.api.post<Card | Err>(`/api/boards/${team.boards[d.board]}/cards`, { title: `New ${i}.${k}`, assigneeIds: [who.id], columnId: d.column.id })),
      ),
    ]);
    const landed = results.filter((r) => r.status === 200 || r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(landed).toHaveLength(2);
    expect(refused).toHaveLength(results.length - 2);
    for (const r of refused) expect((r.body as Err).error).toMatchObject({ code: 'person_wip_limit_exceeded', details: { id: who.id, limit: 3, count: 3 } });
    expect(await heldBy(team, who.id)).toBe(3);
  });

  it('the person-wip figures are for members only', async () => {
    const team = await createTeam(t.app, 'Private');
    const stranger = (await createTeam(t.app, 'Stranger')).admin;
    expect((await stranger.api.get<Err>(`/api/teams/${team.team.id}/person-wip`)).status).toBe(404);
  });
});
