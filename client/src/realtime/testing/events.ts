/**
 * One well-formed payload for every event of the catalogue, typed by it (a new
 * event or field does not compile until it is added here), and envelopes around them.
 */
import type { AssessmentSummary, BoardEvent, BoardEventType, CardTemplate, Comment, Feature, Interrupt, Iteration, Member, StreamEvent, TeamEvent, TeamEventType, Technology } from '@opsboard/shared';
import { EMPTY_OWNERS } from '@opsboard/shared';
import { board, BOARD_ID, card, column, READY, TEAM_ID } from '../../board/store/testing/fixtures';

const AT = '2026-11-20T09:00:00.000Z';
const USER = '00000000-0000-4000-8000-00000000aa01';
const OTHER = '00000000-0000-4000-8000-00000000aa02';
const CARD = '00000000-0000-4000-8000-00000000ca01';
const THING = '00000000-0000-4000-8000-00000000dd01';

const aFocus = { boardId: BOARD_ID, cardId: CARD, personId: USER, paused: false };
const aStandup = {
  id: THING,
  teamId: TEAM_ID,
  boardIds: [BOARD_ID],
  mode: 'card' as const,
  facilitatorId: USER,
  limitSeconds: 120,
  startedAt: AT,
  endedAt: null,
  durationSeconds: null,
  focus: aFocus,
  speakers: [],
};
const aRetro = { id: THING, teamId: TEAM_ID, iterationId: null, title: 'Sprint 7', phase: 'checkin' as const, facilitatorId: USER, anonymous: false, votesPerPerson: 3, timerEndsAt: null, publishedAt: null, version: 1, createdAt: AT };
const aCard = card(CARD, 'Rotate TLS certs', READY, 'a0');
const aColumn = column(READY, 'Ready', 'a0', 3);
const aLane = { id: THING, boardId: BOARD_ID, name: 'Expedite', rank: 'a0', wipLimit: 1, wipPolicy: 'block' as const, archivedAt: null };
const anInterrupt: Interrupt = {
  cardId: CARD,
  source: 'alertmanager',
  severity: 'critical',
  requester: 'Alertmanager (opsboard)',
  dedupKey: 'alertmanager:c3d4:2026-11-20T08:14:03.123Z',
  alert: { name: 'PostgresReplicationLag', fingerprint: 'c3d4', startsAt: AT, labels: { severity: 'critical' }, generatorUrl: null },
  occurrences: 1,
  receivedAt: AT,
  lastSeenAt: AT,
  resolvedBySourceAt: null,
  status: 'untriaged',
  assignedPotwId: USER,
  triagedAt: null,
  triagedBy: null,
  escalatedTo: null,
  convertedCardId: null,
  duplicateOfCardId: null,
  resolution: null,
  ackEscalation: null,
};
const aComment: Comment = { id: THING, cardId: CARD, authorId: USER, body: 'On it @alex', mentionIds: [USER], reactions: [], createdAt: AT, editedAt: null };
const aMember: Member = { userId: USER, name: 'Alex', email: 'alex@example.test', role: 'member', joinedAt: AT };
const aFeature: Feature = { id: THING, teamId: TEAM_ID, name: 'Kubernetes 1.31', goal: '', customer: '', status: 'active', leadId: USER, version: 1, createdAt: AT, updatedAt: AT };
const aTechnology: Technology = {
  id: THING,
  teamId: TEAM_ID,
  name: 'PostgreSQL',
  description: '',
  links: [],
  owners: EMPTY_OWNERS,
  configManagedPct: 80,
  environments: ['prod'],
  installations: 3,
  lifecycle: 'core',
  computedMean: 3.4,
  computedLevel: 3,
  overrideLevel: null,
  overrideReason: null,
  level: 3,
  lastAssessedOn: '2026-11-01',
  version: 1,
  createdAt: AT,
  updatedAt: AT,
  archivedAt: null,
};
const anAssessment: AssessmentSummary = {
  id: THING,
  technologyId: THING,
  status: 'scoring',
  assessedOn: '2026-11-01',
  openedBy: USER,
  openedAt: AT,
  revealedAt: null,
  settledAt: null,
  settledBy: null,
  scorerIds: [USER],
  scores: null,
  mean: null,
  level: null,
};
const aTemplate: CardTemplate = { id: THING, teamId: TEAM_ID, name: 'Ops story', type: 'story', description: '## Acceptance', labels: ['ops'], checklist: ['Runbook'], createdAt: AT, updatedAt: AT };
const anIteration: Iteration = {
  id: THING,
  teamId: TEAM_ID,
  name: 'Iteration 7',
  goal: '',
  startDate: '2026-11-16',
  endDate: '2026-11-27',
  state: 'active',
  pointsPerPerson: 8,
  committedPoints: 13,
  completedPoints: null,
  startedAt: AT,
  closedAt: null,
  version: 2,
  createdAt: AT,
};
const changes = { name: { from: 'Old', to: 'New' } };
const placement = { columnId: READY, laneId: null, rank: 'a0' };

