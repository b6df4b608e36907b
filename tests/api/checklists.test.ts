/**
 * Checklists on cards and the board's Definition of Done: item edits are card
 * events (live on every open board), and a card enters a done column only
 * with its DoD ticked and its checklist finished, or with a reason (409 dod_unmet).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board, BoardSnapshot, Card, Column } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let cols: Record<Column['category'], Column>;
const clients: WsClient[] = [];

type Err = { error: { code: string; message: string; details: Record<string, unknown> } };

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true });
  team = await createTeam(t.app, 'Checklists');
  const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
  const first = (category: Column['category']) => snapshot.columns.find((c) => c.category === category)!;
  cols = { backlog: first('backlog'), inbox: first('inbox'), todo: first('todo'), doing: first('doing'), done: first('done') };
  for (const c of [cols.doing, cols.done]) {
    const res = await team.admin.api.patch(`/api/columns/${c.id}`, { wipLimit: null });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});
afterAll(async () => {
  for (const c of clients) c.kill();
  await t?.close();
  await db?.close();
});

async function newCard(title: string, extra: Record<string, unknown> = {}): Promise<Card> {
  const res = await team.byRole.member.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title, columnId: cols.doing.id, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('checklists', () => {
  it('adds, edits, ticks, reorders and deletes items; each change bumps the version', async () => {
    const api = team.byRole.member.api;
    const card = await newCard('Renew the TLS certificates');
    let res = await api.post<Card>(`/api/cards/${card.id}/checklist`, { text: 'Order certificate' });
    expect(res.status).toBe(201);
    await api.post<Card>(`/api/cards/${card.id}/checklist`, { text: 'Deploy to load balancers' });
    res = await api.post<Card>(`/api/cards/${card.id}/checklist`, { text: '  Check expiry monitor ', position: 0 });
    expect(res.body.checklist.map((i) => i.text)).toEqual(['Check expiry monitor', 'Order certificate', 'Deploy to load balancers']);
    expect(res.body.version).toBe(4);
    const [check, order, deploy] = res.body.checklist;
    res = await api.patch<Card>(`/api/cards/${card.id}/checklist/${order!.id}`, { done: true });
    expect(res.body.checklist[1]).toEqual({ id: order!.id, text: 'Order certificate', done: true });
    res = await api.patch<Card>(`/api/cards/${card.id}/checklist/${check!.id}`, { position: 2, text: 'Check the expiry monitor' });
    expect(res.body.checklist.map((i) => i.id)).toEqual([order!.id, deploy!.id, check!.id]);
    expect(res.body.checklist[2]!.text).toBe('Check the expiry monitor');
    res = await api.del<Card>(`/api/cards/${card.id}/checklist/${deploy!.id}`);
    expect(res.status).toBe(200);
    expect(res.body.checklist.map((i) => i.id)).toEqual([order!.id, check!.id]);
    const history = await api.get<{ type: string }[]>(`/api/cards/${card.id}/history`);
    expect(history.body.filter((h) => h.type === 'card.updated')).toHaveLength(6);
  });

  it('creates a card with checklist items (what a template prefills)', async () => {
    const card = await newCard('Restore test', { checklist: ['Pick a backup', 'Restore to staging'] });
    expect(card.checklist.map((i) => [i.text, i.done])).toEqual([
      ['Pick a backup', false],
      ['Restore to staging', false],
    ]);
  });

  it('400 names the field for blank text, and 404 for an unknown item; nothing changes', async () => {
    const api = team.byRole.member.api;
    const card = await newCard('Validation');
    const blank = await api.post<Err>(`/api/cards/${card.id}/checklist`, { text: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.field).toBe('text');
    const extra = await api.post<Err>(`/api/cards/${card.id}/checklist`, { text: 'x', done: true });
    expect(extra.status).toBe(400);
    const missing = await api.patch<Err>(`/api/cards/${card.id}/checklist/${card.id}`, { done: true });
    expect(missing.status).toBe(404);
    expect((await api.get<{ card: Card }>(`/api/cards/${card.id}`)).body.card.version).toBe(1);
  });

  it('a viewer may not change a checklist', async () => {
    const card = await newCard('Viewer');
    const res = await team.byRole.viewer.api.post<Err>(`/api/cards/${card.id}/checklist`, { text: 'Nope' });
    expect(res.status).toBe(403);
  });

  it('another open board sees the item and its tick live', async () => {
    const card = await newCard('Live checklist');
    const c = new WsClient({ baseUrl: t.baseUrl, token: team.byRole.viewer.token });
    clients.push(c);
    await c.connect();
    await c.openBoard(team.boards.planned);
    const added = await team.byRole.member.api.post<Card>(`/api/cards/${card.id}/checklist`, { text: 'Tell the on-call' });
    await team.byRole.member.api.patch(`/api/cards/${card.id}/checklist/${added.body.checklist[0]!.id}`, { done: true });
    await c.waitFor(() => c.boards.get(team.boards.planned)?.cards.get(card.id)?.checklist[0]?.done === true);
    expect(c.boards.get(team.boards.planned)!.cards.get(card.id)!.checklist).toEqual([{ id: added.body.checklist[0]!.id, text: 'Tell the on-call', done: true }]);
  });
});

describe('Definition of Done', () => {
  let board: Board;
  it('admin or PO sets the criteria; a member may not', async () => {
    const refused = await team.byRole.member.api.put<Err>(`/api/boards/${team.boards.planned}/definition-of-done`, { criteria: [{ text: 'Tests pass' }] });
    expect(refused.status).toBe(403);
    const blank = await team.byRole.po.api.put<Err>(`/api/boards/${team.boards.planned}/definition-of-done`, { criteria: [{ text: 'ok' }, { text: ' ' }] });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.field).toBe('criteria[1].text');
    const res = await team.byRole.po.api.put<Board>(`/api/boards/${team.boards.planned}/definition-of-done`, { criteria: [{ text: 'Tests pass' }, { text: 'Runbook updated' }] });
    expect(res.status).toBe(200);
    board = res.body;
    expect(board.definitionOfDone.map((c) => c.text)).toEqual(['Tests pass', 'Runbook updated']);
    // Keeping an id keeps the criterion; renaming it is fine.
    const again = await team.byRole.po.api.put<Board>(`/api/boards/${team.boards.planned}/definition-of-done`, {
      criteria: [{ id: board.definitionOfDone[0]!.id, text: 'All tests pass' }, { id: board.definitionOfDone[1]!.id, text: 'Runbook updated' }],
    });
    expect(again.body.definitionOfDone.map((c) => c.id)).toEqual(board.definitionOfDone.map((c) => c.id));
    board = again.body;
  });

  it('refuses a move into done with a 409 naming what is missing, lets a reason through, and passes once ticked', async () => {
    const api = team.byRole.member.api;
    const card = await newCard('Patch day', { checklist: ['Patch staging'] });
    const refused = await api.post<Err>(`/api/cards/${card.id}/move`, { toColumnId: cols.done.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('dod_unmet');
    expect(refused.body.error.message).toContain('"All tests pass"');
    expect(refused.body.error.message).toContain('1 checklist item open');
    expect((refused.body.error.details.criteria as unknown[]).length).toBe(2);
    expect((await api.get<{ card: Card }>(`/api/cards/${card.id}`)).body.card.columnId).toBe(cols.doing.id);

    for (const c of board.definitionOfDone) {
      const tick = await api.put<Card>(`/api/cards/${card.id}/dod/${c.id}`, { done: true });
      expect(tick.status).toBe(200);
    }
    const stillOpen = await api.post<Err>(`/api/cards/${card.id}/move`, { toColumnId: cols.done.id });
    expect(stillOpen.status).toBe(409);
    expect(stillOpen.body.error.details.criteria).toEqual([]);
    const current = (await api.get<{ card: Card }>(`/api/cards/${card.id}`)).body.card;
    await api.patch(`/api/cards/${card.id}/checklist/${current.checklist[0]!.id}`, { done: true });
    const moved = await api.post<Card>(`/api/cards/${card.id}/move`, { toColumnId: cols.done.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.columnId).toBe(cols.done.id);
  });

  it('an override reason lets the card in and is recorded', async () => {
    const card = await newCard('Hotfix');
    const moved = await team.byRole.member.api.post<Card>(`/api/cards/${card.id}/move`, { toColumnId: cols.done.id, overrideReason: 'Released under the incident' });
    expect(moved.status).toBe(200);
    expect(moved.body.overrideReason).toBe('Released under the incident');
  });

  it('creating straight into done is checked too; unknown criteria are 404', async () => {
    const res = await team.byRole.member.api.post<Err>(`/api/boards/${team.boards.planned}/cards`, { title: 'Born done', columnId: cols.done.id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('dod_unmet');
    const card = await newCard('Unknown criterion');
    const tick = await team.byRole.member.api.put<Err>(`/api/cards/${card.id}/dod/${card.id}`, { done: true });
    expect(tick.status).toBe(404);
  });
});
