/**
 * A card's history names what its events mention by id: people, columns,
 * swimlanes, boards, features, iterations and linked cards, and keeps naming
 * them after they are renamed or archived.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Feature, HistoryEntry, Iteration, Lane } from '@opsboard/shared';
import { resolveNames } from '../../server/src/cards/history.js';
import { collectRefs } from '../../server/src/cards/history-refs.js';
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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('card history', () => {
  it('names every id an entry mentions, and the names survive renames and archiving', async () => {
    const team = await createTeam(t.app, 'History');
    const api = team.admin.api;
    const planned = (await api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
    const ssa = (await api.get<BoardSnapshot>(`/api/boards/${team.boards.selfservice}`)).body;
    const [backlog, ready, doing, review] = planned.columns;
    const feature = (await api.post<Feature>(`/api/teams/${team.team.id}/features`, { name: 'Postgres 16 upgrade' })).body;
    const iteration = (await api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { name: 'Iteration 14', startDate: '2026-11-23' })).body;
    const lane = (await api.post<Lane>(`/api/boards/${team.boards.planned}/lanes`, { name: 'Expedite' })).body;
    const other = (await api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Renew the wildcard certificate' })).body;
    let card = (await api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Upgrade the primary', columnId: ready!.id })).body;

    const edit = async (changes: Record<string, unknown>) => {
      const res = await api.patch<Card>(`/api/cards/${card.id}`, { version: card.version, ...changes });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      card = res.body;
    };
    const move = async (body: Record<string, unknown>) => {
      const res = await api.post<Card>(`/api/cards/${card.id}/move`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      card = res.body;
    };
    await edit({ iterationId: iteration.id, featureId: feature.id, assigneeIds: [team.byRole.member.id, team.byRole.po.id] });
    await edit({ links: [{ kind: 'blocks', cardId: other.id }] });
    await move({ toColumnId: review!.id, laneId: lane.id });
    await move({ toColumnId: doing!.id, laneId: null });
    await move({ toColumnId: ssa.columns[1]!.id, toBoardId: team.boards.selfservice });

    // Renamed and archived afterwards: the history still names them, as they are now.
    expect((await api.patch(`/api/iterations/${iteration.id}`, { name: 'Iteration 14: storage' })).status).toBe(200);
    expect((await api.post(`/api/columns/${review!.id}/archive`, {})).status).toBe(200);
    expect((await api.post(`/api/lanes/${lane.id}/archive`, {})).status).toBe(200);
    expect((await api.patch(`/api/boards/${team.boards.planned}`, { name: 'Platform work' })).status).toBe(200);

    const history = (await team.byRole.viewer.api.get<HistoryEntry[]>(`/api/cards/${card.id}/history`)).body;
    const named = (id: string) => {
      const entry = history.find((e) => JSON.stringify(e.payload).includes(id));
      return entry?.names[id];
    };
    expect(named(iteration.id)).toBe('Iteration 14: storage');
    expect(named(feature.id)).toBe('Postgres 16 upgrade');
    expect(named(team.byRole.member.id)).toBe(team.byRole.member.name);
    expect(named(team.byRole.po.id)).toBe(team.byRole.po.name);
    expect(named(other.id)).toBe(`#${other.number} Renew the wildcard certificate`);
    expect(named(review!.id)).toBe('Review');
    expect(named(lane.id)).toBe('Expedite');
    expect(named(team.boards.planned)).toBe('Platform work');
    expect(named(team.boards.selfservice)).toBe('Self-service & automation');
    expect(named(backlog!.id)).toBeUndefined(); // never mentioned
    // Every id of every entry's payload that the team knows is named.
    for (const e of history) {
      const ids = JSON.stringify(e.payload).match(new RegExp(UUID.source, 'gi')) ?? [];
      for (const id of ids) if (id !== card.id && id !== e.streamId) expect(e.names, `${e.type} ${id}`).toHaveProperty(id);
    }
  });

  it('never lends a name from another team', async () => {
    const mine = await createTeam(t.app, 'Mine');
    const theirs = await createTeam(t.app, 'Theirs');
    const secret = (await theirs.admin.api.post<Card>(`/api/boards/${theirs.boards.planned}/cards`, { title: 'Their secret plan' })).body;
    const theirColumn = (await theirs.admin.api.get<BoardSnapshot>(`/api/boards/${theirs.boards.planned}`)).body.columns[0]!;
    const refs = collectRefs({ links: [{ kind: 'relates', cardId: secret.id }], columnId: theirColumn.id, toBoardId: theirs.boards.planned });
    expect(await resolveNames(t.deps.database.db, mine.team.id, refs)).toEqual(new Map());
    expect((await resolveNames(t.deps.database.db, theirs.team.id, refs)).get(secret.id)).toBe(`#${secret.number} Their secret plan`);
  });
});