type Payloads<E extends StreamEvent> = { [K in E['type']]: Extract<E, { type: K }>['payload'] };

export const BOARD_PAYLOADS: Payloads<BoardEvent> = {
  'board.updated': { board: board(), changes },
  'column.created': { column: aColumn },
  'column.updated': { column: aColumn, changes },
  'column.wip_limit_changed': { column: aColumn, from: { wipLimit: null, wipPolicy: 'block' }, to: { wipLimit: 3, wipPolicy: 'warn' } },
  'column.moved': { column: aColumn },
  'column.archived': { column: { ...aColumn, archivedAt: AT } },
  'column.restored': { column: aColumn },
  'lane.created': { lane: aLane },
  'lane.updated': { lane: aLane, changes },
  'lane.moved': { lane: aLane },
  'lane.archived': { lane: { ...aLane, archivedAt: AT } },
  'lane.restored': { lane: aLane },
  'card.created': { card: aCard, overrideReason: null },
  'card.updated': { card: aCard, changes },
  'card.moved': { card: aCard, from: placement, to: { ...placement, rank: 'a1' }, overrideReason: 'Hotfix' },
  'card.archived': { card: { ...aCard, archivedAt: AT } },
  'card.restored': { card: aCard, overrideReason: null },
  'card.moved_out': { cardId: CARD, toBoardId: THING },
  'card.moved_in': { card: aCard, fromBoardId: THING, overrideReason: null, interrupt: anInterrupt },
  'cards.reranked': { columnId: READY, ranks: [{ cardId: CARD, rank: 'a0V' }] },
  'interrupt.received': { interrupt: anInterrupt },
  'interrupt.repeated': { interrupt: { ...anInterrupt, occurrences: 2 } },
  'interrupt.resolved_by_source': { interrupt: { ...anInterrupt, resolvedBySourceAt: AT } },
  'interrupt.triaged': { interrupt: { ...anInterrupt, status: 'accepted' }, action: 'accept', note: null },
  'interrupt.unacknowledged': { interrupt: { ...anInterrupt, ackEscalation: { level: 1, at: AT, userIds: [THING] } }, level: 1, userIds: [THING] },
  'comment.created': { comment: aComment },
  'comment.edited': { comment: { ...aComment, body: 'Done @alex', editedAt: AT }, previousBody: aComment.body },
  'comment.deleted': { commentId: THING, cardId: CARD, authorId: USER },
  'comment.reacted': { comment: { ...aComment, reactions: [{ emoji: '👍', userIds: [OTHER] }] }, emoji: '👍', userId: OTHER, added: true },
};

