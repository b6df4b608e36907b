/**
 * Recurring cards: a cron-like schedule in the team's time zone; each due
 * occurrence becomes exactly one card, even with two instances running the
 * maintenance pass at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Recurrence, Team } from '@opsboard/shared';
import { connectPostgres, type Database } from '../../server/src/db/database.js';
import { runDueRecurrences } from '../../server/src/recurring/service.js';
import { createTeam, createTestDatabase, DB_KIND, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let bDatabase: Database;
let a: TestApp;
let b: TestApp;
let team: TestTeam;
// One clock both instances read; the test moves it.
let now = new Date('2026-03-27T12:00:00Z');
const clock = () => now;

type Err = { error: { code: string; details: Record<string, unknown> } };

beforeAll(async () => {
  db = await createTestDatabase();
  a = await startTestApp({ database: db.database, clock, instanceId: 'chores-a' });
  bDatabase = DB_KIND === 'postgres' ? connectPostgres({ url: db.url!, applicationName: 'opsboard-chores-b', onPoolError: () => undefined }) : db.database;
  b = await startTestApp({ database: bDatabase, clock, instanceId: 'chores-b' });
  team = await createTeam(a.app, 'Chores');
  const tz = await team.admin.api.patch<Team>(`/api/teams/${team.team.id}`, { timezone: 'Europe/Berlin' });
  expect(tz.status, JSON.stringify(tz.body)).toBe(200);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  if (bDatabase !== db?.database) await bDatabase?.close();
  await db?.close();
});

const chores = async (title: string) => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.selfservice}`)).body.cards.filter((c) => c.title === title);

describe('recurring cards', () => {
  it('validates the schedule and the board, naming the field; a member may not schedule', async () => {
    const url = `/api/teams/${team.team.id}/recurrences`;
    const bad = await team.admin.api.post<Err>(url, { boardId: team.boards.selfservice, title: 'x', schedule: '0 25 * * *' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.field).toBe('schedule');
    const other = await createTeam(a.app, 'Other chores');
    const board = await team.admin.api.post<Err>(url, { boardId: other.boards.planned, title: 'x', schedule: '0 9 * * *' });
    expect(board.body.error.details.field).toBe('boardId');
    expect((await team.byRole.member.api.post(url, { boardId: team.boards.selfservice, title: 'x', schedule: '0 9 * * *' })).status).toBe(403);
  });

  it('creates each occurrence once with two instances, at 09:00 Berlin across the DST change', async () => {
    const created = await team.byRole.po.api.post<Recurrence>(`/api/teams/${team.team.id}/recurrences`, {
      boardId: team.boards.selfservice,
      title: 'Restore test',
      checklist: ['Pick a backup', 'Restore to staging'],
      schedule: '0 9 * * *',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Friday 2026-03-27 12:00Z is 13:00 in Berlin: the next 09:00 is Saturday, still winter time.
    expect(created.body.nextAt).toBe('2026-03-28T08:00:00.000Z');

    // Not due yet: nothing happens.
    expect(await runDueRecurrences(a.services)).toBe(0);

    now = new Date('2026-03-28T08:00:30Z');
    const counts = await Promise.all([runDueRecurrences(a.services), runDueRecurrences(b.services), runDueRecurrences(a.services)]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    const cards = await chores('Restore test');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.type).toBe('chore');
    expect(cards[0]!.checklist.map((i) => i.text)).toEqual(['Pick a backup', 'Restore to staging']);

    // Sunday is summer time: 09:00 Berlin is 07:00Z.
    const listed = await team.byRole.viewer.api.get<Recurrence[]>(`/api/teams/${team.team.id}/recurrences`);
    expect(listed.body[0]!.nextAt).toBe('2026-03-29T07:00:00.000Z');
    now = new Date('2026-03-29T07:01:00Z');
    const again = await Promise.all([runDueRecurrences(b.services), runDueRecurrences(a.services)]);
    expect(again.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await chores('Restore test')).toHaveLength(2);

    // Stopped: no more cards.
    expect((await team.admin.api.del(`/api/recurrences/${created.body.id}`)).status).toBe(200);
    now = new Date('2026-03-31T07:01:00Z');
    expect(await runDueRecurrences(a.services)).toBe(0);
  });
});
