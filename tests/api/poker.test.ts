/**
 * Planning poker over websockets with five clients. Before a reveal no message
 * on the wire and no API answer to another person carries a vote's value: the
 * raw text of every message is checked. Reveal delivers all votes to all, a
 * reconnecting voter keeps their vote, accept updates a board subscriber, a
 * viewer watches but cannot vote, and only the facilitator reveals and accepts.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, CardPokerHistory, Feature, PokerReference, PokerSession, PokerSessionSummary } from '@opsboard/shared';
import { createTeam, createTestDatabase, signup, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let extra: TestUser;
const cards: Card[] = [];

type ErrorBody = { error: { code: string; message: string; details?: { field?: string } } };

/** A socket that keeps every message exactly as it arrived. */
class RawClient {
  raw: string[] = [];
  socket!: WebSocket;
  constructor(
    readonly name: string,
    private readonly token: string,
  ) {}
  async connect(): Promise<void> {
    this.socket = new WebSocket(`${t.baseUrl.replace(/^http/, 'ws')}/api/ws`, { headers: { authorization: `Bearer ${this.token}` } });
    this.socket.on('message', (data) => this.raw.push(data.toString()));
    await new Promise<void>((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    await this.until((m) => m.type === 'hello');
  }
  subscribe(streamId: string, sinceSeq: number): Promise<void> {
    this.socket.send(JSON.stringify({ type: 'subscribe', streamId, sinceSeq }));
    return this.until((m) => m.type === 'subscribed' && m.streamId === streamId);
  }
  messages(): { type: string; streamId?: string; event?: { type: string; payload: Record<string, unknown> }; viewers?: { userId: string }[] }[] {
    return this.raw.map((r) => JSON.parse(r) as ReturnType<RawClient['messages']>[number]);
  }
  events(type: string) {
    return this.messages().filter((m) => m.type === 'event' && m.event?.type === type);
  }
  async until(predicate: (m: ReturnType<RawClient['messages']>[number]) => boolean, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!this.messages().some(predicate)) {
      if (Date.now() - start > timeoutMs) throw new Error(`${this.name}: timed out; last: ${this.raw.slice(-3).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  kill(): void {
    this.socket.terminate();
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true });
  team = await createTeam(t.app, 'Poker');
  extra = await signup(t.app, 'Poker second member');
  expect((await team.admin.api.post(`/api/teams/${team.team.id}/invitations`, { email: extra.email, role: 'member' })).status).toBe(201);
  for (const [title, description] of [
    ['Rotate the TLS certificates', 'Renew before expiry.\n\n## Acceptance\n- no downtime'],
    ['Backup restore drill', 'Quarterly drill'],
    ['Upgrade Postgres to 16', ''],
    ['Dashboards for the queue', ''],
  ] as const) {
    const res = await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title, description, type: 'story' });
    expect(res.status).toBe(201);
    cards.push(res.body);
  }
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const url = (id: string, action = '') => `/api/poker/${id}${action}`;

describe('planning poker', () => {
  let session: PokerSession;

  it('a PO, an admin or a feature lead opens a session; a plain member cannot', async () => {
    const refused = await team.byRole.member.api.post<ErrorBody>(`/api/teams/${team.team.id}/poker`, { deck: 'fibonacci', cardIds: [cards[0]!.id] });
    expect(refused.status).toBe(403);

    const feature = await team.admin.api.post<Feature>(`/api/teams/${team.team.id}/features`, { name: 'Lead feature', leadId: team.byRole.member.id });
    expect(feature.status).toBe(201);
    const byLead = await team.byRole.member.api.post<PokerSession>(`/api/teams/${team.team.id}/poker`, { name: 'Lead session', deck: 'tshirt', cardIds: [] });
    expect(byLead.status).toBe(201);
    expect(byLead.body.deck.map((c) => c.label)).toEqual(['XS', 'S', 'M', 'L', 'XL', 'XXL', '?', 'coffee']);

    const badDeck = await team.admin.api.post<ErrorBody>(`/api/teams/${team.team.id}/poker`, { deck: 'custom', customDeck: [{ label: 'one', points: 1 }], cardIds: [] });
    expect(badDeck.status).toBe(400);
    expect(badDeck.body.error.details?.field).toBe('customDeck');
    const badCard = await team.admin.api.post<ErrorBody>(`/api/teams/${team.team.id}/poker`, { deck: 'fibonacci', cardIds: [cards[0]!.id, team.team.id] });
    expect(badCard.status).toBe(400);
    expect(badCard.body.error.details?.field).toBe('cardIds/1');

    const res = await team.admin.api.post<PokerSession>(`/api/teams/${team.team.id}/poker`, { name: 'Sprint 12 refinement', deck: 'fibonacci', cardIds: [cards[0]!.id, cards[1]!.id] });
    expect(res.status).toBe(201);
    session = res.body;
    expect(session.facilitatorId).toBe(team.admin.id);
    expect(session.currentItemId).toBe(session.items[0]!.id);
    expect(session.round).toMatchObject({ number: 1, status: 'voting', voted: [], myVote: null, votes: null });

    const list = await team.byRole.viewer.api.get<PokerSessionSummary[]>(`/api/teams/${team.team.id}/poker`);
    expect(list.body.map((s) => s.name)).toContain('Sprint 12 refinement');
  });

  it('five clients: no vote value on the wire before the reveal, all of them after; reconnect keeps a vote; accept updates a board subscriber', async () => {
    const voters = { admin: team.admin, po: team.byRole.po, member: team.byRole.member, extra };
    const viewer = team.byRole.viewer;
    const clients = {
      admin: new RawClient('admin', voters.admin.token),
      po: new RawClient('po', voters.po.token),
      member: new RawClient('member', voters.member.token),
      extra: new RawClient('extra', voters.extra.token),
      viewer: new RawClient('viewer', viewer.token),
    };
    for (const c of Object.values(clients)) {
      await c.connect();
      await c.subscribe(session.id, session.seq);
    }
    // A board subscriber, as an open board page is.
    const board = new WsClient({ baseUrl: t.baseUrl, token: viewer.token });
    await board.connect();
    await board.openBoard(team.boards.planned);

    // Presence: who is in the session.
    await clients.admin.until((m) => m.type === 'presence' && m.streamId === session.id && (m.viewers?.length ?? 0) === 5);

    // The viewer watches but cannot vote.
    const joined = await viewer.api.post<PokerSession>(url(session.id, '/join'), {});
    expect(joined.status).toBe(200);
    expect(joined.body.participants.find((p) => p.userId === viewer.id)?.role).toBe('viewer');
    const viewerVote = await viewer.api.post<ErrorBody>(url(session.id, '/vote'), { value: '5' });
    expect(viewerVote.status).toBe(403);
    expect(viewerVote.body.error.code).toBe('forbidden');
    expect((await viewer.api.post(url(session.id, '/join'), { role: 'voter' })).status).toBe(403);

    // A value that is not in the deck: 400 naming the field, nothing changes.
    const bad = await voters.po.api.post<ErrorBody>(url(session.id, '/vote'), { value: '4' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.field).toBe('value');

    const cast = { admin: '5', po: '8', member: '3', extra: '5' } as const;
    for (const [name, value] of Object.entries(cast) as [keyof typeof cast, string][]) {
      const res = await voters[name].api.post<PokerSession>(url(session.id, '/vote'), { value });
      expect(res.status).toBe(200);
      expect(res.body.round?.myVote).toBe(value);
      expect(res.body.round?.votes).toBeNull();
    }
    for (const c of Object.values(clients)) await c.until((m) => m.type === 'event' && m.event?.type === 'poker.voted' && m.event.payload.userId === extra.id);

    // What another person reads before the reveal: who voted, their own vote, nobody else's.
    const seenByPo = await voters.po.api.get<PokerSession>(url(session.id));
    expect(seenByPo.body.round).toMatchObject({ status: 'voting', myVote: '8', votes: null, stats: null });
    expect([...seenByPo.body.round!.voted].sort()).toEqual(Object.values(voters).map((u) => u.id).sort());
    const seenByViewer = await viewer.api.get<PokerSession>(url(session.id));
    expect(seenByViewer.body.round?.myVote).toBeNull();
    expect(JSON.stringify(seenByViewer.body)).not.toMatch(/"value"/);
    expect(JSON.stringify(seenByPo.body)).not.toMatch(/"value"/);
    // The stream's catch-up read (what a resubscribing client gets) carries no value either.
    const log = await viewer.api.get<{ events: unknown[] }>(`/api/boards/${session.id}/events?since=0`);
    if (log.status === 200) expect(JSON.stringify(log.body)).not.toMatch(/"value"/);

    // A voter who drops and reconnects is back in the same round with their vote.
    const roundId = seenByPo.body.round!.id;
    clients.member.kill();
    const back = new RawClient('member again', voters.member.token);
    await back.connect();
    await back.subscribe(session.id, 0);
    const again = await voters.member.api.get<PokerSession>(url(session.id));
    expect(again.body.round).toMatchObject({ id: roundId, myVote: '3', status: 'voting' });
    clients.member = back;

    // Only the facilitator reveals: nothing was on the wire with a value until now.
    expect((await voters.po.api.post<ErrorBody>(url(session.id, '/reveal'))).status).toBe(403);
    for (const c of Object.values(clients)) {
      for (const raw of c.raw) expect(raw, `${c.name} received a vote value before the reveal`).not.toMatch(/"value"/);
    }

    const revealed = await voters.admin.api.post<PokerSession>(url(session.id, '/reveal'));
    expect(revealed.status).toBe(200);
    expect(revealed.body.round?.stats).toMatchObject({ median: 5, spread: 5, consensus: false, highest: [voters.po.id], lowest: [voters.member.id], suggested: '5' });
    for (const c of Object.values(clients)) {
      await c.until((m) => m.type === 'event' && m.event?.type === 'poker.revealed');
      const votes = c.events('poker.revealed')[0]!.event!.payload.votes as { userId: string; value: string }[];
      expect(Object.fromEntries(votes.map((v) => [v.userId, v.value]))).toEqual(Object.fromEntries(Object.entries(cast).map(([n, v]) => [voters[n as keyof typeof cast].id, v])));
    }
    // After the reveal everyone reads every vote.
    expect((await viewer.api.get<PokerSession>(url(session.id))).body.round?.votes).toHaveLength(4);

    // Only the facilitator accepts; accepting writes the points as a card.updated on the board.
    expect((await voters.po.api.post(url(session.id, '/accept'), { value: '5' })).status).toBe(403);
    const notNumeric = await voters.admin.api.post<ErrorBody>(url(session.id, '/accept'), { value: 'coffee' });
    expect(notNumeric.status).toBe(400);
    expect(notNumeric.body.error.details?.field).toBe('value');
    const accepted = await voters.admin.api.post<PokerSession>(url(session.id, '/accept'), { value: '5' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.items[0]).toMatchObject({ status: 'accepted', finalValue: '5', finalPoints: 5, points: 5 });
    expect(accepted.body.currentItemId).toBe(session.items[1]!.id);
    await board.waitFor(() => board.snapshotOf(team.boards.planned).cards.find((c) => c.id === cards[0]!.id)?.points === 5);
    expect(board.applied.some((a) => a.type === 'card.updated')).toBe(true);
    await clients.viewer.until((m) => m.type === 'event' && m.event?.type === 'poker.round_started' && m.event.payload.cardId === cards[1]!.id);

    for (const c of Object.values(clients)) c.kill();
    board.kill();
  });

  it('re-vote keeps the rounds; the card and the session show the history', async () => {
    const admin = team.admin.api;
    await admin.post(url(session.id, '/vote'), { value: '13' });
    await team.byRole.po.api.post(url(session.id, '/vote'), { value: '3' });
    await admin.post(url(session.id, '/reveal'));
    const revote = await admin.post<PokerSession>(url(session.id, '/revote'));
    expect(revote.body.round).toMatchObject({ number: 2, status: 'voting', voted: [], myVote: null });
    // A vote after the reveal of a round is refused until the re-vote; now it counts.
    await admin.post(url(session.id, '/vote'), { value: '8' });
    await team.byRole.po.api.post(url(session.id, '/vote'), { value: '8' });
    const second = await admin.post<PokerSession>(url(session.id, '/reveal'));
    expect(second.body.round?.stats).toMatchObject({ consensus: true, median: 8 });
    const done = await admin.post<PokerSession>(url(session.id, '/accept'), { value: '8' });
    expect(done.body.currentItemId).toBeNull();
    expect(done.body.items[1]!.rounds.map((r) => r.votes.length)).toEqual([2, 2]);

    const history = await team.byRole.viewer.api.get<CardPokerHistory[]>(`/api/cards/${cards[1]!.id}/poker`);
    expect(history.status).toBe(200);
    expect(history.body).toHaveLength(1);
    expect(history.body[0]).toMatchObject({ sessionId: session.id, finalValue: '8', finalPoints: 8 });
    expect(history.body[0]!.rounds.map((r) => r.number)).toEqual([1, 2]);
    expect(history.body[0]!.rounds[0]!.stats).toMatchObject({ spread: 10, highest: [team.admin.id], lowest: [team.byRole.po.id] });
  });

  it('skip and come back; hand the facilitator role; references of similar size', async () => {
    const admin = team.admin.api;
    const queued = await admin.post<PokerSession>(url(session.id, '/cards'), { cardIds: [cards[2]!.id, cards[3]!.id, cards[0]!.id] });
    expect(queued.status).toBe(200);
    expect(queued.body.items).toHaveLength(4); // the first card was there already
    expect(queued.body.currentItemId).toBe(queued.body.items[2]!.id);
    const skipped = await admin.post<PokerSession>(url(session.id, '/skip'));
    expect(skipped.body.items[2]!.status).toBe('skipped');
    expect(skipped.body.currentItemId).toBe(skipped.body.items[3]!.id);
    const back = await admin.post<PokerSession>(url(session.id, `/items/${skipped.body.items[2]!.id}/current`));
    expect(back.body.currentItemId).toBe(skipped.body.items[2]!.id);
    expect(back.body.round?.number).toBe(2);

    expect((await admin.post<ErrorBody>(url(session.id, '/facilitator'), { userId: team.byRole.viewer.id })).status).toBe(400);
    expect((await admin.post(url(session.id, '/facilitator'), { userId: team.byRole.po.id })).status).toBe(200);
    expect((await admin.post(url(session.id, '/reveal'))).status).toBe(403);
    expect((await team.byRole.po.api.post(url(session.id, '/reveal'))).status).toBe(200);

    const refs = await team.byRole.member.api.get<PokerReference[]>(`/api/cards/${cards[2]!.id}/poker-references`);
    expect(refs.status).toBe(200);
    expect(refs.body.map((r) => r.cardId).sort()).toEqual([cards[0]!.id, cards[1]!.id].sort());
    expect(refs.body.every((r) => r.type === 'story')).toBe(true);

    const closed = await team.byRole.po.api.post<PokerSession>(url(session.id, '/close'));
    expect(closed.body.status).toBe('closed');
    expect((await team.byRole.member.api.post(url(session.id, '/vote'), { value: '1' })).status).toBe(409);
  });

  it("the team's custom deck: saved once (live to every member), used by deck \"custom\", refused when bad, cleared", async () => {
    const deckUrl = `/api/teams/${team.team.id}/poker/deck`;
    expect((await team.byRole.viewer.api.get<{ cards: unknown }>(deckUrl)).body).toEqual({ cards: null });
    const noDeck = await team.admin.api.post<ErrorBody>(`/api/teams/${team.team.id}/poker`, { deck: 'custom', cardIds: [] });
    expect(noDeck.status).toBe(400);
    expect(noDeck.body.error.details?.field).toBe('customDeck');

    const watcher = new RawClient('team watcher', team.byRole.member.token);
    await watcher.connect();
    await watcher.subscribe(team.team.id, 0);

    const saved = await team.byRole.po.api.put<{ cards: { label: string; points: number | null }[] }>(deckUrl, {
      cards: [
        { label: ' small ', points: 1 },
        { label: 'medium', points: 3 },
        { label: 'large', points: 8 },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.cards.map((c) => c.label)).toEqual(['small', 'medium', 'large']);
    await watcher.until((m) => m.type === 'event' && m.event?.type === 'poker.deck_saved');
    expect(watcher.events('poker.deck_saved')[0]!.event!.payload).toEqual({ cards: saved.body.cards });
    expect((await team.byRole.member.api.get(deckUrl)).body).toEqual(saved.body);

    const session = await team.admin.api.post<PokerSession>(`/api/teams/${team.team.id}/poker`, { name: 'Team deck session', deck: 'custom', cardIds: [] });
    expect(session.status).toBe(201);
    expect(session.body.deck.map((c) => c.label)).toEqual(['small', 'medium', 'large', '?', 'coffee']);
    // A session may still bring a deck of its own.
    const own = await team.admin.api.post<PokerSession>(`/api/teams/${team.team.id}/poker`, { deck: 'custom', customDeck: [{ label: 'a', points: 1 }, { label: 'b', points: 2 }], cardIds: [] });
    expect(own.body.deck.map((c) => c.label)).toEqual(['a', 'b', '?', 'coffee']);

    // Bad decks and people without the right are refused, and nothing changes.
    for (const [cards, field] of [
      [[{ label: 'one', points: 1 }], 'cards'],
      [[{ label: 'x', points: 1 }, { label: 'X', points: 2 }], 'cards'],
      [[{ label: 'x', points: -1 }, { label: 'y', points: 2 }], 'cards[0].points'],
      ['three', 'cards'],
    ] as const) {
      const bad = await team.byRole.po.api.put<ErrorBody>(deckUrl, { cards });
      expect(bad.status, JSON.stringify(cards)).toBe(400);
      expect(bad.body.error.details?.field).toBe(field);
    }
    expect((await team.byRole.viewer.api.put(deckUrl, { cards: [{ label: 'a', points: 1 }, { label: 'b', points: 2 }] })).status).toBe(403);
    expect((await team.byRole.member.api.get(deckUrl)).body).toEqual(saved.body);
    expect(watcher.events('poker.deck_saved')).toHaveLength(1);

    const cleared = await team.byRole.po.api.del<{ cards: unknown }>(deckUrl);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({ cards: null });
    await watcher.until(() => watcher.events('poker.deck_saved').length === 2);
    expect(watcher.events('poker.deck_saved')[1]!.event!.payload).toEqual({ cards: null });
    watcher.kill();
  });

  it('someone outside the team finds nothing', async () => {
    const outsider = await signup(t.app, 'Poker outsider');
    expect((await outsider.api.get(url(session.id))).status).toBe(404);
    expect((await outsider.api.post(url(session.id, '/join'), {})).status).toBe(404);
    const ws = new RawClient('outsider', outsider.token);
    await ws.connect();
    ws.socket.send(JSON.stringify({ type: 'subscribe', streamId: session.id, sinceSeq: 0 }));
    await ws.until((m) => m.type === 'rejected');
    ws.kill();
  });
});