export const TEAM_PAYLOADS: Payloads<TeamEvent> = {
  'team.updated': { team: { id: TEAM_ID, name: 'Platform Ops', timezone: 'Europe/Berlin', createdAt: AT }, changes },
  'member.added': { member: aMember },
  'member.updated': { member: { ...aMember, role: 'po' }, changes: { role: { from: 'member', to: 'po' } } },
  'member.removed': { userId: USER },
  'invitation.sent': { invitationId: THING },
  'invitation.withdrawn': { invitationId: THING },
  'invitation.accepted': { invitationId: THING, userId: USER },
  'webhook.created': { webhookId: THING },
  'webhook.revoked': { webhookId: THING },
  'deployment.recorded': { deploymentId: THING },
  'kpi.created': { kpiId: THING },
  'kpi.updated': { kpiId: THING },
  'kpi.deleted': { kpiId: THING },
  'kpi.recorded': { kpiId: THING, week: '2026-11-30' },
  'poker.deck_saved': { cards: [{ label: 'S', points: 2 }, { label: 'L', points: 5.5 }] },
  'board.created': { board: board() },
  'board.changed': { board: board(), changes },
  'board.archived': { board: { ...board(), archivedAt: AT } },
  'board.restored': { board: board() },
  'rotation.updated': { settings: { memberIds: [USER, OTHER], handoffWeekday: 1, handoffTime: '09:00', timezone: 'Europe/Berlin' } },
  'rotation.override_added': { overrideId: THING, userId: OTHER, start: AT, end: '2026-11-27T09:00:00.000Z' },
  'rotation.override_removed': { overrideId: THING },
  'handoff.updated': { handoff: { handoffAt: AT, fromUserId: USER, toUserId: OTHER, summary: 'Two alerts open.', saved: true, updatedAt: AT, updatedBy: USER } },
  'feature.created': { feature: aFeature },
  'feature.updated': { feature: aFeature, changes },
  'feature.pairs_set': { featureId: THING, iterationId: THING, pairs: [[USER, OTHER]] },
  'iteration.created': { iteration: anIteration },
  'iteration.updated': { iteration: anIteration, changes },
  'iteration.started': { iteration: anIteration, committed: [{ cardId: CARD, points: 3, title: 'Rotate TLS certs' }], confirmation: null },
  'iteration.closed': { iteration: { ...anIteration, state: 'closed' }, finished: [CARD], carriedOver: [{ cardId: THING, to: null }] },
  'technology.created': { technology: aTechnology },
  'technology.updated': { technology: aTechnology, changes },
  'technology.archived': { technology: { ...aTechnology, archivedAt: AT } },
  'technology.restored': { technology: aTechnology },
  'technology.rule_added': { rule: { id: THING, technologyId: THING, matchers: [{ label: 'job', op: '=', value: 'postgres' }], text: 'job="postgres"', createdAt: AT } },
  'technology.rule_removed': { ruleId: THING, technologyId: THING },
  'assessment.opened': { assessment: anAssessment },
  'assessment.scored': { assessment: anAssessment },
  'assessment.revealed': { assessment: { ...anAssessment, status: 'revealed', revealedAt: AT }, revealed: [{ userId: USER, scores: { stability: { score: 3, note: '' } } }] },
  'assessment.settled': { assessment: { ...anAssessment, status: 'settled', scores: { stability: { score: 3, note: '' } }, mean: 3, level: 3 }, technology: aTechnology },
  'card.technologies_set': { cardId: CARD, technologyIds: [THING], origin: 'person' },
  'standup.started': { standup: aStandup },
  'standup.focused': { standupId: THING, focus: aFocus },
  'standup.finished': { standup: { ...aStandup, endedAt: AT, durationSeconds: 600, speakers: [{ userId: USER, seconds: 90 }] } },
  'saved_filter.saved': {
    filter: { id: THING, teamId: TEAM_ID, scope: 'team', name: 'Blocked bugs', filter: { q: 'etcd', person: null, label: null, type: 'bug', feature: null }, createdBy: USER, updatedAt: AT },
  },
  'saved_filter.deleted': { filterId: THING },
  'retro.created': { retro: aRetro },
  'postmortem.created': { postmortemId: THING, cardId: CARD },
  'postmortem.changed': { postmortemId: THING, cardId: CARD, what: 'edited' },
  'retro.changed': { retro: { ...aRetro, phase: 'write', version: 2 }, what: 'phase', noteCounts: { do: 1, dont: 0, try: 0, avoid: 2 } },
  'template.created': { template: aTemplate },
  'template.updated': { template: aTemplate, changes: { name: { from: 'Ops', to: 'Ops story' } } },
  'template.deleted': { templateId: THING },
  'recurrence.created': {
    recurrence: { id: THING, teamId: TEAM_ID, boardId: BOARD_ID, columnId: null, title: 'Restore test', description: '', checklist: [], schedule: '0 9 * * 1', nextAt: AT, createdAt: AT },
  },
  'recurrence.deleted': { recurrenceId: THING },
};

// The compiler cannot pair a generic K with its payload by itself; BOARD_PAYLOADS[K] is that payload by its type.
export function boardEvent<K extends BoardEventType>(type: K, seq: number): Extract<BoardEvent, { type: K }> {
  return { type, payload: BOARD_PAYLOADS[type], streamId: BOARD_ID, seq, actorId: USER, clientMutationId: null, at: AT } as Extract<BoardEvent, { type: K }>;
}

export function teamEvent<K extends TeamEventType>(type: K, seq: number): Extract<TeamEvent, { type: K }> {
  return { type, payload: TEAM_PAYLOADS[type], streamId: TEAM_ID, seq, actorId: USER, clientMutationId: null, at: AT } as Extract<TeamEvent, { type: K }>;
}
