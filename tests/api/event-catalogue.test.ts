/**
 * The catalogue check every API suite runs when its database closes
 * (tests/helpers/event-catalogue.ts) must see each kind of mismatch; here
 * broken rows are written behind the API's back, found, and removed again.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '@opsboard/shared';
import { catalogueProblems } from '../helpers/event-catalogue.js';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  team = await createTeam(t.app, 'Catalogue');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

async function append(streamId: string, type: string, payload: unknown): Promise<void> {
  await db.database.db.execute(sql`
    WITH s AS (UPDATE streams SET last_seq = last_seq + 1 WHERE id = ${streamId} RETURNING last_seq, team_id)
    INSERT INTO events (stream_id, seq, team_id, type, payload) SELECT ${streamId}, s.last_seq, s.team_id, ${type}, ${JSON.stringify(payload)}::jsonb FROM s
  `);
}

async function lastSeq(streamId: string): Promise<number> {
  const [row] = (await db.database.db.execute<{ last_seq: number | string }>(sql`SELECT last_seq FROM streams WHERE id = ${streamId}`)).rows;
  return Number(row!.last_seq);
}

/** Puts a stream back as the API left it, so this file's own closing check passes. */
async function rollBack(streamId: string, seq: number): Promise<void> {
  await db.database.db.execute(sql`DELETE FROM events WHERE stream_id = ${streamId} AND seq > ${seq}`);
  await db.database.db.execute(sql`UPDATE streams SET last_seq = ${seq} WHERE id = ${streamId}`);
}

describe('the event catalogue check', () => {
  it('passes what the API wrote and names every kind of mismatch written behind its back', async () => {
    const card = await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Real card' });
    expect(card.status).toBe(201);
    expect(await catalogueProblems(db.database)).toEqual([]);

    const board = team.boards.planned;
    const teamStream = team.team.id;
    const held = { board: await lastSeq(board), team: await lastSeq(teamStream) };
    await append(board, 'card.archived', { card: { ...card.body, version: 'two' } });
    await append(board, 'card.archived', { card: card.body, why: 'a field the catalogue does not know' });
    await append(board, 'member.removed', { userId: team.admin.id });
    await append(teamStream, 'card.teleported', { cardId: card.body.id });
    // A number handed out without its event: a gap every reader would stall on.
    await db.database.db.execute(sql`UPDATE streams SET last_seq = last_seq + 1 WHERE id = ${teamStream}`);

    const problems = (await catalogueProblems(db.database)).join('\n');
    expect(problems).toMatch(new RegExp(`seq ${held.board + 1} \\(card\\.archived\\): payload: /card/version`));
    expect(problems).toMatch(new RegExp(`seq ${held.board + 2} \\(card\\.archived\\): payload: `));
    expect(problems).toMatch(new RegExp(`seq ${held.board + 3} \\(member\\.removed\\): not an event of a board stream`));
    expect(problems).toMatch(new RegExp(`seq ${held.team + 1} \\(card\\.teleported\\): not an event of a team stream`));
    expect(problems).toMatch(new RegExp(`team stream ${teamStream}: seqs are not 1\\.\\.${held.team + 2}`));
    // The client's boundary refuses both bad payloads too.
    expect(problems).toMatch(new RegExp(`seq ${held.board + 1} \\(card\\.archived\\): the client's boundary check refuses it`));
    expect(problems).toMatch(new RegExp(`seq ${held.board + 2} \\(card\\.archived\\): the client's boundary check refuses it`));
    expect(problems.split('\n')).toHaveLength(7);

    await rollBack(board, held.board);
    await rollBack(teamStream, held.team);
    expect(await catalogueProblems(db.database)).toEqual([]);
  });
});
