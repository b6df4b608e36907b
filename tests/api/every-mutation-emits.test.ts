/**
 * Every route that changes shared state appends its event(s) to the team's or
 * a board's stream in the same transaction, so open pages never go stale.
 * The list of mutating routes comes from the app itself: a route added
 * without an entry here (a walk step, or a reasoned exemption) fails the test.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Feature, InviteResult, Interrupt, Iteration, PokerSession, RotationInfo, Team, WebhookIntakeResult } from '@opsboard/shared';
import { sha256 } from '../../server/src/auth/secrets.js';
import { Api, createTeam, createTestDatabase, PASSWORD, startTestApp, type Response, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;

beforeAll(async () => {
  db = await createTestDatabase();
  // SMTP to a closed port: password reset is offered (its mail just waits in the outbox).
  t = await startTestApp({ database: db.database, config: { smtp: { url: 'smtp://127.0.0.1:9', from: 'walk@example.test' } } });
  team = await createTeam(t.app, 'Walk');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that change no state another person's open page shows: only the caller's own sessions, tokens and notification marks. */
const EXEMPT: Record<string, string> = {
  'POST /api/auth/login': 'creates a session of the caller only',
  'POST /api/auth/logout': "ends the caller's own session",
  'DELETE /api/auth/sessions/:id': "ends one of the caller's own sessions",
  'POST /api/auth/tokens': "creates one of the caller's own API tokens",
  'POST /api/auth/password': "changes the caller's own password and ends their other sessions",
  'DELETE /api/auth/tokens/:id': "revokes one of the caller's own API tokens",
  'POST /api/notifications/:id/read': "marks the caller's own notification (notifications are per person, pushed to them alone)",
  'POST /api/notifications/read': "marks all of the caller's own notifications",
  'PUT /api/cards/:id/watch': "the caller's own choice to be notified about a card (no other page shows it)",
  'DELETE /api/cards/:id/watch': "the caller's own choice to stop being notified about a card",
  'POST /api/teams/:teamId/outgoing-hooks': 'adds an outgoing hook: admin-only integration settings holding a secret, shown on no member’s page',
  'DELETE /api/outgoing-hooks/:id': 'deletes an outgoing hook (admin-only integration settings)',
  'POST /api/outgoing-hooks/:id/test': 'queues a test message to the hook’s own URL; no board or team state changes',
  'POST /api/auth/password-reset': 'queues a reset e-mail for an account (the outbox, not a stream)',
  'POST /api/auth/password-reset/confirm': "sets one account's own password from a reset token",
  'POST /api/account/calendar': "regenerates the caller's own secret calendar feed token (private, read by nobody else)",
  'DELETE /api/account/calendar': "revokes the caller's own calendar feed token (private, read by nobody else)",
  'PUT /api/account/notify-preferences': "saves the caller's own notification preferences (private, read by nobody else's page)",
};

/** What a step expects: per stream id, event types that must be among the ones it appended. */
type Expected = [streamId: string, types: string[]][];
interface Step {
  /** Work the step needs done first, outside what is measured. */
  prepare?: () => Promise<void>;
  run: () => Promise<Response>;
  expect: () => Expected;
}

