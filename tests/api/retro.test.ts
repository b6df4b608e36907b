/**
 * Retrospectives over the API and the websocket: notes stay private until
 * the reveal (on the wire too), votes are capped per person, only the
 * facilitator moves phases, actions become linked cards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, RetroView } from '@opsboard/shared';
import { createTeam, createTestDatabase, signup, startTestApp, type Response, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let fourth: TestUser;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true });
  team = await createTeam(t.app, 'Retro');
  fourth = await signup(t.app, 'Retro Fourth');
  const inv = await team.admin.api.post(`/api/teams/${team.team.id}/invitations`, { email: fourth.email, role: 'member' });
  expect(inv.status).toBe(201);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

function ok<T>(res: Response<T>): T {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function newRetro(body: Record<string, unknown> = {}): Promise<RetroView> {
  return ok(await team.admin.api.post<RetroView>(`/api/teams/${team.team.id}/retros`, { title: 'Sprint 7 retro', ...body }));
}

const phase = (u: TestUser, id: string, p: string) => u.api.post<RetroView>(`/api/retros/${id}/phase`, { phase: p });

describe('retrospectives', () => {
  it('keeps every note text off other clients and the wire until the reveal (four clients)', async () => {
    const people = [team.admin, team.byRole.po, team.byRole.member, fourth];
    const clients = people.map((p) => new WsClient({ baseUrl: t.baseUrl, token: p.token }));
    const raw: string[][] = people.map(() => []);
    for (const [i, c] of clients.entries()) {
      await c.connect();
      c.socket!.on('message', (m) => raw[i]!.push(m.toString()));
      c.subscribe(team.team.id, 0);
    }
    for (const c of clients) await c.waitFor(() => c.messages.some((m) => m.type === 'subscribed'));
    const retro = await newRetro();
    const id = retro.retro.id;
    ok(await phase(team.admin, id, 'write'));
    const secrets = people.map((p, i) => `secret-${i}-${p.id.slice(0, 8)}`);
    for (const [i, p] of people.entries()) ok(await p.api.post(`/api/retros/${id}/notes`, { quadrant: (['do', 'dont', 'try', 'avoid'] as const)[i], text: secrets[i] }));
    for (const c of clients) await c.waitFor(() => c.messages.filter((m) => m.type === 'event' && (m.event as { type: string }).type === 'retro.changed').length >= 5);
    // Each person reads their own note and counts of everyone's.
    for (const [i, p] of people.entries()) {
      const view = ok(await p.api.get<RetroView>(`/api/retros/${id}`));
      expect(view.notes.map((n) => n.text)).toEqual([secrets[i]]);
      expect(view.noteCounts).toEqual({ do: 1, dont: 1, try: 1, avoid: 1 });
      const text = JSON.stringify(view);
      for (const [j, s] of secrets.entries()) if (j !== i) expect(text).not.toContain(s);
    }
    // The wire carried no note text at all, to anyone.
    for (const frames of raw) for (const s of secrets) expect(frames.join('\n')).not.toContain(s);
    // A viewer reads counts only too.
    const viewerView = ok(await team.byRole.viewer.api.get<RetroView>(`/api/retros/${id}`));
    expect(viewerView.notes).toEqual([]);
    // Reveal: now everyone reads every note, with its author.
    ok(await phase(team.admin, id, 'group'));
    const after = ok(await team.byRole.member.api.get<RetroView>(`/api/retros/${id}`));
    expect(after.notes.map((n) => n.text).sort()).toEqual([...secrets].sort());
    expect(after.notes.find((n) => n.text === secrets[0])!.authorId).toBe(team.admin.id);
    // Still no text on the wire: clients reload their own view.
    for (const frames of raw) for (const s of secrets) expect(frames.join('\n')).not.toContain(s);
    for (const c of clients) await c.close();
  });

  it('hides authors after the reveal when anonymous', async () => {
    const { retro } = await newRetro({ anonymous: true });
    ok(await phase(team.admin, retro.id, 'write'));
    ok(await team.byRole.member.api.post(`/api/retros/${retro.id}/notes`, { quadrant: 'try', text: 'pair more' }));
    ok(await phase(team.admin, retro.id, 'group'));
    const view = ok(await team.byRole.po.api.get<RetroView>(`/api/retros/${retro.id}`));
    expect(view.notes).toEqual([expect.objectContaining({ text: 'pair more', authorId: null, mine: false })]);
    const own = ok(await team.byRole.member.api.get<RetroView>(`/api/retros/${retro.id}`));
    expect(own.notes[0]).toMatchObject({ authorId: team.byRole.member.id, mine: true });
  });

  it('lets only the facilitator move phases, one step at a time', async () => {
    const { retro } = await newRetro();
    expect((await phase(team.byRole.po, retro.id, 'write')).status).toBe(403);
    expect((await phase(team.byRole.member, retro.id, 'write')).status).toBe(403);
    expect((await phase(team.byRole.viewer, retro.id, 'write')).status).toBe(403);
    const skip = await phase(team.admin, retro.id, 'vote');
    expect(skip.status).toBe(400);
    expect(JSON.stringify(skip.body)).toContain('phase');
    expect(ok(await phase(team.admin, retro.id, 'write')).retro.phase).toBe('write');
    ok(await phase(team.admin, retro.id, 'group'));
    expect((await phase(team.admin, retro.id, 'write')).status).toBe(400);
  });

  it('caps votes per person, counts them per person, and a reconnecting participant keeps notes and votes', async () => {
    const { retro } = await newRetro({ votesPerPerson: 2 });
    const id = retro.id;
    ok(await phase(team.admin, id, 'write'));
    ok(await team.byRole.member.api.post(`/api/retros/${id}/notes`, { quadrant: 'do', text: 'keep the standup short' }));
    ok(await phase(team.admin, id, 'group'));
    const themed = ok(await team.byRole.member.api.post<RetroView>(`/api/retros/${id}/themes`, { title: 'Standups' }));
    const themeId = themed.themes[0]!.id;
    ok(await team.byRole.po.api.put(`/api/retro-notes/${themed.notes[0]!.id}/theme`, { themeId }));
    expect((await team.byRole.member.api.post(`/api/retros/${id}/votes`, { themeId })).status).toBe(409); // not voting yet
    ok(await phase(team.admin, id, 'vote'));
    ok(await team.byRole.member.api.post(`/api/retros/${id}/votes`, { themeId }));
    ok(await team.byRole.member.api.post(`/api/retros/${id}/votes`, { themeId }));
    const third = await team.byRole.member.api.post(`/api/retros/${id}/votes`, { themeId });
    expect(third.status).toBe(409);
    // Concurrent votes of one person still stop at the cap.
    await Promise.all([1, 2, 3, 4].map(() => team.byRole.po.api.post(`/api/retros/${id}/votes`, { themeId })));
    const view = ok(await team.byRole.member.api.get<RetroView>(`/api/retros/${id}`));
    expect(view.themes[0]).toMatchObject({ votes: 4, myVotes: 2 });
    expect(view.votesLeft).toBe(0);
    // A new connection (another session, the same person) finds their notes and votes.
    const again = ok(await team.byRole.member.session.get<RetroView>(`/api/retros/${id}`));
    expect(again.notes[0]).toMatchObject({ text: 'keep the standup short', mine: true, themeId });
    expect(again.votesUsed).toBe(2);
    ok(await team.byRole.member.api.del(`/api/retros/${id}/votes/${themeId}`));
    expect(ok(await team.byRole.member.api.get<RetroView>(`/api/retros/${id}`)).votesLeft).toBe(1);
  });

  it('turns an action into a card on the planned board, linked back; publishes a finished retro to other teams', async () => {
    const { retro } = await newRetro();
    const id = retro.id;
    for (const p of ['write', 'group', 'vote', 'discuss']) ok(await phase(team.admin, id, p));
    ok(await team.admin.api.post(`/api/retros/${id}/timer`, { minutes: 5 }));
    ok(await phase(team.admin, id, 'actions'));
    const view = ok(await team.byRole.member.api.post<RetroView>(`/api/retros/${id}/actions`, { title: 'Timebox standups to 15 minutes', ownerId: team.byRole.member.id, board: 'planned' }));
    const action = view.actions[0]!;
    expect(action.boardId).toBe(team.boards.planned);
    const snapshot = ok(await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`));
    const card = snapshot.cards.find((c) => c.id === action.cardId)!;
    expect(card).toMatchObject({ title: 'Timebox standups to 15 minutes', assigneeIds: [team.byRole.member.id] });
    expect(card.description).toContain(`/retros/${id}`);
    const ssa = ok(await team.admin.api.post<RetroView>(`/api/retros/${id}/actions`, { title: 'Pair on the runbook', ownerId: team.byRole.po.id, board: 'selfservice' }));
    expect(ssa.actions[1]!.boardId).toBe(team.boards.selfservice);

    const other = await createTeam(t.app, 'Elsewhere');
    expect((await other.byRole.viewer.api.get(`/api/retros/${id}`)).status).toBe(404);
    expect((await team.admin.api.post(`/api/retros/${id}/publish`)).status).toBe(409); // not finished
    ok(await phase(team.admin, id, 'done'));
    ok(await team.admin.api.post(`/api/retros/${id}/publish`));
    const shared = ok(await other.byRole.viewer.api.get<RetroView>(`/api/retros/${id}`));
    expect(shared.readOnly).toBe(true);
    expect(ok(await other.byRole.viewer.api.get<{ id: string }[]>('/api/retros/published')).map((r) => r.id)).toContain(id);
    expect((await other.byRole.viewer.api.get(`/api/teams/${team.team.id}/retros`)).status).toBe(404);
    expect((await other.byRole.viewer.api.post(`/api/retros/${id}/notes`, { quadrant: 'do', text: 'x' })).status).toBe(404);
  });

  it('answers bad input with 400 naming the field, and changes nothing', async () => {
    const { retro } = await newRetro();
    const id = retro.id;
    const cases: [string, Promise<Response>][] = [
      ['title', team.admin.api.post(`/api/teams/${team.team.id}/retros`, { title: '' })],
      ['votesPerPerson', team.admin.api.post(`/api/teams/${team.team.id}/retros`, { title: 'x', votesPerPerson: 99 })],
      ['iterationId', team.admin.api.post(`/api/teams/${team.team.id}/retros`, { title: 'x', iterationId: id })],
      ['morale', team.byRole.member.api.put(`/api/retros/${id}/checkin`, { morale: 6 })],
      ['mood', team.byRole.member.api.put(`/api/retros/${id}/checkin`, { morale: 3, mood: 'two words' })],
      ['phase', phase(team.admin, id, 'later')],
      ['extra', team.byRole.member.api.put(`/api/retros/${id}/checkin`, { morale: 3, extra: 1 })],
    ];
    for (const [field, req] of cases) {
      const res = await req;
      expect(res.status, field).toBe(400);
      expect(JSON.stringify(res.body), field).toContain(field);
    }
    ok(await phase(team.admin, id, 'write'));
    const quadrant = await team.byRole.member.api.post(`/api/retros/${id}/notes`, { quadrant: 'maybe', text: 'x' });
    expect(quadrant.status).toBe(400);
    expect(JSON.stringify(quadrant.body)).toContain('quadrant');
    const blank = await team.byRole.member.api.post(`/api/retros/${id}/notes`, { quadrant: 'do', text: '   ' });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toContain('text');
    const view = ok(await team.byRole.member.api.get<RetroView>(`/api/retros/${id}`));
    expect(view.noteCounts).toEqual({ do: 0, dont: 0, try: 0, avoid: 0 });
    expect(view.checkins.count).toBe(0);
    // A good check-in counts once per person.
    ok(await team.byRole.member.api.put(`/api/retros/${id}/checkin`, { morale: 4, mood: 'calm' }));
    ok(await team.byRole.member.api.put(`/api/retros/${id}/checkin`, { morale: 2, mood: null }));
    ok(await team.byRole.po.api.put(`/api/retros/${id}/checkin`, { morale: 4 }));
    const c = ok(await team.admin.api.get<RetroView>(`/api/retros/${id}`)).checkins;
    expect(c).toMatchObject({ count: 2, moraleAverage: 3, morale: [0, 1, 0, 1, 0], mine: null });
  });
});
