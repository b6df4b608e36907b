/**
 * The metrics read model (server/src/metrics/history.ts) keeps each team's card steps in memory
 * and reads only the events appended since its last read. These tests change a team through a
 * second instance after the first one has read its metrics, then check that the first instance's
 * answers follow every kind of step (forward, backwards, blocked, archived, restored, across
 * boards) and equal an answer computed from nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, MetricsQuery, MetricsReport } from '@opsboard/shared';
import { connectPostgres, type Database } from '../../server/src/db/database.js';
import { readModelLimits } from '../../server/src/metrics/history.js';
import { metricsReport } from '../../server/src/metrics/service.js';
import { Api, createTeam, createTestDatabase, DB_KIND, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

const DAY = 86_400_000;
let now = new Date('2026-11-02T09:00:00Z'); // a Monday
const clock = () => now;
const range = 'from=2026-10-26&to=2026-11-20';

let db: TestDatabase;
let bDatabase: Database;
let a: TestApp;
let b: TestApp;
let team: TestTeam;
/** The admin's API on instance B. */
let onB: Api;
const col: Record<string, string> = {};
const ssCol: Record<string, string> = {};
const cards: Card[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  a = await startTestApp({ database: db.database, clock, instanceId: 'metrics-a' });
  // On PostgreSQL, B has its own pool (and so its own read model); PGlite lives in one process, so there they share one.
  bDatabase = DB_KIND === 'postgres' ? connectPostgres({ url: db.url!, applicationName: 'opsboard-metrics-b', onPoolError: () => undefined }) : db.database;
  b = await startTestApp({ database: bDatabase, clock, instanceId: 'metrics-b' });
  team = await createTeam(a.app, 'Live flow');
  onB = new Api(b.app, { token: team.admin.token });
  for (const c of (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body.columns) col[c.name] = c.id;
  for (const c of (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.selfservice}`)).body.columns) ssCol[c.category] ??= c.id;
  for (let i = 0; i < 5; i++) {
    const res = await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: `Live ${i}`, columnId: col['Ready'] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    cards.push(res.body);
  }
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  if (bDatabase !== db?.database) await bDatabase?.close();
  await db?.close();
});

const metricsOnA = async () => {
  const res = await team.admin.api.get<MetricsReport>(`/api/teams/${team.team.id}/metrics?${range}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
/** The same question answered inside a transaction: a handle of its own, so the steps are read from the whole log. */
const fromNothing = async () => {
  const query: MetricsQuery = { from: '2026-10-26', to: '2026-11-20' };
  const result = await db.database.db.transaction((tx) => metricsReport(tx, { teamId: team.team.id, boardId: null }, 'UTC', query, now));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return JSON.parse(JSON.stringify(result.value)) as MetricsReport;
};
const later = (days: number) => {
  now = new Date(now.getTime() + days * DAY);
};
async function onBOk(res: Promise<{ status: number; body: unknown }>) {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Card;
}

describe('metrics follow the log after they were first read', () => {
  it('every kind of step made through another instance shows in the next answer', async () => {
    // Instance A reads first (an hour after the cards were made): nothing started, five cards waiting.
    later(1 / 24);
    const before = await metricsOnA();
    expect(before.cycleTime!.points).toEqual([]);
    expect(before.wipAgeing!.cards).toEqual([]);
    expect(before.cfd!.days.at(-1)!.counts.reduce((s, n) => s + n, 0)).toBe(5);

    // Through instance B: card 0 runs to done with a blocked day; card 1 starts and goes back;
    // card 2 is archived and restored into progress; card 3 moves to the SS&A board in progress; card 4 stays.
    later(1);
    await onBOk(onB.post(`/api/cards/${cards[0]!.id}/move`, { toColumnId: col['In progress'] }));
    await onBOk(onB.post(`/api/cards/${cards[1]!.id}/move`, { toColumnId: col['In progress'] }));
    later(1);
    const c0 = (await onB.get<{ card: Card }>(`/api/cards/${cards[0]!.id}`)).body.card;
    await onBOk(onB.patch(`/api/cards/${cards[0]!.id}`, { version: c0.version, blocked: true, blockedReason: 'waiting on the vendor' }));
    await onBOk(onB.post(`/api/cards/${cards[1]!.id}/move`, { toColumnId: col['Ready'] }));
    await onBOk(onB.post(`/api/cards/${cards[2]!.id}/archive`, {}));
    later(1);
    const c0b = (await onB.get<{ card: Card }>(`/api/cards/${cards[0]!.id}`)).body.card;
    await onBOk(onB.patch(`/api/cards/${cards[0]!.id}`, { version: c0b.version, blocked: false, blockedReason: null }));
    await onBOk(onB.post(`/api/cards/${cards[2]!.id}/restore`, { columnId: col['In progress'] }));
    await onBOk(onB.post(`/api/cards/${cards[3]!.id}/move`, { toBoardId: team.boards.selfservice, toColumnId: ssCol['doing'] }));
    later(1);
    await onBOk(onB.post(`/api/cards/${cards[0]!.id}/move`, { toColumnId: col['Done'] }));
    later(1);

    const after = await metricsOnA();
    // Card 0: started day 1, finished day 4, one of its three days blocked.
    expect(after.cycleTime!.points.map((p) => [p.title, p.days])).toEqual([['Live 0', 3]]);
    const fe = after.flowEfficiency!.cards.find((c) => c.cardId === cards[0]!.id)!;
    expect(fe.blockedMs).toBe(DAY);
    expect(fe.activeMs).toBe(2 * DAY);
    // In progress now: card 2 (restored there) and card 3 (on the SS&A board); card 1 went back to waiting.
    expect(after.wipAgeing!.cards.map((c) => c.title).sort()).toEqual(['Live 2', 'Live 3']);
    const bands = after.cfd!.bands.map((x) => x.key);
    const last = after.cfd!.days.find((d) => d.date === now.toISOString().slice(0, 10))!.counts;
    expect(last[bands.indexOf('doing')]).toBe(2);
    expect(last[bands.indexOf('done')]).toBe(1);
    expect(after.throughput!.reduce((s, w) => s + w.count, 0)).toBe(1);

    // What A kept and brought up to date is what reading the whole log gives.
    expect(after).toEqual(await fromNothing());
  });

  it('a title changed after the first read shows as it is now, and a read between writes never sees half of one', async () => {
    await metricsOnA();
    const c0 = (await onB.get<{ card: Card }>(`/api/cards/${cards[0]!.id}`)).body.card;
    await onBOk(onB.patch(`/api/cards/${cards[0]!.id}`, { version: c0.version, title: 'Live 0, renamed' }));
    // Reads and moves at once: each answer is whole, and the last one equals a read from nothing.
    const reads = [];
    for (let i = 0; i < 4; i++) {
      reads.push(metricsOnA());
      reads.push(onBOk(onB.post(`/api/cards/${cards[4]!.id}/move`, { toColumnId: col[i % 2 === 0 ? 'In progress' : 'Ready'] })));
    }
    await Promise.all(reads);
    const answer = await metricsOnA();
    expect(answer.cycleTime!.points.map((p) => p.title)).toEqual(['Live 0, renamed']);
    expect(answer).toEqual(await fromNothing());
  });

  it('with tiny limits (two events per read, a few steps in memory) the answers stay the same: teams dropped and read again, logs read in windows', async () => {
    const saved = { ...readModelLimits };
    const other = await createTeam(a.app, 'Other flow');
    const otherCard = (await other.admin.api.post<Card>(`/api/boards/${other.boards.planned}/cards`, { title: 'Elsewhere' })).body;
    const tiny = { steps: 3, window: 2 };
    /** A read from nothing with the usual limits: one query, nothing dropped. */
    const expectedNow = async () => {
      Object.assign(readModelLimits, saved);
      try {
        return await fromNothing();
      } finally {
        Object.assign(readModelLimits, tiny);
      }
    };
    try {
      Object.assign(readModelLimits, tiny);
      later(1 / 24);
      const expected = await expectedNow();
      // Reading the other team drops this one (over three steps), so each read below starts from nothing, two events at a time.
      for (let i = 0; i < 2; i++) {
        expect((await other.admin.api.get(`/api/teams/${other.team.id}/metrics?${range}`)).status).toBe(200);
        const answer = await metricsOnA();
        expect(answer).toEqual(expected);
      }
      // And a move after that still shows.
      await onBOk(onB.post(`/api/cards/${cards[4]!.id}/move`, { toColumnId: col['Done'] }));
      await onBOk(new Api(b.app, { token: other.admin.token }).post(`/api/cards/${otherCard.id}/move`, { toColumnId: (await other.admin.api.get<BoardSnapshot>(`/api/boards/${other.boards.planned}`)).body.columns.find((c) => c.category === 'doing')!.id }));
      later(1 / 24);
      const answer = await metricsOnA();
      expect(answer.throughput!.reduce((n, w) => n + w.count, 0)).toBe(2);
      expect(answer).toEqual(await expectedNow());
    } finally {
      Object.assign(readModelLimits, saved);
    }
  });
});