// State the walk builds up as it goes.
const s = {
  hookId: '',
  teamId: '',
  newTeamId: '',
  invitedEmail: `invited.${Date.now()}@example.test`,
  joinedUserId: '',
  invitationId: '',
  boardId: '',
  columnId: '',
  laneId: '',
  cardId: '',
  cardVersion: 0,
  toColumnId: '',
  overrideId: '',
  interruptCardId: '',
  webhookId: '',
  webhookSecret: '',
  notificationId: '',
  featureId: '',
  featureVersion: 0,
  iterationId: '',
  sessionShortId: '',
  tokenId: '',
  pairedCardId: '',
  technologyId: '',
  technologyVersion: 0,
  assessmentId: '',
  ruleId: '',
  standupId: '',
  commentCardId: '',
  commentId: '',
  savedFilterId: '',
  pokerId: '',
  pokerItemId: '',
  checklistItemId: '',
  templateId: '',
  kpiId: '',
  recurrenceId: '',
  dodCriterionId: '',
};
/** State of the retro steps. */
const rs = { retroId: '', noteId: '', themeId: '', postmortemId: '', postmortemVersion: 0 };
const admin = () => team.admin.api;
const planned = () => team.boards.planned;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
const ok = async <T>(res: Promise<Response<T>>): Promise<T> => {
  const r = await res;
  if (r.status >= 300) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

const WALK: Record<string, Step> = {
  // ---- teams and people
  'POST /api/teams': {
    run: async () => {
      const res = await admin().post<Team>('/api/teams', { name: 'Second team' });
      s.newTeamId = res.body.id;
      return res;
    },
    expect: () => [[s.newTeamId, ['member.added', 'board.created']]],
  },
  'PATCH /api/teams/:teamId': { run: () => admin().patch(`/api/teams/${s.teamId}`, { name: 'Walk renamed' }), expect: () => [[s.teamId, ['team.updated']]] },
  'POST /api/teams/:teamId/invitations': {
    run: () => admin().post<InviteResult>(`/api/teams/${s.teamId}/invitations`, { email: s.invitedEmail, role: 'member' }),
    expect: () => [[s.teamId, ['invitation.sent']]],
  },
  'POST /api/auth/signup': {
    run: async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: s.invitedEmail, name: 'Invited Person', password: PASSWORD } });
      const body = JSON.parse(res.body) as { user: { id: string } };
      s.joinedUserId = body.user.id;
      return { status: res.statusCode, body, headers: res.headers };
    },
    expect: () => [[s.teamId, ['invitation.accepted', 'member.added']]],
  },
  'PATCH /api/teams/:teamId/members/:userId': {
    run: () => admin().patch(`/api/teams/${s.teamId}/members/${s.joinedUserId}`, { role: 'po' }),
    expect: () => [[s.teamId, ['member.updated']]],
  },
  'DELETE /api/teams/:teamId/members/:userId': { run: () => admin().del(`/api/teams/${s.teamId}/members/${s.joinedUserId}`), expect: () => [[s.teamId, ['member.removed']]] },
  'DELETE /api/teams/:teamId/invitations/:invitationId': {
    prepare: async () => {
      s.invitationId = (await ok(admin().post<InviteResult>(`/api/teams/${s.teamId}/invitations`, { email: `withdrawn.${s.invitedEmail}`, role: 'viewer' }))).invitation!.id;
    },
    run: () => admin().del(`/api/teams/${s.teamId}/invitations/${s.invitationId}`),
    expect: () => [[s.teamId, ['invitation.withdrawn']]],
  },

  // ---- boards, columns, lanes
  'POST /api/teams/:teamId/boards': {
    run: async () => {
      const res = await admin().post<{ id: string }>(`/api/teams/${s.teamId}/boards`, { kind: 'selfservice', name: 'Walk board' });
      s.boardId = res.body.id;
      return res;
    },
    expect: () => [
      [s.teamId, ['board.created']],
      [s.boardId, ['column.created']],
    ],
  },
  'PATCH /api/boards/:id': {
    run: () => admin().patch(`/api/boards/${s.boardId}`, { name: 'Walk board 2' }),
    expect: () => [
      [s.boardId, ['board.updated']],
      [s.teamId, ['board.changed']],
    ],
  },
  'POST /api/boards/:id/position': { run: () => admin().post(`/api/boards/${s.boardId}/position`, { afterId: null }), expect: () => [[s.teamId, ['board.changed']]] },
  'POST /api/boards/:id/archive': {
    run: () => admin().post(`/api/boards/${s.boardId}/archive`),
    expect: () => [
      [s.teamId, ['board.archived']],
      [s.boardId, ['board.updated']],
    ],
  },
  'POST /api/boards/:id/restore': { run: () => admin().post(`/api/boards/${s.boardId}/restore`), expect: () => [[s.teamId, ['board.restored']]] },
  'POST /api/boards/:id/columns': {
    run: async () => {
      const res = await admin().post<{ id: string }>(`/api/boards/${s.boardId}/columns`, { name: 'Walk column', category: 'doing', wipLimit: 2 });
      s.columnId = res.body.id;
      return res;
    },
    expect: () => [[s.boardId, ['column.created']]],
  },
  'PATCH /api/columns/:id': { run: () => admin().patch(`/api/columns/${s.columnId}`, { name: 'Walk column 2' }), expect: () => [[s.boardId, ['column.updated']]] },
  'POST /api/columns/:id/position': { run: () => admin().post(`/api/columns/${s.columnId}/position`, { afterId: null }), expect: () => [[s.boardId, ['column.moved']]] },
  'POST /api/columns/:id/archive': { run: () => admin().post(`/api/columns/${s.columnId}/archive`), expect: () => [[s.boardId, ['column.archived']]] },
  'POST /api/columns/:id/restore': { run: () => admin().post(`/api/columns/${s.columnId}/restore`), expect: () => [[s.boardId, ['column.restored']]] },
  'POST /api/boards/:id/lanes': {
    run: async () => {
      const res = await admin().post<{ id: string }>(`/api/boards/${s.boardId}/lanes`, { name: 'Expedite' });
      s.laneId = res.body.id;
      return res;
    },
    expect: () => [[s.boardId, ['lane.created']]],
  },
  'PATCH /api/lanes/:id': { run: () => admin().patch(`/api/lanes/${s.laneId}`, { name: 'Expedite 2' }), expect: () => [[s.boardId, ['lane.updated']]] },
  'POST /api/lanes/:id/position': { run: () => admin().post(`/api/lanes/${s.laneId}/position`, { afterId: null }), expect: () => [[s.boardId, ['lane.moved']]] },
  'POST /api/lanes/:id/archive': { run: () => admin().post(`/api/lanes/${s.laneId}/archive`), expect: () => [[s.boardId, ['lane.archived']]] },
  'POST /api/lanes/:id/restore': { run: () => admin().post(`/api/lanes/${s.laneId}/restore`), expect: () => [[s.boardId, ['lane.restored']]] },

  // ---- cards
  'POST /api/boards/:id/cards': {
    run: async () => {
      const res = await admin().post<Card>(`/api/boards/${planned()}/cards`, { title: 'Walk card', points: 3 });
      s.cardId = res.body.id;
      s.cardVersion = res.body.version;
      return res;
    },
    expect: () => [[planned(), ['card.created']]],
  },
  'PATCH /api/cards/:id': {
    run: async () => {
      const res = await admin().patch<Card>(`/api/cards/${s.cardId}`, { version: s.cardVersion, title: 'Walk card 2' });
      s.cardVersion = res.body.version;
      return res;
    },
    expect: () => [[planned(), ['card.updated']]],
  },
  'POST /api/cards/:id/move': {
    prepare: async () => {
      const snapshot = await ok(admin().get<BoardSnapshot>(`/api/boards/${planned()}`));
      s.toColumnId = snapshot.columns.find((c) => c.category === 'todo')!.id;
    },
    run: () => admin().post(`/api/cards/${s.cardId}/move`, { toColumnId: s.toColumnId }),
    expect: () => [[planned(), ['card.moved']]],
  },
  'POST /api/cards/:id/archive': { run: () => admin().post(`/api/cards/${s.cardId}/archive`), expect: () => [[planned(), ['card.archived']]] },
  'POST /api/cards/:id/restore': { run: () => admin().post(`/api/cards/${s.cardId}/restore`), expect: () => [[planned(), ['card.restored']]] },

  // ---- Card templates
  'POST /api/teams/:teamId/card-templates': {
    run: async () => {
      const res = await admin().post<{ id: string }>(`/api/teams/${s.teamId}/card-templates`, { name: 'Incident', type: 'bug', checklist: ['Open a channel'] });
      s.templateId = res.body.id;
      return res;
    },
    expect: () => [[s.teamId, ['template.created']]],
  },
  'PATCH /api/card-templates/:id': { run: () => admin().patch(`/api/card-templates/${s.templateId}`, { name: 'Incident (SEV)' }), expect: () => [[s.teamId, ['template.updated']]] },
  'DELETE /api/card-templates/:id': { run: () => admin().del(`/api/card-templates/${s.templateId}`), expect: () => [[s.teamId, ['template.deleted']]] },

  // ---- KPIs
  'POST /api/teams/:teamId/kpis': {
    run: async () => {
      const res = await admin().post<{ id: string }>(`/api/teams/${s.teamId}/kpis`, { name: 'Toil hours', unit: 'h', source: 'manual', direction: 'lower', baseline: 20, target: 10 });
      s.kpiId = res.body.id;
      return res;
    },
    expect: () => [[s.teamId, ['kpi.created']]],
  },
  'PATCH /api/kpis/:id': { run: () => admin().patch(`/api/kpis/${s.kpiId}`, { target: 8 }), expect: () => [[s.teamId, ['kpi.updated']]] },
  'PUT /api/kpis/:id/entries/:week': { run: () => admin().put(`/api/kpis/${s.kpiId}/entries/2026-11-30`, { value: 12 }), expect: () => [[s.teamId, ['kpi.recorded']]] },
  'DELETE /api/kpis/:id': { run: () => admin().del(`/api/kpis/${s.kpiId}`), expect: () => [[s.teamId, ['kpi.deleted']]] },

  // ---- Recurring cards
  'POST /api/teams/:teamId/recurrences': {
    run: async () => {
      const res = await admin().post<{ id: string }>(`/api/teams/${s.teamId}/recurrences`, { boardId: planned(), title: 'Patch day', schedule: '0 9 * * 2' });
      s.recurrenceId = res.body.id;
      return res;
    },
    expect: () => [[s.teamId, ['recurrence.created']]],
  },
  'DELETE /api/recurrences/:id': { run: () => admin().del(`/api/recurrences/${s.recurrenceId}`), expect: () => [[s.teamId, ['recurrence.deleted']]] },

  // ---- Checklists and the Definition of Done
  'POST /api/cards/:id/checklist': {
    run: async () => {
      const res = await admin().post<Card>(`/api/cards/${s.cardId}/checklist`, { text: 'Check the runbook' });
      s.checklistItemId = res.body.checklist[0]?.id ?? '';
      return res;
    },
    expect: () => [[planned(), ['card.updated']]],
  },
  'PATCH /api/cards/:id/checklist/:itemId': {
    run: () => admin().patch(`/api/cards/${s.cardId}/checklist/${s.checklistItemId}`, { done: true }),
    expect: () => [[planned(), ['card.updated']]],
  },
  'DELETE /api/cards/:id/checklist/:itemId': {
    run: () => admin().del(`/api/cards/${s.cardId}/checklist/${s.checklistItemId}`),
    expect: () => [[planned(), ['card.updated']]],
  },
  'PUT /api/boards/:id/definition-of-done': {
    run: async () => {
      const res = await admin().put<{ definitionOfDone: { id: string }[] }>(`/api/boards/${planned()}/definition-of-done`, { criteria: [{ text: 'Tested' }] });
      s.dodCriterionId = res.body.definitionOfDone[0]?.id ?? '';
      return res;
    },
    expect: () => [
      [planned(), ['board.updated']],
      [s.teamId, ['board.changed']],
    ],
  },
  'PUT /api/cards/:id/dod/:criterionId': {
    run: async () => {
      const res = await admin().put(`/api/cards/${s.cardId}/dod/${s.dodCriterionId}`, { done: true });
      // The rest of the walk moves cards into done columns freely.
      await ok(admin().put(`/api/boards/${planned()}/definition-of-done`, { criteria: [] }));
      return res;
    },
    expect: () => [[planned(), ['card.updated']]],
  },

  // ---- Person of the Week
  'PUT /api/teams/:teamId/rotation': {
    run: () =>
      admin().put(`/api/teams/${s.teamId}/rotation`, { memberIds: [team.byRole.member.id, team.byRole.po.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'Europe/Berlin', ackTimeoutMinutes: 20 }),
    expect: () => [[s.teamId, ['rotation.updated']]],
  },
  'POST /api/teams/:teamId/rotation/overrides': {
    run: async () => {
      const res = await admin().post<RotationInfo>(`/api/teams/${s.teamId}/rotation/overrides`, { kind: 'cover', userId: team.admin.id, start: day(1), end: day(2) });
      s.overrideId = res.body.overrides[0]!.id;
      return res;
    },
    expect: () => [[s.teamId, ['rotation.override_added']]],
  },
  'DELETE /api/teams/:teamId/rotation/overrides/:overrideId': {
    run: () => admin().del(`/api/teams/${s.teamId}/rotation/overrides/${s.overrideId}`),
    expect: () => [[s.teamId, ['rotation.override_removed']]],
  },
  'PUT /api/teams/:teamId/handoff': { run: () => admin().put(`/api/teams/${s.teamId}/handoff`, { summary: 'Nothing open.' }), expect: () => [[s.teamId, ['handoff.updated']]] },
  'POST /api/teams/:teamId/interrupts': {
    run: async () => {
      const res = await team.byRole.member.api.post<{ card: Card; interrupt: Interrupt }>(`/api/teams/${s.teamId}/interrupts`, { title: 'VPN down for the office' });
      s.interruptCardId = res.body.card.id;
      return res;
    },
    expect: () => [[team.boards.interrupts, ['card.created', 'interrupt.received']]],
  },
  'POST /api/interrupts/:id/triage': {
    run: () => admin().post(`/api/interrupts/${s.interruptCardId}/triage`, { action: 'escalate', userId: team.byRole.member.id, note: 'Yours' }),
    expect: () => [[team.boards.interrupts, ['interrupt.triaged']]],
  },
  'POST /api/teams/:teamId/webhooks': {
    run: async () => {
      const res = await admin().post<{ webhook: { id: string }; secret: string }>(`/api/teams/${s.teamId}/webhooks`, { name: 'prod alertmanager', kind: 'generic' });
      s.webhookId = res.body.webhook.id;
      s.webhookSecret = res.body.secret;
      return res;
    },
    expect: () => [[s.teamId, ['webhook.created']]],
  },
  'POST /api/webhooks/:id': {
    run: () => new Api(t.app, { token: s.webhookSecret }).post<WebhookIntakeResult>(`/api/webhooks/${s.webhookId}`, { title: 'Disk 91% on backup-1', dedupKey: 'disk-backup-1' }),
    expect: () => [[team.boards.interrupts, ['card.created', 'interrupt.received']]],
  },
  'DELETE /api/teams/:teamId/webhooks/:webhookId': { run: () => admin().del(`/api/teams/${s.teamId}/webhooks/${s.webhookId}`), expect: () => [[s.teamId, ['webhook.revoked']]] },

  // ---- planning
  'POST /api/teams/:teamId/features': {
    run: async () => {
      const res = await admin().post<Feature>(`/api/teams/${s.teamId}/features`, { name: 'Walk feature', leadId: team.byRole.member.id });
      s.featureId = res.body.id;
      s.featureVersion = res.body.version;
      return res;
    },
    expect: () => [[s.teamId, ['feature.created']]],
  },
  'PATCH /api/features/:id': { run: () => admin().patch(`/api/features/${s.featureId}`, { version: s.featureVersion, goal: 'Walk all routes' }), expect: () => [[s.teamId, ['feature.updated']]] },
  'POST /api/teams/:teamId/iterations': {
    run: async () => {
      const res = await admin().post<Iteration>(`/api/teams/${s.teamId}/iterations`, { startDate: day(0).slice(0, 10) });
      s.iterationId = res.body.id;
      return res;
    },
    expect: () => [[s.teamId, ['iteration.created']]],
  },
  'PUT /api/features/:id/pairs': {
    run: () => admin().put(`/api/features/${s.featureId}/pairs`, { iterationId: s.iterationId, pairs: [[team.byRole.member.id, team.byRole.po.id]] }),
    expect: () => [[s.teamId, ['feature.pairs_set']]],
  },
  // ---- a person's own requests (the guest's routes; anyone in the team may use them)
  'POST /api/teams/:teamId/proposals': {
    run: () => admin().post(`/api/teams/${s.teamId}/proposals`, { boardKind: 'planned', title: 'Walk proposal' }),
    expect: () => [[planned(), ['card.created']]],
  },
  'POST /api/teams/:teamId/my-work/:cardId/move': {
    prepare: async () => {
      const card = await ok(admin().post<Card>(`/api/boards/${planned()}/cards`, { title: 'Walk paired card', featureId: s.featureId, assigneeIds: [team.admin.id] }));
      const snapshot = await ok(admin().get<BoardSnapshot>(`/api/boards/${planned()}`));
      s.pairedCardId = card.id;
      s.toColumnId = snapshot.columns.find((c) => c.category === 'doing' && c.id !== card.columnId)!.id;
    },
    run: () => admin().post(`/api/teams/${s.teamId}/my-work/${s.pairedCardId}/move`, { toColumnId: s.toColumnId }),
    expect: () => [[planned(), ['card.moved']]],
  },
  'PATCH /api/iterations/:id': { run: () => admin().patch(`/api/iterations/${s.iterationId}`, { goal: 'Ship the walk' }), expect: () => [[s.teamId, ['iteration.updated']]] },
  'POST /api/iterations/:id/cards': {
    run: () => admin().post(`/api/iterations/${s.iterationId}/cards`, { cardIds: [s.cardId] }),
    expect: () => [[planned(), ['card.updated']]],
  },
  'DELETE /api/iterations/:id/cards/:cardId': { run: () => admin().del(`/api/iterations/${s.iterationId}/cards/${s.cardId}`), expect: () => [[planned(), ['card.updated']]] },
  'POST /api/iterations/:id/start': {
    prepare: async () => {
      await ok(admin().post(`/api/iterations/${s.iterationId}/cards`, { cardIds: [s.cardId] }));
    },
    run: () => admin().post(`/api/iterations/${s.iterationId}/start`),
    expect: () => [[s.teamId, ['iteration.started']]],
  },
  'POST /api/iterations/:id/close': {
    run: () => admin().post(`/api/iterations/${s.iterationId}/close`, { carryOverTo: null }),
    expect: () => [
      [s.teamId, ['iteration.closed']],
      [planned(), ['card.updated']],
    ],
  },

  // ---- technology catalogue (issue 14)
  'POST /api/teams/:teamId/technologies': {
    run: async () => {
      const res = await admin().post<{ id: string; version: number }>(`/api/teams/${s.teamId}/technologies`, { name: 'Walk technology' });
      s.technologyId = res.body.id;
      s.technologyVersion = res.body.version;
      return res;
    },
    expect: () => [[s.teamId, ['technology.created']]],
  },
  'PATCH /api/technologies/:id': {
    run: async () => {
      const res = await admin().patch<{ version: number }>(`/api/technologies/${s.technologyId}`, { version: s.technologyVersion, configManagedPct: 50 });
      s.technologyVersion = res.body.version;
      return res;
    },
    expect: () => [[s.teamId, ['technology.updated']]],
  },
  'POST /api/technologies/:id/override': {
    run: async () => {
      const res = await admin().post<{ version: number }>(`/api/technologies/${s.technologyId}/override`, { version: s.technologyVersion, level: 2, reason: 'walk' });
      s.technologyVersion = res.body.version;
      return res;
    },
    expect: () => [[s.teamId, ['technology.updated']]],
  },
  'POST /api/technologies/:id/assessments': {
    run: async () => {
      const res = await admin().post<{ id: string }>(`/api/technologies/${s.technologyId}/assessments`, {});
      s.assessmentId = res.body.id;
      return res;
    },
    expect: () => [[s.teamId, ['assessment.opened']]],
  },
  'PUT /api/assessments/:id/scores': {
    run: () => admin().put(`/api/assessments/${s.assessmentId}/scores`, { scores: { stability: { score: 3, note: '' } } }),
    expect: () => [[s.teamId, ['assessment.scored']]],
  },
  'POST /api/assessments/:id/reveal': { run: () => admin().post(`/api/assessments/${s.assessmentId}/reveal`), expect: () => [[s.teamId, ['assessment.revealed']]] },
  'POST /api/assessments/:id/settle': {
    run: () => admin().post(`/api/assessments/${s.assessmentId}/settle`, { scores: { stability: { score: 3, note: '' } } }),
    expect: () => [[s.teamId, ['assessment.settled']]],
  },
  'POST /api/teams/:teamId/technology-rules': {
    run: async () => {
      const res = await admin().post<{ id: string }>(`/api/teams/${s.teamId}/technology-rules`, { technologyId: s.technologyId, matchers: ['job=walk'] });
      s.ruleId = res.body.id;
      return res;
    },
    expect: () => [[s.teamId, ['technology.rule_added']]],
  },
  'DELETE /api/technology-rules/:id': { run: () => admin().del(`/api/technology-rules/${s.ruleId}`), expect: () => [[s.teamId, ['technology.rule_removed']]] },
  'PUT /api/cards/:id/technologies': {
    run: () => admin().put(`/api/cards/${s.cardId}/technologies`, { technologyIds: [s.technologyId] }),
    expect: () => [[s.teamId, ['card.technologies_set']]],
  },
  'POST /api/technologies/:id/archive': { run: () => admin().post(`/api/technologies/${s.technologyId}/archive`), expect: () => [[s.teamId, ['technology.archived']]] },
  'POST /api/technologies/:id/restore': { run: () => admin().post(`/api/technologies/${s.technologyId}/restore`), expect: () => [[s.teamId, ['technology.restored']]] },
  // ---- standups: every step is a team event, so followers move with the facilitator
  'POST /api/teams/:teamId/standups': {
    run: async () => {
      const res = await team.byRole.member.api.post<{ id: string }>(`/api/teams/${s.teamId}/standups`, { boardIds: [planned()] });
      s.standupId = res.body.id;
      return res;
    },
    expect: () => [[s.teamId, ['standup.started']]],
  },
  'POST /api/standups/:id/focus': {
    run: () => team.byRole.member.api.post(`/api/standups/${s.standupId}/focus`, { boardId: planned(), cardId: null, personId: null, paused: true }),
    expect: () => [[s.teamId, ['standup.focused']]],
  },
  'POST /api/standups/:id/finish': {
    run: () => team.byRole.member.api.post(`/api/standups/${s.standupId}/finish`, { speakers: [{ userId: team.byRole.member.id, seconds: 30 }] }),
    expect: () => [[s.teamId, ['standup.finished']]],
  },
  // ---- conversation
  'POST /api/cards/:id/comments': {
    prepare: async () => {
      s.commentCardId = (await ok(admin().post<Card>(`/api/boards/${planned()}/cards`, { title: 'Talked about' }))).id;
    },
    run: async () => {
      const res = await admin().post<{ id: string }>(`/api/cards/${s.commentCardId}/comments`, { body: 'First!' });
      s.commentId = res.body.id;
      return res;
    },
    expect: () => [[planned(), ['comment.created']]],
  },
  'PATCH /api/cards/:id/comments/:commentId': {
    run: () => admin().patch(`/api/cards/${s.commentCardId}/comments/${s.commentId}`, { body: 'Second' }),
    expect: () => [[planned(), ['comment.edited']]],
  },
  'POST /api/cards/:id/comments/:commentId/reactions': {
    run: () => admin().post(`/api/cards/${s.commentCardId}/comments/${s.commentId}/reactions`, { emoji: '👍' }),
    expect: () => [[planned(), ['comment.reacted']]],
  },
  'DELETE /api/cards/:id/comments/:commentId': {
    run: () => admin().del(`/api/cards/${s.commentCardId}/comments/${s.commentId}`),
    expect: () => [[planned(), ['comment.deleted']]],
  },
  'PUT /api/cards/:id/watch': { run: () => team.byRole.viewer.api.put(`/api/cards/${s.commentCardId}/watch`), expect: () => [] },
  'DELETE /api/cards/:id/watch': { run: () => team.byRole.viewer.api.del(`/api/cards/${s.commentCardId}/watch`), expect: () => [] },
  // ---- saved filters: a team filter is news for every open board (a personal one emits nothing, see saved-filters.test.ts)
  'POST /api/teams/:teamId/saved-filters': {
    run: async () => {
      const res = await admin().post<{ id: string }>(`/api/teams/${s.teamId}/saved-filters`, { name: 'Blocked bugs', scope: 'team', filter: { q: '', person: null, label: null, type: 'bug', feature: null } });
      s.savedFilterId = res.body.id;
      return res;
    },
    expect: () => [[s.teamId, ['saved_filter.saved']]],
  },
  'PATCH /api/saved-filters/:id': { run: () => admin().patch(`/api/saved-filters/${s.savedFilterId}`, { name: 'Bugs' }), expect: () => [[s.teamId, ['saved_filter.saved']]] },
  'DELETE /api/saved-filters/:id': { run: () => admin().del(`/api/saved-filters/${s.savedFilterId}`), expect: () => [[s.teamId, ['saved_filter.deleted']]] },
  // ---- retrospectives
  'POST /api/teams/:teamId/retros': {
    run: async () => {
      const res = await admin().post<{ retro: { id: string } }>(`/api/teams/${s.teamId}/retros`, { title: 'Walk retro' });
      rs.retroId = res.body.retro.id;
      return res;
    },
    expect: () => [[s.teamId, ['retro.created']]],
  },
  'PUT /api/retros/:id/checkin': { run: () => admin().put(`/api/retros/${rs.retroId}/checkin`, { morale: 4, mood: 'fine' }), expect: () => [[s.teamId, ['retro.changed']]] },
  'POST /api/retros/:id/phase': { run: () => admin().post(`/api/retros/${rs.retroId}/phase`, { phase: 'write' }), expect: () => [[s.teamId, ['retro.changed']]] },
  'POST /api/retros/:id/notes': {
    run: async () => {
      const res = await admin().post<{ notes: { id: string }[] }>(`/api/retros/${rs.retroId}/notes`, { quadrant: 'do', text: 'Walk every route' });
      rs.noteId = res.body.notes[0]!.id;
      return res;
    },
    expect: () => [[s.teamId, ['retro.changed']]],
  },
  'DELETE /api/retro-notes/:id': {
    run: () => admin().del(`/api/retro-notes/${rs.noteId}`),
    expect: () => [[s.teamId, ['retro.changed']]],
  },
  'POST /api/retros/:id/themes': {
    prepare: async () => {
      const view = await ok(admin().post<{ notes: { id: string }[] }>(`/api/retros/${rs.retroId}/notes`, { quadrant: 'try', text: 'Walk faster' }));
      rs.noteId = view.notes[0]!.id;
      await ok(admin().post(`/api/retros/${rs.retroId}/phase`, { phase: 'group' }));
    },
    run: async () => {
      const res = await admin().post<{ themes: { id: string }[] }>(`/api/retros/${rs.retroId}/themes`, { title: 'Speed' });
      rs.themeId = res.body.themes[0]!.id;
      return res;
    },
    expect: () => [[s.teamId, ['retro.changed']]],
  },
  'PUT /api/retro-notes/:id/theme': { run: () => admin().put(`/api/retro-notes/${rs.noteId}/theme`, { themeId: rs.themeId }), expect: () => [[s.teamId, ['retro.changed']]] },
  'POST /api/retros/:id/votes': {
    prepare: async () => {
      await ok(admin().post(`/api/retros/${rs.retroId}/phase`, { phase: 'vote' }));
    },
    run: () => admin().post(`/api/retros/${rs.retroId}/votes`, { themeId: rs.themeId }),
    expect: () => [[s.teamId, ['retro.changed']]],
  },
  'DELETE /api/retros/:id/votes/:themeId': { run: () => admin().del(`/api/retros/${rs.retroId}/votes/${rs.themeId}`), expect: () => [[s.teamId, ['retro.changed']]] },
  'POST /api/retros/:id/timer': {
    prepare: async () => {
      await ok(admin().post(`/api/retros/${rs.retroId}/phase`, { phase: 'discuss' }));
    },
    run: () => admin().post(`/api/retros/${rs.retroId}/timer`, { minutes: 10 }),
    expect: () => [[s.teamId, ['retro.changed']]],
  },
  'POST /api/retros/:id/actions': {
    run: () => admin().post(`/api/retros/${rs.retroId}/actions`, { title: 'Walk action', ownerId: team.byRole.member.id, board: 'planned' }),
    expect: () => [
      [s.teamId, ['retro.changed']],
      [planned(), ['card.created']],
    ],
  },
  'POST /api/retros/:id/publish': {
    prepare: async () => {
      await ok(admin().post(`/api/retros/${rs.retroId}/phase`, { phase: 'actions' }));
      await ok(admin().post(`/api/retros/${rs.retroId}/phase`, { phase: 'done' }));
    },
    run: () => admin().post(`/api/retros/${rs.retroId}/publish`),
    expect: () => [[s.teamId, ['retro.changed']]],
  },
  // ---- postmortems
  'POST /api/cards/:id/postmortem': {
    run: async () => {
      const card = await ok(admin().post<Card>(`/api/boards/${planned()}/cards`, { title: 'Walk incident', labels: ['incident'] }));
      const res = await admin().post<{ id: string; version: number }>(`/api/cards/${card.id}/postmortem`);
      rs.postmortemId = res.body.id;
      rs.postmortemVersion = res.body.version;
      return res;
    },
    expect: () => [[s.teamId, ['postmortem.created']]],
  },
  'PATCH /api/postmortems/:id': {
    run: () => admin().patch(`/api/postmortems/${rs.postmortemId}`, { version: rs.postmortemVersion, summary: 'Walked' }),
    expect: () => [[s.teamId, ['postmortem.changed']]],
  },
  'POST /api/postmortems/:id/actions': {
    run: () => admin().post(`/api/postmortems/${rs.postmortemId}/actions`, { title: 'Walk action item', ownerId: team.byRole.member.id, board: 'planned' }),
    expect: () => [
      [s.teamId, ['postmortem.changed']],
      [planned(), ['card.created']],
    ],
  },
  'POST /api/postmortems/:id/publish': { run: () => admin().post(`/api/postmortems/${rs.postmortemId}/publish`), expect: () => [[s.teamId, ['postmortem.changed']]] },
  // ---- planning poker: each session is its own stream; accepting also edits the card on its board
  'POST /api/teams/:teamId/poker': {
    run: async () => {
      const res = await admin().post<PokerSession>(`/api/teams/${s.teamId}/poker`, { deck: 'fibonacci', cardIds: [s.cardId] });
      s.pokerId = res.body.id;
      return res;
    },
    expect: () => [[s.pokerId, ['poker.opened', 'poker.joined', 'poker.cards_queued', 'poker.round_started']]],
  },
  'PUT /api/teams/:teamId/poker/deck': {
    run: () => team.byRole.po.api.put(`/api/teams/${s.teamId}/poker/deck`, { cards: [{ label: 'S', points: 2 }, { label: 'L', points: 5 }] }),
    expect: () => [[s.teamId, ['poker.deck_saved']]],
  },
  'DELETE /api/teams/:teamId/poker/deck': { run: () => team.byRole.po.api.del(`/api/teams/${s.teamId}/poker/deck`), expect: () => [[s.teamId, ['poker.deck_saved']]] },
  'POST /api/poker/:id/join': { run: () => team.byRole.member.api.post(`/api/poker/${s.pokerId}/join`, {}), expect: () => [[s.pokerId, ['poker.joined']]] },
  'POST /api/poker/:id/vote': { run: () => team.byRole.member.api.post(`/api/poker/${s.pokerId}/vote`, { value: '8' }), expect: () => [[s.pokerId, ['poker.voted']]] },
  'POST /api/poker/:id/reveal': { run: () => admin().post(`/api/poker/${s.pokerId}/reveal`), expect: () => [[s.pokerId, ['poker.revealed']]] },
  'POST /api/poker/:id/revote': { run: () => admin().post(`/api/poker/${s.pokerId}/revote`), expect: () => [[s.pokerId, ['poker.round_started']]] },
  'POST /api/poker/:id/accept': {
    prepare: async () => {
      await ok(admin().post(`/api/poker/${s.pokerId}/reveal`));
    },
    run: () => admin().post(`/api/poker/${s.pokerId}/accept`, { value: '13' }),
    expect: () => [
      [s.pokerId, ['poker.accepted']],
      [planned(), ['card.updated']],
    ],
  },
  'POST /api/poker/:id/cards': {
    run: () => admin().post(`/api/poker/${s.pokerId}/cards`, { cardIds: [s.pairedCardId] }),
    expect: () => [[s.pokerId, ['poker.cards_queued', 'poker.round_started']]],
  },
  'POST /api/poker/:id/skip': {
    run: async () => {
      const res = await admin().post<PokerSession>(`/api/poker/${s.pokerId}/skip`);
      s.pokerItemId = res.body.items.find((i) => i.status === 'skipped')!.id;
      return res;
    },
    expect: () => [[s.pokerId, ['poker.skipped']]],
  },
  'POST /api/poker/:id/items/:itemId/current': { run: () => admin().post(`/api/poker/${s.pokerId}/items/${s.pokerItemId}/current`), expect: () => [[s.pokerId, ['poker.round_started']]] },
  'POST /api/poker/:id/facilitator': { run: () => admin().post(`/api/poker/${s.pokerId}/facilitator`, { userId: team.byRole.po.id }), expect: () => [[s.pokerId, ['poker.facilitator_changed']]] },
  'POST /api/poker/:id/close': { run: () => team.byRole.po.api.post(`/api/poker/${s.pokerId}/close`), expect: () => [[s.pokerId, ['poker.closed']]] },

  // ---- exempt routes, walked too: they must leave every stream alone
  'POST /api/auth/login': {
    run: () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: team.byRole.viewer.email, password: PASSWORD } }).then((r) => ({ status: r.statusCode, body: r.json(), headers: r.headers })),
    expect: () => [],
  },
  'DELETE /api/auth/sessions/:id': {
    prepare: async () => {
      const sessions = await ok(team.byRole.viewer.session.get<{ id: string; current: boolean }[]>('/api/auth/sessions'));
      s.sessionShortId = sessions.find((x) => !x.current)!.id;
    },
    run: () => team.byRole.viewer.session.del(`/api/auth/sessions/${s.sessionShortId}`),
    expect: () => [],
  },
  'POST /api/auth/tokens': {
    run: async () => {
      const res = await team.byRole.viewer.session.post<{ token: { id: string } }>('/api/auth/tokens', { name: 'walk' });
      s.tokenId = res.body.token.id;
      return res;
    },
    expect: () => [],
  },
  'DELETE /api/auth/tokens/:id': { run: () => team.byRole.viewer.session.del(`/api/auth/tokens/${s.tokenId}`), expect: () => [] },
  'POST /api/notifications/:id/read': {
    prepare: async () => {
      s.notificationId = (await ok(team.byRole.member.api.get<{ id: string }[]>('/api/notifications')))[0]!.id;
    },
    run: () => team.byRole.member.api.post(`/api/notifications/${s.notificationId}/read`),
    expect: () => [],
  },
  'POST /api/notifications/read': { run: () => team.byRole.member.api.post('/api/notifications/read'), expect: () => [] },
  'POST /api/auth/password': {
    run: () => team.byRole.viewer.session.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'another long passphrase for the walk' }),
    expect: () => [],
  },
  'POST /api/teams/:teamId/outgoing-hooks': {
    run: async () => {
      const res = await admin().post<{ hook: { id: string } }>(`/api/teams/${s.teamId}/outgoing-hooks`, { name: 'Walk hook', url: 'https://192.0.2.10/hook', format: 'slack' });
      s.hookId = res.body.hook.id;
      return res;
    },
    expect: () => [],
  },
  'POST /api/outgoing-hooks/:id/test': { run: () => admin().post(`/api/outgoing-hooks/${s.hookId}/test`), expect: () => [] },
  'DELETE /api/outgoing-hooks/:id': { run: () => admin().del(`/api/outgoing-hooks/${s.hookId}`), expect: () => [] },
  'POST /api/auth/password-reset': { run: () => t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: team.byRole.viewer.email } }).then((r) => ({ status: r.statusCode, body: r.json(), headers: r.headers })), expect: () => [] },
  'POST /api/auth/password-reset/confirm': {
    prepare: async () => {
      await db.database.db.execute(sql`INSERT INTO password_resets (token_hash, user_id, expires_at, created_at) VALUES (${sha256('obr_walk')}, ${team.byRole.po.id}, now() + interval '1 hour', now())`);
    },
    run: () => t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token: 'obr_walk', password: 'another long passphrase' } }).then((r) => ({ status: r.statusCode, body: r.json(), headers: r.headers })),
    expect: () => [],
  },
  'PUT /api/account/notify-preferences': {
    run: () =>
      team.byRole.member.api.put('/api/account/notify-preferences', {
        timeZone: 'Europe/Berlin',
        routes: { 'interrupt.escalated': ['inApp'], 'interrupt.urgent': ['inApp'], 'interrupt.unacknowledged': ['inApp'], 'potw.handoff': [], 'iteration.changed': [] },
        quietHours: null,
        urgentBreaksQuiet: true,
        digestAt: null,
      }),
    expect: () => [],
  },
  'POST /api/account/calendar': { run: () => team.byRole.member.api.post('/api/account/calendar'), expect: () => [] },
  'DELETE /api/account/calendar': { run: () => team.byRole.member.api.del('/api/account/calendar'), expect: () => [] },
  'POST /api/auth/logout': { run: () => team.byRole.viewer.session.post('/api/auth/logout'), expect: () => [] },
};

