/**
 * What a guest gets from every route of the app, one row per route (a few
 * routes have two rows: someone else versus yourself). authorization.test.ts
 * runs it and checks the table names every route the app registers.
 */
import type { BoardSnapshot, Card, Feature, Iteration, PokerSession, RotationInfo, SessionSummary } from '@opsboard/shared';
import { expect } from 'vitest';
import { Api, PASSWORD, type Response, type TestApp, type TestTeam, type TestUser } from '../helpers/harness.js';
import { WsClient } from '../helpers/ws-client.js';

export type Expectation = 'forbidden' | '2xx' | number | readonly number[];

export interface GuestCase {
  /** `METHOD /url/:param`, exactly as the app registers it. */
  route: string;
  note?: string;
  expect: Expectation;
  run(guest: TestUser): Promise<Response>;
  check?(res: Response): void;
}

interface Context {
  t: TestApp;
  team: TestTeam;
  guest: TestUser;
}

/** Ids the rows need, made by the team's admin before the rows run. */
interface Fixtures {
  snapshot: BoardSnapshot;
  card: Card;
  archived: Card;
  laneId: string;
  feature: Feature;
  iteration: Iteration;
  interrupt: Card;
  paired: Card;
  webhookId: string;
  overrideId: string;
  invitationId: string;
  technologyId: string;
  assessmentId: string;
  ruleId: string;
  standupId: string;
  savedFilterId: string;
  retro: { id: string; noteId: string; themeId: string };
  postmortemId: string;
  incident: Card;
  poker: PokerSession;
}

