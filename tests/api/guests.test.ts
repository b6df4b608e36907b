/**
 * The guest role (issue 10, "The method, more faithfully"): someone outside
 * the team (a customer developer or requester) raises interrupts, proposes
 * stories, is paired on a feature, and follows all of it; and sees nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, EventsPage, Feature, Interrupt, Iteration, IterationDetail, Member, MyRequest, MyRequests, MyWorkItem, RotationInfo, Team } from '@opsboard/shared';
import { addGuest, createTeam, createTestDatabase, signup, startTestApp, type TestApp, type TestDatabase, type TestTeam, type TestUser } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let guest: TestUser;
// Wednesday 25 Nov 2026, 09:00 UTC: the member is Person of the Week.
const clock = () => new Date('2026-11-25T09:00:00Z');

type Err = { error: { code: string; message: string; details?: { field?: string } } };

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, clock });
  team = await createTeam(t.app, 'Guests');
  guest = await addGuest(t.app, team, 'Casey Customer');
  const rotation = await team.admin.api.put<RotationInfo>(`/api/teams/${team.team.id}/rotation`, {
    memberIds: [team.byRole.member.id, team.byRole.po.id],
    handoffWeekday: 1,
    handoffTime: '09:00',
    timezone: 'UTC',
  });
  expect(rotation.status, JSON.stringify(rotation.body)).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const mine = async (who: TestUser = guest) => {
  const res = await who.api.get<MyRequests>(`/api/teams/${team.team.id}/my-requests`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const snap = async (boardId: string) => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
const column = async (boardId: string, name: string) => (await snap(boardId)).columns.find((c) => c.name === name)!;
const eventsAfter = async (streamId: string, since: number) => (await team.admin.api.get<EventsPage>(`/api/boards/${streamId}/events?since=${since}`)).body.events;
const seqOf = async (streamId: string) => (await team.admin.api.get<EventsPage>(`/api/boards/${streamId}/events?since=0&limit=1`)).body.seq;

describe('joining as a guest', () => {
  it('an invitation accepts the guest role: an existing account joins at once, a new one when it signs up', async () => {
    const members = (await team.admin.api.get<Member[]>(`/api/teams/${team.team.id}/members`)).body;
    expect(members.find((m) => m.userId === guest.id)?.role).toBe('guest');

    const invite = await team.admin.api.post<{ status: string }>(`/api/teams/${team.team.id}/invitations`, { email: 'requester@example.test', role: 'guest' });
    expect(invite.status).toBe(201);
    expect(invite.body.status).toBe('invited');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: 'requester@example.test', name: 'Robin Requester', password: 'a long enough passphrase' } });
    expect(res.statusCode).toBe(201);
    const after = (await team.admin.api.get<Member[]>(`/api/teams/${team.team.id}/members`)).body;
    expect(after.find((m) => m.email === 'requester@example.test')?.role).toBe('guest');
  });

  it('a guest sees the team’s name and their role, and the team in their list', async () => {
    const one = await guest.api.get<Team>(`/api/teams/${team.team.id}`);
    expect(one.status).toBe(200);
    expect(one.body.role).toBe('guest');
    expect((await guest.api.get<Team[]>('/api/teams')).body.map((x) => x.role)).toEqual(['guest']);
  });
});

describe('raising interrupts', () => {
  let raised: { card: Card; interrupt: Interrupt };

  it('lands in the interrupts inbox assigned to the PoTW, like any member’s, with an event on the board stream', async () => {
    const before = await seqOf(team.boards.interrupts);
    const res = await guest.api.post<{ card: Card; interrupt: Interrupt }>(`/api/teams/${team.team.id}/interrupts`, { title: 'Our staging VPN drops every hour', severity: 'high' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    raised = res.body;
    expect(raised.card.columnId).toBe((await column(team.boards.interrupts, 'Inbox')).id);
    expect(raised.card.assigneeIds).toEqual([team.byRole.member.id]);
    expect(raised.interrupt.requester).toBe('Casey Customer');
    const types = (await eventsAfter(team.boards.interrupts, before)).map((e) => e.type);
    expect(types).toEqual(['card.created', 'interrupt.received']);
  });

  it('shows in the guest’s requests with its state and who is on it', async () => {
    const [item] = (await mine()).requests;
    expect(item).toMatchObject({
      kind: 'interrupt',
      card: { cardId: raised.card.id, title: 'Our staging VPN drops every hour', boardKind: 'interrupts', columnName: 'Inbox', columnCategory: 'inbox', archived: false },
      triage: { status: 'untriaged', severity: 'high', triagedAt: null, escalatedTo: null, resolution: null },
      followUp: null,
    });
    expect(item!.card.assignees).toEqual([{ userId: team.byRole.member.id, name: team.byRole.member.name }]);
  });

  it('follows the triage: accepted, then converted into a story whose state becomes the request’s', async () => {
    const potw = team.byRole.member;
    expect((await potw.api.post(`/api/interrupts/${raised.card.id}/triage`, { action: 'accept', severity: 'critical' })).status).toBe(200);
    let [item] = (await mine()).requests;
    expect(item!.triage).toMatchObject({ status: 'accepted', severity: 'critical' });
    expect(item!.triage!.triagedAt).toBe(clock().toISOString());
    expect(item!.card.columnName).toBe('Accepted');

    const converted = await potw.api.post<{ created: Card }>(`/api/interrupts/${raised.card.id}/triage`, { action: 'convert', boardKind: 'selfservice' });
    expect(converted.status).toBe(200);
    [item] = (await mine()).requests;
    expect(item!.triage!.status).toBe('converted');
    expect(item!.followUp).toMatchObject({ cardId: converted.body.created.id, boardKind: 'selfservice', columnCategory: 'backlog', assignees: [] });
    // The story was created by the PoTW, not the guest: it is the request's follow-up, not a request of its own.
    expect((await mine()).requests).toHaveLength(1);
  });

  it('shows a duplicate by the number of the card it duplicates, and a close with its resolution', async () => {
    const a = (await guest.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title: 'Cannot log in to Grafana' })).body.card;
    const b = (await guest.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title: 'Grafana login broken' })).body.card;
    const potw = team.byRole.member;
    expect((await potw.api.post(`/api/interrupts/${b.id}/triage`, { action: 'duplicate', duplicateOfCardId: a.id })).status).toBe(200);
    expect((await potw.api.post(`/api/interrupts/${a.id}/triage`, { action: 'close', resolution: 'SSO certificate renewed' })).status).toBe(200);
    const byTitle = new Map((await mine()).requests.map((r) => [r.card.title, r]));
    expect(byTitle.get('Grafana login broken')!.triage).toMatchObject({ status: 'duplicate', duplicateOfNumber: a.number });
    expect(byTitle.get('Cannot log in to Grafana')!.triage).toMatchObject({ status: 'closed', resolution: 'SSO certificate renewed' });
    expect(byTitle.get('Cannot log in to Grafana')!.card.columnCategory).toBe('done');
  });

  it('a blank title is a 400 naming the field, and writes nothing', async () => {
    const before = await seqOf(team.boards.interrupts);
    const res = await guest.api.post<Err>(`/api/teams/${team.team.id}/interrupts`, { title: '   ' });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.field).toBe('title');
    expect(await seqOf(team.boards.interrupts)).toBe(before);
  });
});

describe('proposing stories', () => {
  it('a proposal lands at the bottom of the planned backlog whatever was there, with an event on the board stream', async () => {
    const backlog = await column(team.boards.planned, 'Backlog');
    for (const title of ['Ranked first', 'Ranked second']) {
      expect((await team.byRole.po.api.post(`/api/boards/${team.boards.planned}/cards`, { title, columnId: backlog.id })).status).toBe(201);
    }
    const before = await seqOf(team.boards.planned);
    const res = await guest.api.post<MyRequest>(`/api/teams/${team.team.id}/proposals`, { boardKind: 'planned', title: 'Export invoices as CSV', description: 'For our finance team.' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'proposal', triage: null, followUp: null, card: { title: 'Export invoices as CSV', boardKind: 'planned', columnName: 'Backlog', assignees: [] } });
    const inBacklog = (await snap(team.boards.planned)).cards.filter((c) => c.columnId === backlog.id).sort((x, y) => (x.rank < y.rank ? -1 : 1));
    expect(inBacklog.map((c) => c.title)).toEqual(['Ranked first', 'Ranked second', 'Export invoices as CSV']);
    const created = (await eventsAfter(team.boards.planned, before)).find((e) => e.type === 'card.created');
    expect(created?.actorId).toBe(guest.id);
    const card = inBacklog.at(-1)!;
    expect(card.type).toBe('story');
    expect(card.createdBy).toBe(guest.id);
  });

  it('into the SS&A backlog too; the PO moving it on shows in the guest’s list', async () => {
    const res = await guest.api.post<MyRequest>(`/api/teams/${team.team.id}/proposals`, { boardKind: 'selfservice', title: 'Self-service log access' });
    expect(res.status).toBe(201);
    expect(res.body.card.boardKind).toBe('selfservice');
    const ready = await column(team.boards.selfservice, 'Ready');
    expect((await team.byRole.po.api.post(`/api/cards/${res.body.card.cardId}/move`, { toColumnId: ready.id })).status).toBe(200);
    const item = (await mine()).requests.find((r) => r.card.cardId === res.body.card.cardId)!;
    expect(item.card.columnName).toBe('Ready');
  });

  it('an unknown board kind or a blank title is a 400 naming the field, and writes nothing', async () => {
    const before = await seqOf(team.boards.planned);
    const kind = await guest.api.post<Err>(`/api/teams/${team.team.id}/proposals`, { boardKind: 'interrupts', title: 'Nope' });
    expect(kind.status).toBe(400);
    expect(kind.body.error.details?.field).toBe('boardKind');
    const blank = await guest.api.post<Err>(`/api/teams/${team.team.id}/proposals`, { boardKind: 'planned', title: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details?.field).toBe('title');
    const extra = await guest.api.post<Err>(`/api/teams/${team.team.id}/proposals`, { boardKind: 'planned', title: 'X', columnId: team.boards.planned });
    expect(extra.status).toBe(400);
    expect(await seqOf(team.boards.planned)).toBe(before);
  });

  it('a viewer can neither propose nor raise, and has no requests page; an outsider gets 404', async () => {
    const viewer = team.byRole.viewer;
    expect((await viewer.api.post<Err>(`/api/teams/${team.team.id}/proposals`, { boardKind: 'planned', title: 'X' })).status).toBe(403);
    expect((await viewer.api.post<Err>(`/api/teams/${team.team.id}/interrupts`, { title: 'X' })).status).toBe(403);
    expect((await viewer.api.get<Err>(`/api/teams/${team.team.id}/my-requests`)).status).toBe(403);
    const outsider = await signup(t.app, 'Outsider');
    expect((await outsider.api.get<Err>(`/api/teams/${team.team.id}/my-requests`)).status).toBe(404);
    expect((await outsider.api.post<Err>(`/api/teams/${team.team.id}/proposals`, { boardKind: 'planned', title: 'X' })).status).toBe(404);
  });

  it('a member sees the cards they created, and only theirs', async () => {
    const own = (await team.byRole.po.api.get<MyRequests>(`/api/teams/${team.team.id}/my-requests`)).body;
    expect(own.role).toBe('po');
    expect(own.requests.map((r) => r.card.title).sort()).toEqual(['Ranked first', 'Ranked second']);
    expect((await mine()).requests.some((r) => r.card.title.startsWith('Ranked'))).toBe(false);
  });
});

describe('pairing a guest on a feature', () => {
  let feature: Feature;
  let iteration: Iteration;
  let story: Card;

  beforeAll(async () => {
    feature = (await team.byRole.po.api.post<Feature>(`/api/teams/${team.team.id}/features`, { name: 'Invoice export', leadId: team.byRole.member.id })).body;
    iteration = (await team.byRole.po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { startDate: '2026-11-23' })).body;
  });

  it('the lead puts the guest in a pair for the iteration', async () => {
    const res = await team.byRole.member.api.put(`/api/features/${feature.id}/pairs`, { iterationId: iteration.id, pairs: [[team.byRole.member.id, guest.id]] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('a guest is assigned only to cards of a feature: 400 naming the assignee, or featureId when the edit would drop the feature', async () => {
    const plain = await team.byRole.member.api.post<Err>(`/api/boards/${team.boards.planned}/cards`, { title: 'No feature', assigneeIds: [team.byRole.member.id, guest.id] });
    expect(plain.status).toBe(400);
    expect(plain.body.error.details?.field).toBe('assigneeIds[1]');

    const created = await team.byRole.member.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, {
      title: 'CSV export endpoint',
      featureId: feature.id,
      assigneeIds: [team.byRole.member.id, guest.id],
      points: 3,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    story = created.body;
    const dropped = await team.byRole.member.api.patch<Err>(`/api/cards/${story.id}`, { version: story.version, featureId: null });
    expect(dropped.status).toBe(400);
    expect(dropped.body.error.details?.field).toBe('featureId');
  });

  it('the guest sees the card they are paired on, with their pair and the columns it may move to (not the backlog)', async () => {
    const { work } = await mine();
    expect(work).toHaveLength(1);
    expect(work[0]).toMatchObject({ featureName: 'Invoice export', card: { cardId: story.id, title: 'CSV export endpoint', columnName: 'Backlog' } });
    expect(work[0]!.card.assignees.map((a) => a.name)).toEqual([team.byRole.member.name, 'Casey Customer']);
    expect(work[0]!.columns.map((c) => c.name)).toEqual(['Ready', 'In progress', 'Review', 'Done']);
  });

  it('the guest moves it to In progress through the WIP-guarded path, with a card.moved event', async () => {
    const before = await seqOf(team.boards.planned);
    const doing = await column(team.boards.planned, 'In progress');
    const res = await guest.api.post<MyWorkItem>(`/api/teams/${team.team.id}/my-work/${story.id}/move`, { toColumnId: doing.id, version: story.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.card.columnName).toBe('In progress');
    const events = await eventsAfter(team.boards.planned, before);
    expect(events.map((e) => e.type)).toEqual(['card.moved']);
    expect(events[0]!.actorId).toBe(guest.id);
    const stale = await guest.api.post<Err>(`/api/teams/${team.team.id}/my-work/${story.id}/move`, { toColumnId: doing.id, version: story.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
  });

  it('not into the backlog, not onto another board, not a card they do not hold; a full column refuses', async () => {
    const backlog = await column(team.boards.planned, 'Backlog');
    const toBacklog = await guest.api.post<Err>(`/api/teams/${team.team.id}/my-work/${story.id}/move`, { toColumnId: backlog.id });
    expect(toBacklog.status).toBe(400);
    expect(toBacklog.body.error.details?.field).toBe('toColumnId');
    const elsewhere = await column(team.boards.selfservice, 'Ready');
    const cross = await guest.api.post<Err>(`/api/teams/${team.team.id}/my-work/${story.id}/move`, { toColumnId: elsewhere.id });
    expect(cross.status).toBe(400);
    expect(cross.body.error.details?.field).toBe('toColumnId');

    const other = (await team.byRole.member.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Not theirs', featureId: feature.id })).body;
    const ready = await column(team.boards.planned, 'Ready');
    const notTheirs = await guest.api.post<Err>(`/api/teams/${team.team.id}/my-work/${other.id}/move`, { toColumnId: ready.id });
    expect(notTheirs.status).toBe(404);

    const review = await column(team.boards.planned, 'Review');
    expect((await team.byRole.po.api.patch(`/api/columns/${review.id}`, { wipLimit: 1, wipPolicy: 'block' })).status).toBe(200);
    expect((await team.byRole.member.api.post(`/api/boards/${team.boards.planned}/cards`, { title: 'Fills review', columnId: review.id })).status).toBe(201);
    const full = await guest.api.post<Err>(`/api/teams/${team.team.id}/my-work/${story.id}/move`, { toColumnId: review.id });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('wip_limit_exceeded');
  });

  it('a guest cannot lead a feature, be Person of the Week, cover a week or be escalated to; nor count in capacity', async () => {
    const lead = await team.byRole.po.api.post<Err>(`/api/teams/${team.team.id}/features`, { name: 'Led by a guest', leadId: guest.id });
    expect(lead.status).toBe(400);
    expect(lead.body.error.details?.field).toBe('leadId');
    const rotation = await team.admin.api.put<Err>(`/api/teams/${team.team.id}/rotation`, { memberIds: [team.byRole.member.id, guest.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' });
    expect(rotation.status).toBe(400);
    expect(rotation.body.error.details?.field).toBe('memberIds[1]');
    const cover = await team.admin.api.post<Err>(`/api/teams/${team.team.id}/rotation/overrides`, { kind: 'cover', userId: guest.id, start: '2026-11-26T00:00:00Z', end: '2026-11-27T00:00:00Z' });
    expect(cover.status).toBe(400);
    expect(cover.body.error.details?.field).toBe('userId');
    const raised = (await guest.api.post<{ card: Card }>(`/api/teams/${team.team.id}/interrupts`, { title: 'Escalate me' })).body.card;
    const escalate = await team.byRole.member.api.post<Err>(`/api/interrupts/${raised.id}/triage`, { action: 'escalate', userId: guest.id });
    expect(escalate.status).toBe(400);
    expect(escalate.body.error.details?.field).toBe('userId');
    const detail = (await team.byRole.po.api.get<IterationDetail>(`/api/iterations/${iteration.id}`)).body;
    expect(detail.capacity.perPerson.map((p) => p.userId)).not.toContain(guest.id);
  });
});

describe('role changes', () => {
  it('a member made a guest leaves the rotation and keeps only the guest’s view', async () => {
    const other = await createTeam(t.app, 'Demoted');
    const member = other.byRole.member;
    expect((await other.admin.api.put(`/api/teams/${other.team.id}/rotation`, { memberIds: [member.id, other.admin.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' })).status).toBe(200);
    expect((await other.admin.api.patch(`/api/teams/${other.team.id}/members/${member.id}`, { role: 'guest' })).status).toBe(200);
    const rotation = (await other.admin.api.get<RotationInfo>(`/api/teams/${other.team.id}/rotation`)).body;
    expect(rotation.settings?.memberIds).toEqual([other.admin.id]);
    expect((await member.api.get(`/api/boards/${other.boards.planned}`)).status).toBe(403);
    expect((await member.api.get(`/api/teams/${other.team.id}/my-requests`)).status).toBe(200);
  });

  it('a guest may leave the team, after which it does not exist for them', async () => {
    const leaver = await addGuest(t.app, team, 'Leaving guest');
    expect((await leaver.api.del(`/api/teams/${team.team.id}/members/${leaver.id}`)).status).toBe(200);
    expect((await leaver.api.get(`/api/teams/${team.team.id}/my-requests`)).status).toBe(404);
  });
});