async function streamSeqs(): Promise<Map<string, number>> {
  const result = await db.database.db.execute<{ id: string; last_seq: string | number }>(sql`SELECT id, last_seq FROM streams`);
  return new Map(result.rows.map((r) => [r.id, Number(r.last_seq)]));
}

async function typesSince(streamId: string, seq: number): Promise<string[]> {
  const result = await db.database.db.execute<{ type: string }>(sql`SELECT type FROM events WHERE stream_id = ${streamId} AND seq > ${seq} ORDER BY seq`);
  return result.rows.map((r) => r.type);
}

describe('every mutating route', () => {
  it('has a walk step here, or a reasoned exemption, and nothing here is stale', () => {
    const mutating = t.routes.filter((r) => MUTATING.has(r.method)).map((r) => `${r.method} ${r.url}`);
    expect(mutating.length).toBeGreaterThan(40);
    expect(mutating.filter((key) => !(key in WALK)), 'mutating routes with no walk step').toEqual([]);
    expect(Object.keys(WALK).filter((key) => !mutating.includes(key)), 'walk steps for routes that no longer exist').toEqual([]);
    for (const key of Object.keys(EXEMPT)) expect(WALK[key]?.expect(), `${key} is exempt, so it expects no event`).toEqual([]);
    for (const [key, step] of Object.entries(WALK)) if (!(key in EXEMPT)) expect(step.expect().length, `${key} names the stream its event goes to`).toBeGreaterThan(0);
  });

  it('appends its event to the team or board stream (exempt ones leave every stream alone)', async () => {
    s.teamId = team.team.id;
    const failures: string[] = [];
    for (const [key, step] of Object.entries(WALK)) {
      await step.prepare?.();
      const before = await streamSeqs();
      const res = await step.run();
      if (res.status >= 300) {
        failures.push(`${key}: ${res.status} ${JSON.stringify(res.body)}`);
        continue;
      }
      const after = await streamSeqs();
      const changed = [...after].filter(([id, seq]) => seq > (before.get(id) ?? 0)).map(([id]) => id);
      const expected = step.expect();
      if (expected.length === 0 && changed.length > 0) failures.push(`${key} is exempt but appended to ${changed.length} stream(s)`);
      for (const [streamId, types] of expected) {
        const got = await typesSince(streamId, before.get(streamId) ?? 0);
        const missing = types.filter((type) => !got.includes(type));
        if (missing.length > 0) failures.push(`${key}: stream ${streamId} got [${got.join(', ')}], missing [${missing.join(', ')}]`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('an invited e-mail that signs up joins with a member.added a teammate’s open team page receives', async () => {
    const other = await createTeam(t.app, 'Invites');
    const email = `late.joiner.${Date.now()}@example.test`;
    await ok(other.admin.api.post(`/api/teams/${other.team.id}/invitations`, { email, role: 'viewer' }));
    const before = (await streamSeqs()).get(other.team.id)!;
    const joined = await signupWith(email);
    const page = await other.byRole.member.api.get<{ events: { type: string; payload: { member?: { userId: string; role: string } } }[] }>(
      `/api/boards/${other.team.id}/events?since=${before}`,
    );
    expect(page.body.events.map((e) => e.type)).toEqual(['invitation.accepted', 'member.added']);
    expect(page.body.events[1]!.payload.member).toMatchObject({ userId: joined, role: 'viewer' });
  });
});

async function signupWith(email: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, name: 'Late Joiner', password: PASSWORD } });
  expect(res.statusCode).toBe(201);
  return (JSON.parse(res.body) as { user: { id: string } }).user.id;
}