export function guestRouteTable(context: () => Context): { setup(): Promise<void>; cases: GuestCase[] } {
  let f: Fixtures;
  const ctx = () => context();
  const team = () => ctx().team.team.id;
  const admin = () => ctx().team.admin.api;
  const board = () => ctx().team.boards.planned;
  const column = () => f.snapshot.columns[1]!.id;
  let n = 0;

  async function setup(): Promise<void> {
    const api = admin();
    const body = async <T>(p: Promise<Response<T>>): Promise<T> => {
      const res = await p;
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body;
    };
    const snapshot = await body(api.get<BoardSnapshot>(`/api/boards/${board()}`));
    const card = await body(api.post<Card>(`/api/boards/${board()}/cards`, { title: 'Guest table card' }));
    const archived = await body(api.post<Card>(`/api/boards/${board()}/cards`, { title: 'Archived for the guest table' }));
    await body(api.post(`/api/cards/${archived.id}/archive`));
    const lane = await body(api.post<{ id: string }>(`/api/boards/${board()}/lanes`, { name: 'Guest table lane' }));
    const feature = await body(api.post<Feature>(`/api/teams/${team()}/features`, { name: 'Guest table feature' }));
    const iteration = await body(api.post<Iteration>(`/api/teams/${team()}/iterations`, { startDate: '2031-01-06' }));
    const interrupt = (await body(api.post<{ card: Card }>(`/api/teams/${team()}/interrupts`, { title: 'Guest table interrupt' }))).card;
    const paired = await body(api.post<Card>(`/api/boards/${board()}/cards`, { title: 'Paired with the guest', featureId: feature.id, assigneeIds: [ctx().team.admin.id, ctx().guest.id] }));
    const webhook = await body(api.post<{ webhook: { id: string } }>(`/api/teams/${team()}/webhooks`, { name: 'Guest table hook', kind: 'generic' }));
    await body(api.put(`/api/teams/${team()}/rotation`, { memberIds: [ctx().team.admin.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' }));
    const rotation = await body(
      api.post<RotationInfo>(`/api/teams/${team()}/rotation/overrides`, { kind: 'cover', userId: ctx().team.byRole.member.id, start: '2031-02-03T00:00:00Z', end: '2031-02-04T00:00:00Z' }),
    );
    const invitation = await body(api.post<{ invitation: { id: string } }>(`/api/teams/${team()}/invitations`, { email: 'guest-table@example.test', role: 'member' }));
    const technology = await body(api.post<{ id: string }>(`/api/teams/${team()}/technologies`, { name: 'Guest table technology' }));
    const assessment = await body(api.post<{ id: string }>(`/api/technologies/${technology.id}/assessments`, {}));
    const rule = await body(api.post<{ id: string }>(`/api/teams/${team()}/technology-rules`, { technologyId: technology.id, matchers: ['job=guest'] }));
    const standup = await body(api.post<{ id: string }>(`/api/teams/${team()}/standups`, { boardIds: [board()] }));
    const savedFilter = await body(api.post<{ id: string }>(`/api/teams/${team()}/saved-filters`, { name: 'Guest table filter', scope: 'team', filter: { q: 'x', person: null, label: null, type: null, feature: null } }));
    const retroId = (await body(api.post<{ retro: { id: string } }>(`/api/teams/${team()}/retros`, { title: 'Guest table retro' }))).retro.id;
    await body(api.post(`/api/retros/${retroId}/phase`, { phase: 'write' }));
    const noteId = (await body(api.post<{ notes: { id: string }[] }>(`/api/retros/${retroId}/notes`, { quadrant: 'do', text: 'Guest table note' }))).notes[0]!.id;
    await body(api.post(`/api/retros/${retroId}/phase`, { phase: 'group' }));
    const themeId = (await body(api.post<{ themes: { id: string }[] }>(`/api/retros/${retroId}/themes`, { title: 'Guest table theme' }))).themes[0]!.id;
    const incident = await body(api.post<Card>(`/api/boards/${board()}/cards`, { title: 'Guest table incident', labels: ['incident'] }));
    const postmortemId = (await body(api.post<{ id: string }>(`/api/cards/${incident.id}/postmortem`))).id;
    const poker = await body(api.post<PokerSession>(`/api/teams/${team()}/poker`, { deck: 'fibonacci', cardIds: [card.id] }));
    f = {
      savedFilterId: savedFilter.id,
      incident,
      postmortemId,
      retro: { id: retroId, noteId, themeId },
      poker,
      snapshot,
      card,
      archived,
      laneId: lane.id,
      feature,
      iteration,
      interrupt,
      paired,
      webhookId: webhook.webhook.id,
      overrideId: rotation.overrides[0]!.id,
      invitationId: invitation.invitation.id,
      technologyId: technology.id,
      assessmentId: assessment.id,
      ruleId: rule.id,
      standupId: standup.id,
    };
  }

  /** A second session of the guest's, to log out of and to revoke. */
  async function freshSession(guest: TestUser): Promise<Api> {
    const res = await ctx().t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: guest.email, password: PASSWORD } });
    const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('opsboard_session='))!.split(';')[0]!;
    return new Api(ctx().t.app, { cookie, csrf: (JSON.parse(res.body) as { csrfToken: string }).csrfToken });
  }

  const forbidden = (route: string, run: GuestCase['run']): GuestCase => ({ route, expect: 'forbidden', run });
  const T = '/api/teams/:teamId';

  const cases: GuestCase[] = [
    // ---- the team and its people: only the team's name and the guest's own role
    { route: 'GET /api/teams', expect: 200, run: (g) => g.api.get('/api/teams') },
    { route: `GET ${T}`, expect: 200, run: (g) => g.api.get(`/api/teams/${team()}`), check: (res) => expect(res.body).toMatchObject({ role: 'guest' }) },
    forbidden(`PATCH ${T}`, (g) => g.api.patch(`/api/teams/${team()}`, { name: 'Renamed by a guest' })),
    forbidden(`GET ${T}/members`, (g) => g.api.get(`/api/teams/${team()}/members`)),
    forbidden(`PATCH ${T}/members/:userId`, (g) => g.api.patch(`/api/teams/${team()}/members/${ctx().team.byRole.viewer.id}`, { role: 'po' })),
    { ...forbidden(`DELETE ${T}/members/:userId`, (g) => g.api.del(`/api/teams/${team()}/members/${ctx().team.byRole.viewer.id}`)), note: 'someone else' },
    forbidden(`GET ${T}/invitations`, (g) => g.api.get(`/api/teams/${team()}/invitations`)),
    forbidden(`POST ${T}/invitations`, (g) => g.api.post(`/api/teams/${team()}/invitations`, { email: `guest-invites-${++n}@example.test`, role: 'member' })),
    forbidden(`DELETE ${T}/invitations/:invitationId`, (g) => g.api.del(`/api/teams/${team()}/invitations/${f.invitationId}`)),

    // ---- boards, columns, lanes
    forbidden(`GET ${T}/boards`, (g) => g.api.get(`/api/teams/${team()}/boards`)),
    forbidden(`POST ${T}/boards`, (g) => g.api.post(`/api/teams/${team()}/boards`, { kind: 'planned', name: 'A guest’s board' })),
    forbidden('GET /api/boards/:id', (g) => g.api.get(`/api/boards/${board()}`)),
    forbidden('PATCH /api/boards/:id', (g) => g.api.patch(`/api/boards/${board()}`, { personWipLimit: 2 })),
    forbidden('POST /api/boards/:id/position', (g) => g.api.post(`/api/boards/${board()}/position`, { afterId: null })),
    forbidden('POST /api/boards/:id/archive', (g) => g.api.post(`/api/boards/${board()}/archive`)),
    forbidden('POST /api/boards/:id/restore', (g) => g.api.post(`/api/boards/${board()}/restore`)),
    forbidden('GET /api/boards/:id/events', (g) => g.api.get(`/api/boards/${board()}/events?since=0`)),
    forbidden('GET /api/boards/:id/archived-cards', (g) => g.api.get(`/api/boards/${board()}/archived-cards`)),
    forbidden('GET /api/boards/:id/archived-columns', (g) => g.api.get(`/api/boards/${board()}/archived-columns`)),
    forbidden('GET /api/boards/:id/archived-lanes', (g) => g.api.get(`/api/boards/${board()}/archived-lanes`)),
    forbidden('POST /api/boards/:id/columns', (g) => g.api.post(`/api/boards/${board()}/columns`, { name: 'Guest column', category: 'doing' })),
    forbidden('PATCH /api/columns/:id', (g) => g.api.patch(`/api/columns/${column()}`, { wipLimit: 1 })),
    forbidden('POST /api/columns/:id/position', (g) => g.api.post(`/api/columns/${column()}/position`, { afterId: null })),
    forbidden('POST /api/columns/:id/archive', (g) => g.api.post(`/api/columns/${column()}/archive`)),
    forbidden('POST /api/columns/:id/restore', (g) => g.api.post(`/api/columns/${column()}/restore`)),
    forbidden('POST /api/boards/:id/lanes', (g) => g.api.post(`/api/boards/${board()}/lanes`, { name: 'Guest lane' })),
    forbidden('PATCH /api/lanes/:id', (g) => g.api.patch(`/api/lanes/${f.laneId}`, { name: 'Renamed lane' })),
    forbidden('POST /api/lanes/:id/position', (g) => g.api.post(`/api/lanes/${f.laneId}/position`, { afterId: null })),
    forbidden('POST /api/lanes/:id/archive', (g) => g.api.post(`/api/lanes/${f.laneId}/archive`)),
    forbidden('POST /api/lanes/:id/restore', (g) => g.api.post(`/api/lanes/${f.laneId}/restore`)),

    // ---- cards (a guest's own paired card included: it moves through my-work only)
    forbidden('POST /api/boards/:id/cards', (g) => g.api.post(`/api/boards/${board()}/cards`, { title: 'A guest’s card' })),
    forbidden(`GET ${T}/cards`, (g) => g.api.get(`/api/teams/${team()}/cards?q=guest`)),
    forbidden(`GET ${T}/person-wip`, (g) => g.api.get(`/api/teams/${team()}/person-wip`)),
    forbidden('GET /api/cards/:id', (g) => g.api.get(`/api/cards/${f.paired.id}`)),
    forbidden('GET /api/cards/:id/history', (g) => g.api.get(`/api/cards/${f.paired.id}/history`)),
    forbidden('PATCH /api/cards/:id', (g) => g.api.patch(`/api/cards/${f.paired.id}`, { version: f.paired.version, title: 'Edited by a guest' })),
    forbidden('POST /api/cards/:id/move', (g) => g.api.post(`/api/cards/${f.paired.id}/move`, { toColumnId: column() })),
    forbidden('POST /api/cards/:id/archive', (g) => g.api.post(`/api/cards/${f.card.id}/archive`)),
    forbidden('POST /api/cards/:id/restore', (g) => g.api.post(`/api/cards/${f.archived.id}/restore`)),
    forbidden('POST /api/cards/:id/checklist', (g) => g.api.post(`/api/cards/${f.paired.id}/checklist`, { text: 'A guest’s item' })),
    forbidden('PATCH /api/cards/:id/checklist/:itemId', (g) => g.api.patch(`/api/cards/${f.paired.id}/checklist/${f.paired.id}`, { done: true })),
    forbidden('DELETE /api/cards/:id/checklist/:itemId', (g) => g.api.del(`/api/cards/${f.paired.id}/checklist/${f.paired.id}`)),
    forbidden('PUT /api/cards/:id/dod/:criterionId', (g) => g.api.put(`/api/cards/${f.paired.id}/dod/${f.paired.id}`, { done: true })),
    forbidden(`GET ${T}/card-templates`, (g) => g.api.get(`/api/teams/${team()}/card-templates`)),
    forbidden(`POST ${T}/card-templates`, (g) => g.api.post(`/api/teams/${team()}/card-templates`, { name: 'A guest’s template', type: 'task' })),
    { route: 'PATCH /api/card-templates/:id', note: 'no such template', expect: 404, run: (g) => g.api.patch(`/api/card-templates/${f.card.id}`, { name: 'Renamed' }) },
    { route: 'DELETE /api/card-templates/:id', note: 'no such template', expect: 404, run: (g) => g.api.del(`/api/card-templates/${f.card.id}`) },
    forbidden(`GET ${T}/recurrences`, (g) => g.api.get(`/api/teams/${team()}/recurrences`)),
    forbidden(`POST ${T}/recurrences`, (g) => g.api.post(`/api/teams/${team()}/recurrences`, { boardId: board(), title: 'A guest’s chore', schedule: '0 9 * * 1' })),
    { route: 'DELETE /api/recurrences/:id', note: 'no such recurring card', expect: 404, run: (g) => g.api.del(`/api/recurrences/${f.card.id}`) },
    forbidden('PUT /api/boards/:id/definition-of-done', (g) => g.api.put(`/api/boards/${board()}/definition-of-done`, { criteria: [{ text: 'Guest says so' }] })),

    // ---- conversation: a guest reads no card's comments, even on a card they are paired on
    forbidden(`GET ${T}/activity`, (g) => g.api.get(`/api/teams/${team()}/activity`)),
    forbidden('GET /api/cards/:id/comments', (g) => g.api.get(`/api/cards/${f.paired.id}/comments`)),
    forbidden('POST /api/cards/:id/comments', (g) => g.api.post(`/api/cards/${f.paired.id}/comments`, { body: 'A guest’s comment' })),
    forbidden('PATCH /api/cards/:id/comments/:commentId', (g) => g.api.patch(`/api/cards/${f.paired.id}/comments/${f.paired.id}`, { body: 'Edited by a guest' })),
    forbidden('DELETE /api/cards/:id/comments/:commentId', (g) => g.api.del(`/api/cards/${f.paired.id}/comments/${f.paired.id}`)),
    forbidden('POST /api/cards/:id/comments/:commentId/reactions', (g) => g.api.post(`/api/cards/${f.paired.id}/comments/${f.paired.id}/reactions`, { emoji: '👍' })),
    forbidden('GET /api/cards/:id/watch', (g) => g.api.get(`/api/cards/${f.paired.id}/watch`)),
    forbidden('PUT /api/cards/:id/watch', (g) => g.api.put(`/api/cards/${f.paired.id}/watch`)),
    forbidden('DELETE /api/cards/:id/watch', (g) => g.api.del(`/api/cards/${f.paired.id}/watch`)),

    // ---- interrupts, triage, figures, webhook secrets
    forbidden(`GET ${T}/interrupts`, (g) => g.api.get(`/api/teams/${team()}/interrupts`)),
    forbidden('POST /api/interrupts/:id/triage', (g) => g.api.post(`/api/interrupts/${f.interrupt.id}/triage`, { action: 'accept' })),
    forbidden(`GET ${T}/interrupts/figures`, (g) => g.api.get(`/api/teams/${team()}/interrupts/figures`)),
    forbidden(`GET ${T}/metrics`, (g) => g.api.get(`/api/teams/${team()}/metrics`)),
    forbidden('GET /api/boards/:id/metrics', (g) => g.api.get(`/api/boards/${board()}/metrics`)),
    forbidden(`GET ${T}/metrics/forecast`, (g) => g.api.get(`/api/teams/${team()}/metrics/forecast?items=3`)),
    forbidden(`GET ${T}/metrics/dora`, (g) => g.api.get(`/api/teams/${team()}/metrics/dora`)),
    forbidden(`GET ${T}/kpis`, (g) => g.api.get(`/api/teams/${team()}/kpis`)),
    forbidden(`POST ${T}/kpis`, (g) => g.api.post(`/api/teams/${team()}/kpis`, { name: 'A guest KPI', source: 'manual', direction: 'higher', baseline: 0, target: 1 })),
    { route: 'PATCH /api/kpis/:id', note: 'no such KPI', expect: 404, run: (g) => g.api.patch(`/api/kpis/${f.card.id}`, { name: 'Renamed' }) },
    { route: 'DELETE /api/kpis/:id', note: 'no such KPI', expect: 404, run: (g) => g.api.del(`/api/kpis/${f.card.id}`) },
    { route: 'PUT /api/kpis/:id/entries/:week', note: 'no such KPI', expect: 404, run: (g) => g.api.put(`/api/kpis/${f.card.id}/entries/2026-11-30`, { value: 1 }) },
    forbidden(`GET ${T}/webhooks`, (g) => g.api.get(`/api/teams/${team()}/webhooks`)),
    forbidden(`POST ${T}/webhooks`, (g) => g.api.post(`/api/teams/${team()}/webhooks`, { name: 'A guest’s hook', kind: 'generic' })),
    forbidden(`DELETE ${T}/webhooks/:webhookId`, (g) => g.api.del(`/api/teams/${team()}/webhooks/${f.webhookId}`)),
    {
      route: 'POST /api/webhooks/:id',
      note: 'a session or API token is not the hook’s secret',
      expect: 401,
      run: (g) => g.api.post(`/api/webhooks/${f.webhookId}`, { title: 'Through the hook' }),
    },

    // ---- planning: features, pairs, iterations, velocity
    forbidden(`GET ${T}/features`, (g) => g.api.get(`/api/teams/${team()}/features`)),
    forbidden(`POST ${T}/features`, (g) => g.api.post(`/api/teams/${team()}/features`, { name: 'A guest’s feature' })),
    forbidden('GET /api/features/:id', (g) => g.api.get(`/api/features/${f.feature.id}`)),
    forbidden('PATCH /api/features/:id', (g) => g.api.patch(`/api/features/${f.feature.id}`, { version: f.feature.version, goal: 'A guest’s goal' })),
    forbidden('PUT /api/features/:id/pairs', (g) => g.api.put(`/api/features/${f.feature.id}/pairs`, { iterationId: f.iteration.id, pairs: [] })),
    forbidden(`GET ${T}/pairing`, (g) => g.api.get(`/api/teams/${team()}/pairing`)),
    forbidden(`GET ${T}/iterations`, (g) => g.api.get(`/api/teams/${team()}/iterations`)),
    forbidden(`POST ${T}/iterations`, (g) => g.api.post(`/api/teams/${team()}/iterations`, { startDate: '2031-03-03' })),
    forbidden('GET /api/iterations/:id', (g) => g.api.get(`/api/iterations/${f.iteration.id}`)),
    forbidden('PATCH /api/iterations/:id', (g) => g.api.patch(`/api/iterations/${f.iteration.id}`, { goal: 'A guest’s goal' })),
    forbidden('POST /api/iterations/:id/cards', (g) => g.api.post(`/api/iterations/${f.iteration.id}/cards`, { cardIds: [f.card.id] })),
    forbidden('DELETE /api/iterations/:id/cards/:cardId', (g) => g.api.del(`/api/iterations/${f.iteration.id}/cards/${f.card.id}`)),
    forbidden('POST /api/iterations/:id/start', (g) => g.api.post(`/api/iterations/${f.iteration.id}/start`)),
    forbidden('POST /api/iterations/:id/close', (g) => g.api.post(`/api/iterations/${f.iteration.id}/close`, { carryOverTo: null })),
    forbidden(`GET ${T}/velocity`, (g) => g.api.get(`/api/teams/${team()}/velocity`)),

    // ---- standups
    forbidden(`GET ${T}/standups`, (g) => g.api.get(`/api/teams/${team()}/standups`)),
    forbidden(`GET ${T}/standups/since`, (g) => g.api.get(`/api/teams/${team()}/standups/since`)),
    forbidden(`POST ${T}/standups`, (g) => g.api.post(`/api/teams/${team()}/standups`, { boardIds: [board()] })),
    forbidden('GET /api/standups/:id', (g) => g.api.get(`/api/standups/${f.standupId}`)),
    forbidden('POST /api/standups/:id/focus', (g) => g.api.post(`/api/standups/${f.standupId}/focus`, { boardId: board(), cardId: null, personId: null, paused: false })),
    forbidden('POST /api/standups/:id/finish', (g) => g.api.post(`/api/standups/${f.standupId}/finish`, { speakers: [] })),
    // ---- retrospectives: team-only (a guest is not in them)
    forbidden(`GET ${T}/retros`, (g) => g.api.get(`/api/teams/${team()}/retros`)),
    forbidden(`POST ${T}/retros`, (g) => g.api.post(`/api/teams/${team()}/retros`, { title: 'A guest’s retro' })),
    { route: 'GET /api/retros/published', expect: 200, run: (g) => g.api.get('/api/retros/published'), check: (res) => expect(res.body).toEqual([]) },
    forbidden('GET /api/retros/:id', (g) => g.api.get(`/api/retros/${f.retro.id}`)),
    forbidden('GET /api/retros/:id/facts', (g) => g.api.get(`/api/retros/${f.retro.id}/facts`)),
    forbidden('POST /api/retros/:id/phase', (g) => g.api.post(`/api/retros/${f.retro.id}/phase`, { phase: 'vote' })),
    forbidden('POST /api/retros/:id/timer', (g) => g.api.post(`/api/retros/${f.retro.id}/timer`, { minutes: 5 })),
    forbidden('PUT /api/retros/:id/checkin', (g) => g.api.put(`/api/retros/${f.retro.id}/checkin`, { morale: 3 })),
    forbidden('POST /api/retros/:id/notes', (g) => g.api.post(`/api/retros/${f.retro.id}/notes`, { quadrant: 'do', text: 'A guest’s note' })),
    forbidden('DELETE /api/retro-notes/:id', (g) => g.api.del(`/api/retro-notes/${f.retro.noteId}`)),
    forbidden('POST /api/retros/:id/themes', (g) => g.api.post(`/api/retros/${f.retro.id}/themes`, { title: 'A guest’s theme' })),
    forbidden('PUT /api/retro-notes/:id/theme', (g) => g.api.put(`/api/retro-notes/${f.retro.noteId}/theme`, { themeId: f.retro.themeId })),
    forbidden('POST /api/retros/:id/votes', (g) => g.api.post(`/api/retros/${f.retro.id}/votes`, { themeId: f.retro.themeId })),
    forbidden('DELETE /api/retros/:id/votes/:themeId', (g) => g.api.del(`/api/retros/${f.retro.id}/votes/${f.retro.themeId}`)),
    forbidden('POST /api/retros/:id/actions', (g) => g.api.post(`/api/retros/${f.retro.id}/actions`, { title: 'A guest’s action', ownerId: g.id, board: 'planned' })),
    forbidden('POST /api/retros/:id/publish', (g) => g.api.post(`/api/retros/${f.retro.id}/publish`)),
    forbidden(`GET ${T}/postmortems`, (g) => g.api.get(`/api/teams/${team()}/postmortems`)),
    forbidden('GET /api/cards/:id/postmortem', (g) => g.api.get(`/api/cards/${f.incident.id}/postmortem`)),
    { route: 'GET /api/postmortems/published', expect: 200, run: (g) => g.api.get('/api/postmortems/published'), check: (res) => expect(res.body).toEqual([]) },
    forbidden('POST /api/cards/:id/postmortem', (g) => g.api.post(`/api/cards/${f.incident.id}/postmortem`)),
    forbidden('GET /api/postmortems/:id', (g) => g.api.get(`/api/postmortems/${f.postmortemId}`)),
    forbidden('PATCH /api/postmortems/:id', (g) => g.api.patch(`/api/postmortems/${f.postmortemId}`, { version: 1, summary: 'A guest’s summary' })),
    forbidden('POST /api/postmortems/:id/actions', (g) => g.api.post(`/api/postmortems/${f.postmortemId}/actions`, { title: 'A guest’s action', ownerId: g.id, board: 'planned' })),
    forbidden('POST /api/postmortems/:id/publish', (g) => g.api.post(`/api/postmortems/${f.postmortemId}/publish`)),

    // ---- Person of the Week
    forbidden(`GET ${T}/rotation`, (g) => g.api.get(`/api/teams/${team()}/rotation`)),
    forbidden(`PUT ${T}/rotation`, (g) => g.api.put(`/api/teams/${team()}/rotation`, { memberIds: [g.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC', ackTimeoutMinutes: 1 })),
    forbidden(`POST ${T}/rotation/overrides`, (g) =>
      g.api.post(`/api/teams/${team()}/rotation/overrides`, { kind: 'cover', userId: ctx().team.admin.id, start: '2031-04-07T00:00:00Z', end: '2031-04-08T00:00:00Z' }),
    ),
    forbidden(`DELETE ${T}/rotation/overrides/:overrideId`, (g) => g.api.del(`/api/teams/${team()}/rotation/overrides/${f.overrideId}`)),
    forbidden(`GET ${T}/potw`, (g) => g.api.get(`/api/teams/${team()}/potw`)),
    forbidden(`GET ${T}/handoff`, (g) => g.api.get(`/api/teams/${team()}/handoff`)),
    forbidden(`PUT ${T}/handoff`, (g) => g.api.put(`/api/teams/${team()}/handoff`, { summary: 'A guest’s hand-off' })),

    // ---- technology catalogue: the team's own business, nothing of it for a guest
    forbidden(`GET ${T}/technologies`, (g) => g.api.get(`/api/teams/${team()}/technologies`)),
    forbidden(`POST ${T}/technologies`, (g) => g.api.post(`/api/teams/${team()}/technologies`, { name: 'A guest’s technology' })),
    forbidden(`GET ${T}/technologies/overview`, (g) => g.api.get(`/api/teams/${team()}/technologies/overview`)),
    forbidden('GET /api/technologies/:id', (g) => g.api.get(`/api/technologies/${f.technologyId}`)),
    forbidden('PATCH /api/technologies/:id', (g) => g.api.patch(`/api/technologies/${f.technologyId}`, { version: 1, name: 'Renamed by a guest' })),
    forbidden('POST /api/technologies/:id/override', (g) => g.api.post(`/api/technologies/${f.technologyId}/override`, { version: 1, level: 0, reason: 'guest' })),
    forbidden('POST /api/technologies/:id/archive', (g) => g.api.post(`/api/technologies/${f.technologyId}/archive`)),
    forbidden('POST /api/technologies/:id/restore', (g) => g.api.post(`/api/technologies/${f.technologyId}/restore`)),
    forbidden('POST /api/technologies/:id/assessments', (g) => g.api.post(`/api/technologies/${f.technologyId}/assessments`, {})),
    forbidden('GET /api/assessments/:id', (g) => g.api.get(`/api/assessments/${f.assessmentId}`)),
    forbidden('PUT /api/assessments/:id/scores', (g) => g.api.put(`/api/assessments/${f.assessmentId}/scores`, { scores: { stability: { score: 1, note: '' } } })),
    forbidden('POST /api/assessments/:id/reveal', (g) => g.api.post(`/api/assessments/${f.assessmentId}/reveal`)),
    forbidden('POST /api/assessments/:id/settle', (g) => g.api.post(`/api/assessments/${f.assessmentId}/settle`, { scores: { stability: { score: 1, note: '' } } })),
    forbidden(`GET ${T}/technology-rules`, (g) => g.api.get(`/api/teams/${team()}/technology-rules`)),
    forbidden(`POST ${T}/technology-rules`, (g) => g.api.post(`/api/teams/${team()}/technology-rules`, { technologyId: f.technologyId, matchers: ['job=x'] })),
    forbidden('DELETE /api/technology-rules/:id', (g) => g.api.del(`/api/technology-rules/${f.ruleId}`)),
    forbidden('GET /api/cards/:id/technologies', (g) => g.api.get(`/api/cards/${f.paired.id}/technologies`)),
    forbidden('PUT /api/cards/:id/technologies', (g) => g.api.put(`/api/cards/${f.paired.id}/technologies`, { technologyIds: [] })),
    // ---- planning poker: for the team's members only
    forbidden(`GET ${T}/poker`, (g) => g.api.get(`/api/teams/${team()}/poker`)),
    forbidden(`POST ${T}/poker`, (g) => g.api.post(`/api/teams/${team()}/poker`, { deck: 'fibonacci', cardIds: [] })),
    forbidden(`GET ${T}/poker/deck`, (g) => g.api.get(`/api/teams/${team()}/poker/deck`)),
    forbidden(`PUT ${T}/poker/deck`, (g) => g.api.put(`/api/teams/${team()}/poker/deck`, { cards: [{ label: 'S', points: 2 }, { label: 'L', points: 5 }] })),
    forbidden(`DELETE ${T}/poker/deck`, (g) => g.api.del(`/api/teams/${team()}/poker/deck`)),
    forbidden('GET /api/poker/:id', (g) => g.api.get(`/api/poker/${f.poker.id}`)),
    forbidden('POST /api/poker/:id/cards', (g) => g.api.post(`/api/poker/${f.poker.id}/cards`, { cardIds: [f.paired.id] })),
    forbidden('POST /api/poker/:id/join', (g) => g.api.post(`/api/poker/${f.poker.id}/join`, {})),
    forbidden('POST /api/poker/:id/vote', (g) => g.api.post(`/api/poker/${f.poker.id}/vote`, { value: '3' })),
    forbidden('POST /api/poker/:id/reveal', (g) => g.api.post(`/api/poker/${f.poker.id}/reveal`)),
    forbidden('POST /api/poker/:id/revote', (g) => g.api.post(`/api/poker/${f.poker.id}/revote`)),
    forbidden('POST /api/poker/:id/accept', (g) => g.api.post(`/api/poker/${f.poker.id}/accept`, { value: '3' })),
    forbidden('POST /api/poker/:id/skip', (g) => g.api.post(`/api/poker/${f.poker.id}/skip`)),
    forbidden('POST /api/poker/:id/items/:itemId/current', (g) => g.api.post(`/api/poker/${f.poker.id}/items/${f.poker.items[0]!.id}/current`)),
    forbidden('POST /api/poker/:id/facilitator', (g) => g.api.post(`/api/poker/${f.poker.id}/facilitator`, { userId: g.id })),
    forbidden('POST /api/poker/:id/close', (g) => g.api.post(`/api/poker/${f.poker.id}/close`)),
    forbidden('GET /api/cards/:id/poker', (g) => g.api.get(`/api/cards/${f.paired.id}/poker`)),
    forbidden('GET /api/cards/:id/poker-references', (g) => g.api.get(`/api/cards/${f.paired.id}/poker-references`)),

    // ---- live: board and team streams are refused; the guest's own channel is watch_requests (guests-live.test.ts)
    {
      route: 'GET /api/ws',
      note: 'subscribing to a board stream',
      expect: 101,
      run: async (g) => {
        const ws = new WsClient({ baseUrl: ctx().t.baseUrl, token: g.token });
        await ws.connect();
        ws.subscribe(board(), 0);
        await ws.waitFor(() => ws.messages.some((m) => m.type === 'rejected'));
        ws.kill();
        return { status: 101, body: ws.messages.find((m) => m.type === 'rejected'), headers: {} };
      },
      check: (res) => expect(res.body).toMatchObject({ code: 'forbidden' }),
    },

    // ---- what a guest may do in the team
    { route: `POST ${T}/interrupts`, expect: 201, run: (g) => g.api.post(`/api/teams/${team()}/interrupts`, { title: 'Raised by the guest' }) },
    { route: `POST ${T}/proposals`, expect: 201, run: (g) => g.api.post(`/api/teams/${team()}/proposals`, { boardKind: 'selfservice', title: 'Proposed by the guest' }) },
    { route: `POST ${T}/my-work/:cardId/move`, expect: 200, run: (g) => g.api.post(`/api/teams/${team()}/my-work/${f.paired.id}/move`, { toColumnId: column() }) },
    {
      route: `GET ${T}/my-requests`,
      expect: 200,
      run: (g) => g.api.get(`/api/teams/${team()}/my-requests`),
      check: (res) => {
        const titles = JSON.stringify(res.body);
        expect(titles).toContain('Raised by the guest');
        expect(titles).toContain('Proposed by the guest');
        expect(titles).toContain('Paired with the guest');
        expect(titles).not.toContain('Guest table card');
      },
    },

    // ---- the guest's own account, like anyone's
    { route: 'GET /api/health', expect: 200, run: (g) => g.api.get('/api/health') },
    { route: 'GET /api/openapi.json', expect: 200, run: (g) => g.api.get('/api/openapi.json') },
    { route: 'GET /api/instance', expect: 200, run: (g) => g.api.get('/api/instance') },
    { route: 'POST /api/auth/signup', note: 'a new account', expect: 201, run: (g) => g.api.post('/api/auth/signup', { email: `guest-signup-${++n}@example.test`, name: 'New person', password: PASSWORD }) },
    { route: 'POST /api/auth/login', expect: 200, run: (g) => g.api.post('/api/auth/login', { email: g.email, password: PASSWORD }) },
    { route: 'GET /api/auth/session', expect: 200, run: (g) => g.api.get('/api/auth/session') },
    { route: 'GET /api/auth/sessions', expect: 200, run: (g) => g.api.get('/api/auth/sessions') },
    {
      route: 'DELETE /api/auth/sessions/:id',
      expect: 200,
      run: async (g) => {
        const before = new Set((await g.api.get<SessionSummary[]>('/api/auth/sessions')).body.map((s) => s.id));
        await freshSession(g);
        const added = (await g.api.get<SessionSummary[]>('/api/auth/sessions')).body.find((s) => !before.has(s.id))!;
        return g.api.del(`/api/auth/sessions/${added.id}`);
      },
    },
    { route: 'POST /api/auth/logout', expect: 200, run: async (g) => (await freshSession(g)).post('/api/auth/logout') },
    { route: 'POST /api/auth/password', note: 'with a wrong current password', expect: 400, run: (g) => g.api.post('/api/auth/password', { currentPassword: 'not it', newPassword: 'another long passphrase' }) },
    { route: 'GET /api/auth/tokens', expect: 200, run: (g) => g.api.get('/api/auth/tokens') },
    { route: 'POST /api/auth/tokens', expect: 201, run: (g) => g.api.post('/api/auth/tokens', { name: `guest script ${++n}` }) },
    {
      route: 'DELETE /api/auth/tokens/:id',
      expect: 200,
      run: async (g) => {
        const created = await g.api.post<{ token: { id: string } }>('/api/auth/tokens', { name: `guest throwaway ${++n}` });
        return g.api.del(`/api/auth/tokens/${created.body.token.id}`);
      },
    },
    { route: 'GET /api/notifications', expect: 200, run: (g) => g.api.get('/api/notifications') },
    { route: 'POST /api/notifications/read', expect: 200, run: (g) => g.api.post('/api/notifications/read') },
    {
      route: 'POST /api/notifications/:id/read',
      note: 'a notification that is not theirs',
      // Someone else's or an unknown notification does not exist for the caller.
      expect: 404,
      run: (g) => g.api.post('/api/notifications/00000000-0000-4000-8000-000000000000/read'),
    },
    // ---- search and saved filters: search answers only from teams the caller may read
    { route: 'GET /api/search', expect: 200, run: (g) => g.api.get('/api/search?q=guest'), check: (res) => expect(res.body).toEqual([]) },
    forbidden(`GET ${T}/saved-filters`, (g) => g.api.get(`/api/teams/${team()}/saved-filters`)),
    forbidden(`POST ${T}/saved-filters`, (g) => g.api.post(`/api/teams/${team()}/saved-filters`, { name: 'A guest filter', scope: 'personal', filter: { q: '', person: null, label: null, type: null, feature: null } })),
    forbidden('PATCH /api/saved-filters/:id', (g) => g.api.patch(`/api/saved-filters/${f.savedFilterId}`, { name: 'Renamed by a guest' })),
    forbidden('DELETE /api/saved-filters/:id', (g) => g.api.del(`/api/saved-filters/${f.savedFilterId}`)),
    // ---- outgoing hooks: team admins only; a hook id is checked against the caller's role in its team
    forbidden(`GET ${T}/outgoing-hooks`, (g) => g.api.get(`/api/teams/${team()}/outgoing-hooks`)),
    forbidden(`POST ${T}/outgoing-hooks`, (g) => g.api.post(`/api/teams/${team()}/outgoing-hooks`, { name: 'Guest hook', url: 'https://192.0.2.10/hook', format: 'slack' })),
    { route: 'DELETE /api/outgoing-hooks/:id', note: 'a hook id that is not there', expect: 404, run: (g) => g.api.del('/api/outgoing-hooks/00000000-0000-4000-8000-000000000000') },
    { route: 'POST /api/outgoing-hooks/:id/test', note: 'a hook id that is not there', expect: 404, run: (g) => g.api.post('/api/outgoing-hooks/00000000-0000-4000-8000-000000000000/test') },
    { route: 'GET /api/outgoing-hooks/:id/deliveries', note: 'a hook id that is not there', expect: 404, run: (g) => g.api.get('/api/outgoing-hooks/00000000-0000-4000-8000-000000000000/deliveries') },
    { route: 'POST /api/auth/password-reset', note: 'this server sends no e-mail', expect: 404, run: (g) => g.api.post('/api/auth/password-reset', { email: g.email }) },
    { route: 'POST /api/auth/password-reset/confirm', note: 'a token that is not there', expect: 400, run: (g) => g.api.post('/api/auth/password-reset/confirm', { token: 'obr_nope', password: 'another long passphrase' }) },
    { route: 'GET /api/account/notify-preferences', expect: 200, run: (g) => g.api.get('/api/account/notify-preferences') },
    {
      route: 'PUT /api/account/notify-preferences',
      expect: 200,
      run: (g) =>
        g.api.put('/api/account/notify-preferences', {
          timeZone: 'UTC',
          routes: { 'interrupt.escalated': ['inApp', 'email'], 'interrupt.urgent': [], 'interrupt.unacknowledged': [], 'potw.handoff': [], 'iteration.changed': [] },
          quietHours: { start: '22:00', end: '07:00' },
          urgentBreaksQuiet: true,
          digestAt: null,
        }),
    },
    { route: 'GET /api/account/calendar', expect: 200, run: (g) => g.api.get('/api/account/calendar') },
    { route: 'POST /api/account/calendar', note: 'their own feed token', expect: 201, run: (g) => g.api.post('/api/account/calendar') },
    { route: 'DELETE /api/account/calendar', note: 'their own feed token', expect: 200, run: (g) => g.api.del('/api/account/calendar') },
    { route: 'POST /api/teams', note: 'a team of their own', expect: 201, run: (g) => g.api.post('/api/teams', { name: 'The guest’s own team' }) },

    // Last: leaving ends everything above.
    { route: `DELETE ${T}/members/:userId`, note: 'leaving the team themselves', expect: 200, run: (g) => g.api.del(`/api/teams/${team()}/members/${g.id}`) },
  ];

  return { setup, cases };
}
