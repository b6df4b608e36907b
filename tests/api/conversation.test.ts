/** Comments, reactions, mentions and watchers: over HTTP and live over websockets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionHandle, type BoardSnapshot, type Card, type Comment, type HistoryEntry, type Notification, type WatchState } from '@opsboard/shared';
import { addGuest, createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let other: TestTeam;
let guest: TestUser;
let card: Card;
const clients: WsClient[] = [];

const handle = (u: TestUser) => `@${mentionHandle(u.email)}`;
type ErrorBody = { error: { code: string; message: string; details?: { field?: string } } };

async function connect(u: TestUser): Promise<WsClient> {
  const c = new WsClient({ baseUrl: t.baseUrl, token: u.token });
  await c.connect();
  clients.push(c);
  return c;
}
const notes = async (u: TestUser) => (await u.api.get<Notification[]>('/api/notifications')).body;
const notificationsOf = (c: WsClient) => c.messages.filter((m): m is { type: 'notification'; notification: Notification } => m.type === 'notification').map((m) => m.notification);

async function newCard(title: string, body: Record<string, unknown> = {}, by: TestUser = team.byRole.member): Promise<Card> {
  const res = await by.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true });
  team = await createTeam(t.app, 'Talk');
  other = await createTeam(t.app, 'Elsewhere');
  guest = await addGuest(t.app, team, 'Talk guest');
  card = await newCard('Rotate the etcd certificates');
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await t?.close();
  await db?.close();
});

describe('comments', () => {
  it('201 for a Markdown comment, listed oldest first, in the card history, live on the board stream', async () => {
    const watcher = await connect(team.byRole.viewer);
    await watcher.openBoard(team.boards.planned);
    const res = await team.byRole.member.api.post<Comment>(`/api/cards/${card.id}/comments`, { body: '  **Heads up**: renew before Friday  ' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ cardId: card.id, authorId: team.byRole.member.id, body: '**Heads up**: renew before Friday', reactions: [], editedAt: null });
    await watcher.waitFor(() => watcher.messages.some((m) => m.type === 'event' && m.event.type === 'comment.created'));
    const list = await team.byRole.viewer.api.get<Comment[]>(`/api/cards/${card.id}/comments`);
    expect(list.status).toBe(200);
    expect(list.body.map((c) => c.id)).toEqual([res.body.id]);
    const history = await team.byRole.viewer.api.get<HistoryEntry[]>(`/api/cards/${card.id}/history`);
    expect(history.body.map((h) => h.type)).toContain('comment.created');
  });

  it('400 naming body for a blank or missing body, and nothing is written', async () => {
    const before = (await team.admin.api.get<Comment[]>(`/api/cards/${card.id}/comments`)).body.length;
    const blank = await team.byRole.member.api.post<ErrorBody>(`/api/cards/${card.id}/comments`, { body: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details?.field).toBe('body');
    const missing = await team.byRole.member.api.post<ErrorBody>(`/api/cards/${card.id}/comments`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('body');
    const extra = await team.byRole.member.api.post<ErrorBody>(`/api/cards/${card.id}/comments`, { body: 'x', authorId: team.admin.id });
    expect(extra.status).toBe(400);
    const emoji = await team.byRole.member.api.post<ErrorBody>(`/api/cards/${card.id}/comments/${card.id}/reactions`, { emoji: '💩' });
    expect(emoji.status).toBe(400);
    expect(emoji.body.error.message).toContain('emoji');
    expect((await team.admin.api.get<Comment[]>(`/api/cards/${card.id}/comments`)).body.length).toBe(before);
  });

  it('403 for a viewer and a guest, 404 for someone outside the team', async () => {
    for (const u of [team.byRole.viewer, guest]) {
      const res = await u.api.post<ErrorBody>(`/api/cards/${card.id}/comments`, { body: 'May I?' });
      expect(res.status).toBe(403);
    }
    expect((await guest.api.get(`/api/cards/${card.id}/comments`)).status).toBe(403);
    expect((await other.admin.api.post(`/api/cards/${card.id}/comments`, { body: 'Hi' })).status).toBe(404);
    expect((await other.admin.api.get(`/api/cards/${card.id}/comments`)).status).toBe(404);
  });

  it('edit and delete: the author may, another member may not (403), a team admin may; each is an event', async () => {
    const c = (await team.byRole.po.api.post<Comment>(`/api/cards/${card.id}/comments`, { body: 'First draft' })).body;
    const byOther = await team.byRole.member.api.patch<ErrorBody>(`/api/cards/${card.id}/comments/${c.id}`, { body: 'Hijacked' });
    expect(byOther.status).toBe(403);
    const edited = await team.byRole.po.api.patch<Comment>(`/api/cards/${card.id}/comments/${c.id}`, { body: 'Second draft' });
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe('Second draft');
    expect(edited.body.editedAt).not.toBeNull();
    expect((await team.byRole.member.api.del(`/api/cards/${card.id}/comments/${c.id}`)).status).toBe(403);
    expect((await team.admin.api.del(`/api/cards/${card.id}/comments/${c.id}`)).status).toBe(200);
    expect((await team.admin.api.del(`/api/cards/${card.id}/comments/${c.id}`)).status).toBe(404);
    const types = (await team.admin.api.get<HistoryEntry[]>(`/api/cards/${card.id}/history`)).body.map((h) => h.type);
    expect(types).toEqual(expect.arrayContaining(['comment.edited', 'comment.deleted']));
    // Another card's id in the path does not reach this comment.
    const elsewhere = await newCard('Elsewhere');
    const mine = (await team.byRole.member.api.post<Comment>(`/api/cards/${card.id}/comments`, { body: 'Stay here' })).body;
    expect((await team.byRole.member.api.patch(`/api/cards/${elsewhere.id}/comments/${mine.id}`, { body: 'Moved?' })).status).toBe(404);
  });

  it('reactions toggle per person and reach the board stream', async () => {
    const c = (await team.byRole.member.api.post<Comment>(`/api/cards/${card.id}/comments`, { body: 'Renewed' })).body;
    const url = `/api/cards/${card.id}/comments/${c.id}/reactions`;
    expect((await team.byRole.po.api.post<Comment>(url, { emoji: '🎉' })).body.reactions).toEqual([{ emoji: '🎉', userIds: [team.byRole.po.id] }]);
    const both = (await team.admin.api.post<Comment>(url, { emoji: '🎉' })).body.reactions;
    expect(both).toEqual([{ emoji: '🎉', userIds: [team.byRole.po.id, team.admin.id] }]);
    const back = (await team.byRole.po.api.post<Comment>(url, { emoji: '🎉' })).body.reactions;
    expect(back).toEqual([{ emoji: '🎉', userIds: [team.admin.id] }]);
    expect((await team.byRole.viewer.api.post(url, { emoji: '👍' })).status).toBe(403);
    const listed = (await team.byRole.viewer.api.get<Comment[]>(`/api/cards/${card.id}/comments`)).body.find((x) => x.id === c.id)!;
    expect(listed.reactions).toEqual([{ emoji: '🎉', userIds: [team.admin.id] }]);
  });

  it('an Idempotency-Key repeat answers the first comment and writes nothing twice', async () => {
    const headers = { 'idempotency-key': `comment-${card.id}` };
    const a = await team.byRole.member.api.post<Comment>(`/api/cards/${card.id}/comments`, { body: 'Once' }, headers);
    const b = await team.byRole.member.api.post<Comment>(`/api/cards/${card.id}/comments`, { body: 'Once' }, headers);
    expect(b.body.id).toBe(a.body.id);
    const count = (await team.admin.api.get<Comment[]>(`/api/cards/${card.id}/comments`)).body.filter((c) => c.body === 'Once').length;
    expect(count).toBe(1);
  });
});

describe('mentions', () => {
  it('a mention notifies the person live (their bell), makes them a watcher, and ignores unknown handles and non-readers', async () => {
    const po = await connect(team.byRole.po);
    const target = await newCard('Patch the kernels');
    const res = await team.byRole.member.api.post<Comment>(`/api/cards/${target.id}/comments`, { body: `${handle(team.byRole.po)} can you take this? cc @nobody.here ${handle(guest)}` });
    expect(res.status).toBe(201);
    expect(res.body.mentionIds).toEqual([team.byRole.po.id]);
    await po.waitFor(() => notificationsOf(po).some((n) => n.kind === 'mention' && n.cardId === target.id));
    const n = notificationsOf(po).find((x) => x.kind === 'mention')!;
    expect(n.title).toContain(`#${target.number}`);
    expect(n.boardId).toBe(team.boards.planned);
    expect((await notes(guest)).filter((x) => x.cardId === target.id)).toEqual([]);
    expect((await team.byRole.po.api.get<WatchState>(`/api/cards/${target.id}/watch`)).body).toMatchObject({ watching: true, reason: 'watching' });
  });

  it('an edit tells only people it newly mentions', async () => {
    const target = await newCard('Edit mentions');
    const c = (await team.byRole.member.api.post<Comment>(`/api/cards/${target.id}/comments`, { body: `${handle(team.byRole.po)} first` })).body;
    await team.byRole.member.api.patch(`/api/cards/${target.id}/comments/${c.id}`, { body: `${handle(team.byRole.po)} and ${handle(team.admin)}` });
    expect((await notes(team.byRole.po)).filter((x) => x.cardId === target.id && x.kind === 'mention')).toHaveLength(1);
    expect((await notes(team.admin)).filter((x) => x.cardId === target.id && x.kind === 'mention')).toHaveLength(1);
  });
});

describe('watchers', () => {
  it('creator and assignees are told of comments, moves to done and blocks, live; the actor is not; Unwatch silences', async () => {
    const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
    const done = snapshot.columns.find((c) => c.category === 'done')!;
    const target = await newCard('Restore test', { assigneeIds: [team.byRole.po.id] }, team.byRole.member);
    const creator = await connect(team.byRole.member);
    const assignee = await connect(team.byRole.po);
    const viewerWs = await connect(team.byRole.viewer);
    expect((await team.byRole.viewer.api.put<WatchState>(`/api/cards/${target.id}/watch`)).body).toMatchObject({ watching: true, reason: 'watching', watcherCount: 3 });

    await team.admin.api.post(`/api/cards/${target.id}/comments`, { body: 'Scheduled for Tuesday' });
    for (const c of [creator, assignee, viewerWs]) await c.waitFor(() => notificationsOf(c).some((n) => n.cardId === target.id && n.kind === 'comment'));
    expect((await notes(team.admin)).filter((n) => n.cardId === target.id)).toEqual([]);

    const current = (await team.admin.api.get<{ card: Card }>(`/api/cards/${target.id}`)).body.card;
    expect((await team.admin.api.patch(`/api/cards/${target.id}`, { version: current.version, blocked: true, blockedReason: 'backup host down' })).status).toBe(200);
    for (const c of [creator, assignee, viewerWs]) await c.waitFor(() => notificationsOf(c).some((n) => n.cardId === target.id && n.kind === 'card_blocked'));
    expect(notificationsOf(creator).find((n) => n.kind === 'card_blocked')!.body).toBe('backup host down');

    expect((await team.byRole.po.api.del<WatchState>(`/api/cards/${target.id}/watch`)).body).toMatchObject({ watching: false, reason: 'none' });
    expect((await team.byRole.viewer.api.del<WatchState>(`/api/cards/${target.id}/watch`)).body.watching).toBe(false);
    expect((await team.admin.api.post(`/api/cards/${target.id}/move`, { toColumnId: done.id })).status).toBe(200);
    await creator.waitFor(() => notificationsOf(creator).some((n) => n.cardId === target.id && n.kind === 'card_done'));
    expect((await notes(team.byRole.po)).filter((n) => n.cardId === target.id && n.kind === 'card_done')).toEqual([]);
    expect((await notes(team.byRole.viewer)).filter((n) => n.cardId === target.id && n.kind === 'card_done')).toEqual([]);
  });

  it('an escalation tells the watchers (the person escalated to gets their own notice once)', async () => {
    const raised = await team.byRole.member.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title: 'Disk full on ci-9' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const id = raised.body.card.id;
    await team.byRole.viewer.api.put(`/api/cards/${id}/watch`);
    const res = await team.admin.api.post(`/api/interrupts/${id}/triage`, { action: 'escalate', userId: team.byRole.po.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await notes(team.byRole.viewer)).filter((n) => n.cardId === id).map((n) => n.kind)).toEqual(['escalation']);
    expect((await notes(team.byRole.po)).filter((n) => n.cardId === id).map((n) => n.kind)).toEqual(['interrupt.escalated']);
  });

  it('watch needs read access: 403 for a guest, 404 outside the team', async () => {
    expect((await guest.api.put(`/api/cards/${card.id}/watch`)).status).toBe(403);
    expect((await other.admin.api.put(`/api/cards/${card.id}/watch`)).status).toBe(404);
    expect((await other.admin.api.get(`/api/cards/${card.id}/watch`)).status).toBe(404);
  });
});
