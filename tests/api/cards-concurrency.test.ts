/**
 * Races at the API: many requests at once against the guarded paths (WIP
 * limits, ranks, idempotency keys, versions). The file runs on PostgreSQL,
 * where the transactions really overlap (READ COMMITTED, row locks), and on
 * PGlite, which runs them one after another in its single process: every
 * invariant checked here must hold on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Column } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true });
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

type Err = { error: { code: string; message: string; details: Record<string, unknown> } };
type Event = { seq: number; type: string; payload: { card?: Card; to?: { columnId: string }; from?: { columnId: string } } };

async function freshBoard(name: string): Promise<{ team: TestTeam; boardId: string; columns: Column[] }> {
  const team = await createTeam(t.app, name);
  const board = await team.admin.api.post<{ id: string }>(`/api/teams/${team.team.id}/boards`, {
    kind: 'planned',
    name,
    columns: [
      { name: 'Backlog', category: 'backlog' },
      { name: 'Doing', category: 'doing', wipLimit: 3, wipPolicy: 'block' },
      { name: 'Review', category: 'doing', wipLimit: 2, wipPolicy: 'warn' },
      { name: 'Done', category: 'done' },
    ],
  });
  const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board.body.id}`)).body;
  return { team, boardId: board.body.id, columns: snapshot.columns };
}

async function createCards(user: TestUser, boardId: string, n: number, columnId?: string): Promise<Card[]> {
  const out: Card[] = [];
  for (let i = 0; i < n; i++) {
    const res = await user.api.post<Card>(`/api/boards/${boardId}/cards`, { title: `Card ${i + 1}`, ...(columnId && { columnId }) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    out.push(res.body);
  }
  return out;
}

async function allEvents(user: TestUser, boardId: string): Promise<Event[]> {
  const res = await user.api.get<{ events: Event[] }>(`/api/boards/${boardId}/events?since=0&limit=1000`);
  return res.body.events;
}

describe('WIP limits hold under concurrency', () => {
  it('50 concurrent moves into a block-limit-3 column: 3 land, 47 get 409, one event per landed move, never over the limit', async () => {
    const { team, boardId, columns } = await freshBoard('Race');
    const doing = columns[1]!;
    const cards = await createCards(team.admin, boardId, 50);
    const movers = [team.admin, team.byRole.po, team.byRole.member];
    const before = (await allEvents(team.admin, boardId)).length;

    const results = await Promise.all(cards.map((c, i) => movers[i % movers.length]!.api.post<Card | Err>(`/api/cards/${c.id}/move`, { toColumnId: doing.id })));
    const landed = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 409);
    expect(landed).toHaveLength(3);
    expect(refused).toHaveLength(47);
    for (const r of refused) {
      const body = r.body as Err;
      expect(body.error.code).toBe('wip_limit_exceeded');
      expect(body.error.details).toMatchObject({ scope: 'column', id: doing.id, name: 'Doing', limit: 3, count: 3 });
      expect(body.error.message).toContain('Doing');
    }

    const events = (await allEvents(team.admin, boardId)).slice(before);
    const moves = events.filter((e) => e.type === 'card.moved');
    expect(moves).toHaveLength(3);
    expect(events).toHaveLength(3);
    expect(new Set(moves.map((e) => e.payload.card!.id))).toEqual(new Set(landed.map((r) => (r.body as Card).id)));
    // Replaying the log, the column never held more than its limit.
    let inDoing = 0;
    let max = 0;
    for (const e of events) {
      if (e.payload.to?.columnId === doing.id) inDoing++;
      if (e.payload.from?.columnId === doing.id) inDoing--;
      max = Math.max(max, inDoing);
    }
    expect(max).toBe(3);
    const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
    expect(snapshot.cards.filter((c) => c.columnId === doing.id)).toHaveLength(3);
  });

  it('creates into a full block column are refused the same way', async () => {
    const { team, boardId, columns } = await freshBoard('CreateRace');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => team.admin.api.post<Card | Err>(`/api/boards/${boardId}/cards`, { title: `New ${i}`, columnId: columns[1]!.id })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).every((r) => (r.body as Err).error.code === 'wip_limit_exceeded')).toBe(true);
  });

  it('a warn-policy column asks for a reason, then lets the card in and records the reason in the log and on the card', async () => {
    const { team, boardId, columns } = await freshBoard('Warn');
    const review = columns[2]!;
    const cards = await createCards(team.admin, boardId, 3);
    for (const c of cards.slice(0, 2)) expect((await team.admin.api.post(`/api/cards/${c.id}/move`, { toColumnId: review.id })).status).toBe(200);
    const third = cards[2]!;
    const asked = await team.admin.api.post<Err>(`/api/cards/${third.id}/move`, { toColumnId: review.id });
    expect(asked.status).toBe(409);
    expect(asked.body.error.code).toBe('wip_override_required');
    expect(asked.body.error.details).toMatchObject({ policy: 'warn', limit: 2, count: 2 });
    const blank = await team.admin.api.post<Err>(`/api/cards/${third.id}/move`, { toColumnId: review.id, overrideReason: '   ' });
    expect(blank.status).toBe(409);
    const moved = await team.admin.api.post<Card>(`/api/cards/${third.id}/move`, { toColumnId: review.id, overrideReason: 'Hotfix review for the outage' });
    expect(moved.status).toBe(200);
    expect(moved.body.overrideReason).toBe('Hotfix review for the outage');
    const history = await team.admin.api.get<{ type: string; payload: { overrideReason: string | null } }[]>(`/api/cards/${third.id}/history`);
    expect(history.body.at(-1)).toMatchObject({ type: 'card.moved', payload: { overrideReason: 'Hotfix review for the outage' } });
    // Leaving the column clears the reason.
    const out = await team.admin.api.post<Card>(`/api/cards/${third.id}/move`, { toColumnId: columns[3]!.id });
    expect(out.body.overrideReason).toBeNull();
  });

  it('per-person limit: a third card in progress for the same person is refused; moves within doing columns are fine', async () => {
    const { team, boardId, columns } = await freshBoard('Person');
    expect((await team.admin.api.patch(`/api/boards/${boardId}`, { personWipLimit: 2, personWipPolicy: 'block' })).status).toBe(200);
    const who = team.byRole.member.id;
    const cards: Card[] = [];
    for (let i = 0; i < 3; i++) cards.push((await team.admin.api.post<Card>(`/api/boards/${boardId}/cards`, { title: `Mine ${i}`, assigneeIds: [who] })).body);
    const [a, b, c] = cards as [Card, Card, Card];
    expect((await team.admin.api.post(`/api/cards/${a.id}/move`, { toColumnId: columns[1]!.id })).status).toBe(200);
    expect((await team.admin.api.post(`/api/cards/${b.id}/move`, { toColumnId: columns[2]!.id })).status).toBe(200);
    const refused = await team.admin.api.post<Err>(`/api/cards/${c.id}/move`, { toColumnId: columns[1]!.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('person_wip_limit_exceeded');
    expect(refused.body.error.details).toMatchObject({ scope: 'person', id: who, limit: 2, count: 2 });
    // Between two doing columns the person's count does not change.
    expect((await team.admin.api.post(`/api/cards/${b.id}/move`, { toColumnId: columns[1]!.id })).status).toBe(200);
    // Adding the person to a card already in progress is checked too.
    const other = (await team.admin.api.post<Card>(`/api/boards/${boardId}/cards`, { title: 'Someone else', assigneeIds: [team.admin.id] })).body;
    const inProgress = (await team.admin.api.post<Card>(`/api/cards/${other.id}/move`, { toColumnId: columns[2]!.id })).body;
    const assign = await team.admin.api.patch<Err>(`/api/cards/${other.id}`, { version: inProgress.version, assigneeIds: [team.admin.id, who] });
    expect(assign.status).toBe(409);
    expect(assign.body.error.code).toBe('person_wip_limit_exceeded');
  });

  it('swimlane limits count cards of the lane across active columns', async () => {
    const { team, boardId, columns } = await freshBoard('Lanes');
    const lane = (await team.admin.api.post<{ id: string }>(`/api/boards/${boardId}/lanes`, { name: 'Expedite', wipLimit: 1, wipPolicy: 'block' })).body;
    const [x, y] = await createCards(team.admin, boardId, 2);
    expect((await team.admin.api.post(`/api/cards/${x!.id}/move`, { toColumnId: columns[1]!.id, laneId: lane.id })).status).toBe(200);
    const refused = await team.admin.api.post<Err>(`/api/cards/${y!.id}/move`, { toColumnId: columns[2]!.id, laneId: lane.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ scope: 'lane', name: 'Expedite', limit: 1 });
    // Moving the expedite card on within the lane is fine.
    expect((await team.admin.api.post(`/api/cards/${x!.id}/move`, { toColumnId: columns[2]!.id, laneId: lane.id })).status).toBe(200);
  });
});

describe('ranks', () => {
  it('concurrent moves and inserts at the same position get distinct keys and every client ends with the same order', async () => {
    const { team, boardId, columns } = await freshBoard('Ranks');
    const backlog = columns[0]!;
    const seed = await createCards(team.admin, boardId, 12);
    const anchor = seed[0]!;
    const clients = [new WsClient({ baseUrl: t.baseUrl, token: team.admin.token }), new WsClient({ baseUrl: t.baseUrl, token: team.byRole.viewer.token })];
    for (const c of clients) {
      await c.connect();
      await c.openBoard(boardId);
    }
    const ops = [
      ...seed.slice(1).map((c) => team.byRole.po.api.post(`/api/cards/${c.id}/move`, { toColumnId: backlog.id, afterCardId: anchor.id })),
      ...Array.from({ length: 10 }, (_, i) => team.byRole.po.api.post(`/api/boards/${boardId}/cards`, { title: `Inserted ${i}`, afterCardId: anchor.id })),
      ...Array.from({ length: 5 }, (_, i) => team.admin.api.post(`/api/boards/${boardId}/cards`, { title: `Top ${i}`, position: 0 })),
    ];
    const results = await Promise.all(ops);
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const server = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
    const keys = server.cards.filter((c) => c.columnId === backlog.id).map((c) => c.rank);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of clients) {
      await c.waitFor(() => c.seqOf(boardId) === server.seq);
      expect(c.snapshotOf(boardId)).toEqual(server);
      expect(c.duplicates).toBe(0);
      await c.close();
    }
  });

  it('a thousand-style pile-up into one gap stays short: keys are rebalanced and order is kept', async () => {
    const { team, boardId } = await freshBoard('Pileup');
    const [first] = await createCards(team.admin, boardId, 2);
    const titles: string[] = [];
    for (let i = 0; i < 300; i++) {
      const title = `P${i}`;
      titles.push(title);
      const res = await team.admin.api.post<Card>(`/api/boards/${boardId}/cards`, { title, afterCardId: first!.id });
      expect(res.status).toBe(201);
    }
    const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
    const order = snapshot.cards.map((c) => c.title);
    expect(order).toEqual(['Card 1', ...titles.reverse(), 'Card 2']);
    expect(Math.max(...snapshot.cards.map((c) => c.rank.length))).toBeLessThanOrEqual(41);
    const events = await allEvents(team.admin, boardId);
    expect(events.some((e) => e.type === 'cards.reranked')).toBe(true);
  });
});

describe('idempotency and versions', () => {
  it('a retry with the same Idempotency-Key returns the first result and changes nothing', async () => {
    const { team, boardId } = await freshBoard('Retry');
    const key = { 'idempotency-key': 'create-1' };
    const first = await team.admin.api.post<Card>(`/api/boards/${boardId}/cards`, { title: 'Once' }, key);
    const second = await team.admin.api.post<Card>(`/api/boards/${boardId}/cards`, { title: 'Once' }, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
    expect(snapshot.cards.filter((c) => c.title === 'Once')).toHaveLength(1);
    const events = await allEvents(team.admin, boardId);
    expect(events.filter((e) => e.type === 'card.created')).toHaveLength(1);
    // The same key from someone else is their own.
    const other = await team.byRole.member.api.post<Card>(`/api/boards/${boardId}/cards`, { title: 'Once' }, key);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('mutations whose answer is empty replay too (removing a member twice with one key)', async () => {
    const { team } = await freshBoard('EmptyReplay');
    const key = { 'idempotency-key': 'remove-viewer' };
    const first = await team.admin.api.del(`/api/teams/${team.team.id}/members/${team.byRole.viewer.id}`, key);
    const second = await team.admin.api.del(`/api/teams/${team.team.id}/members/${team.byRole.viewer.id}`, key);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
  });

  it('concurrent duplicates with one key create one card', async () => {
    const { team, boardId, columns } = await freshBoard('RetryRace');
    const card = (await createCards(team.admin, boardId, 1))[0]!;
    const key = { 'idempotency-key': 'move-race' };
    const results = await Promise.all(Array.from({ length: 8 }, () => team.admin.api.post<Card>(`/api/cards/${card.id}/move`, { toColumnId: columns[3]!.id }, key)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.body.version))).toEqual(new Set([card.version + 1]));
    const events = await allEvents(team.admin, boardId);
    expect(events.filter((e) => e.type === 'card.moved')).toHaveLength(1);
  });

  it('409 version_conflict with the current card for an edit based on an old version; nothing written', async () => {
    const { team, boardId } = await freshBoard('Versions');
    const card = (await createCards(team.admin, boardId, 1))[0]!;
    const a = await team.admin.api.patch<Card>(`/api/cards/${card.id}`, { version: card.version, title: 'First edit' });
    expect(a.status).toBe(200);
    expect(a.body.version).toBe(card.version + 1);
    const stale = await team.byRole.member.api.patch<Err>(`/api/cards/${card.id}`, { version: card.version, title: 'Lost update?' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.details.current).toMatchObject({ title: 'First edit', version: card.version + 1 });
    const detail = await team.admin.api.get<{ card: Card }>(`/api/cards/${card.id}`);
    expect(detail.body.card.title).toBe('First edit');
  });

  it('100 concurrent read-modify-write edits keep every accepted change (compare-and-set)', async () => {
    const { team, boardId } = await freshBoard('Cas');
    const card = (await createCards(team.admin, boardId, 1))[0]!;
    let accepted = 0;
    await Promise.all(
      Array.from({ length: 20 }, async (_, worker) => {
        for (let i = 0; i < 5; i++) {
          for (;;) {
            const current = (await team.admin.api.get<{ card: Card }>(`/api/cards/${card.id}`)).body.card;
            const res = await team.admin.api.patch<Card>(`/api/cards/${card.id}`, { version: current.version, description: `${current.description}w${worker}-${i}\n` });
            if (res.status === 200) {
              accepted++;
              break;
            }
            expect(res.status).toBe(409);
          }
        }
      }),
    );
    const final = (await team.admin.api.get<{ card: Card }>(`/api/cards/${card.id}`)).body.card;
    expect(accepted).toBe(100);
    const lines = final.description.trim().split('\n');
    expect(lines).toHaveLength(100);
    expect(new Set(lines).size).toBe(100);
  });
});
