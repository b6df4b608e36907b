/**
 * The client's check of an event at the websocket boundary. The bundle has no
 * JSON-schema validator (typebox is stubbed, see client/SERVER-REQUESTS.md),
 * so each event type gets a cheap structural check: every payload field is
 * present with the right kind, and the entities in it carry the fields the
 * stores key on. The mapped types below make a catalogue change that is not
 * reflected here a compile error; the API suites run every event the server
 * produced through `parseServerMessage` (tests/helpers/event-catalogue.ts).
 */
import type {
  AssessmentSummary,
  Board,
  BoardEvent,
  BoardEventType,
  Card,
  CardTemplate,
  Column,
  Comment,
  EventEnvelope,
  Feature,
  Handoff,
  Interrupt,
  Iteration,
  Lane,
  Member,
  PersonScores,
  Retro,
  PokerEvent,
  PokerEventType,
  Recurrence,
  RotationSettings,
  StandupFocus,
  Standup,
  SavedFilter,
  StartConfirmation,
  StreamEvent,
  TeamEvent,
  TeamEventType,
  TeamInfo,
  Technology,
  TechnologyRule,
} from '@opsboard/shared';
import { isNumber, isRecord, isString } from '../lib/guards';

type Check = (value: unknown) => boolean;

/** Checks for an object's fields: only names the type has (a typo does not compile), not necessarily all of them. */
function fields<T>(checks: { readonly [K in keyof T]?: Check }): Check {
  const entries = Object.entries(checks).filter((e): e is [string, Check] => typeof e[1] === 'function');
  return (value) => isRecord(value) && entries.every(([key, check]) => check(value[key]));
}

const id: Check = (v) => isString(v) && v !== '';
const text: Check = isString;
const count: Check = isNumber;
const bool: Check = (v) => typeof v === 'boolean';
const nullOr =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const listOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);

const comment = fields<Comment>({ id, cardId: id, authorId: nullOr(id), body: text, mentionIds: listOf(id), reactions: listOf(fields<{ emoji: string; userIds: string[] }>({ emoji: text, userIds: listOf(id) })), createdAt: text, editedAt: nullOr(text) });
const board = fields<Board>({ id, teamId: id, kind: text, name: text, rank: text, personWipLimit: nullOr(count), definitionOfDone: listOf(fields<Board['definitionOfDone'][number]>({ id, text })), archivedAt: nullOr(text) });
const column = fields<Column>({ id, boardId: id, name: text, rank: text, category: text, wipLimit: nullOr(count), wipPolicy: text, archivedAt: nullOr(text) });
const lane = fields<Lane>({ id, boardId: id, name: text, rank: text, wipLimit: nullOr(count), wipPolicy: text, archivedAt: nullOr(text) });
const card = fields<Card>({
  id,
  boardId: id,
  number: count,
  columnId: id,
  laneId: nullOr(id),
  rank: text,
  version: count,
  title: text,
  assigneeIds: listOf(id),
  labels: listOf(text),
  links: listOf(fields<Card['links'][number]>({ kind: text, cardId: id })),
  checklist: listOf(fields<Card['checklist'][number]>({ id, text, done: bool })),
  dodChecked: listOf(id),
  blocked: bool,
  archivedAt: nullOr(text),
});
/** Escalation to acknowledge has two levels: the next person in the rotation, then the admins. */
const ackLevel: Check = (v) => v === 1 || v === 2;
const interrupt = fields<Interrupt>({ cardId: id, source: text, severity: text, status: text, occurrences: count, receivedAt: text });
const member = fields<Member>({ userId: id, name: text, email: text, role: text });
const team = fields<TeamInfo>({ id, name: text, timezone: text });
const feature = fields<Feature>({ id, teamId: id, name: text, status: text, leadId: nullOr(id), version: count });
const iteration = fields<Iteration>({ id, teamId: id, name: text, startDate: text, endDate: text, state: text, version: count });
const settings = fields<RotationSettings>({ memberIds: listOf(id), handoffWeekday: count, handoffTime: text, timezone: text });
const handoff = fields<Handoff>({ handoffAt: text, summary: text, saved: bool });
const savedFilter = fields<SavedFilter>({ id, teamId: id, scope: text, name: text, filter: isRecord });
const changes: Check = (v) => isRecord(v) && Object.values(v).every((c) => isRecord(c) && 'from' in c && 'to' in c);
const placement = fields<{ columnId: string; laneId: string | null; rank: string }>({ columnId: id, laneId: nullOr(id), rank: text });
const wip = fields<{ wipLimit: number | null; wipPolicy: string }>({ wipLimit: nullOr(count), wipPolicy: text });
const confirmation = fields<StartConfirmation>({ userId: id, at: text, reason: nullOr(text) });
const focus = fields<StandupFocus>({ boardId: id, cardId: nullOr(id), personId: nullOr(id), paused: bool });
const standup = fields<Standup>({ id, teamId: id, boardIds: listOf(id), mode: text, facilitatorId: id, limitSeconds: count, startedAt: text, endedAt: nullOr(text), focus: nullOr(focus) });
const template = fields<CardTemplate>({ id, teamId: id, name: text, type: text, description: text, labels: listOf(text), checklist: listOf(text) });
const recurrence = fields<Recurrence>({ id, teamId: id, boardId: id, columnId: nullOr(id), title: text, schedule: text, nextAt: nullOr(text) });
const pair: Check = (v) => Array.isArray(v) && v.length === 2 && v.every(id);
const technology = fields<Technology>({ id, teamId: id, name: text, lifecycle: text, configManagedPct: count, level: nullOr(count), version: count });
const assessment = fields<AssessmentSummary>({ id, technologyId: id, status: text, assessedOn: text, scorerIds: listOf(id), level: nullOr(count) });
const techRule = fields<TechnologyRule>({ id, technologyId: id, text });
const personScores = fields<PersonScores>({ userId: id, scores: (v) => isRecord(v) });

type PayloadOf<E extends StreamEvent, K extends E['type']> = Extract<E, { type: K }>['payload'];
/** One check per payload field, all of them: `-?` makes a missing field, and the index a stray one, a compile error. */
type PayloadChecks<P> = { readonly [F in keyof P]-?: Check };

const BOARD_PAYLOADS: { readonly [K in BoardEventType]: PayloadChecks<PayloadOf<BoardEvent, K>> } = {
  'board.updated': { board, changes },
  'column.created': { column },
  'column.updated': { column, changes },
  'column.wip_limit_changed': { column, from: wip, to: wip },
  'column.moved': { column },
  'column.archived': { column },
  'column.restored': { column },
  'lane.created': { lane },
  'lane.updated': { lane, changes },
  'lane.moved': { lane },
  'lane.archived': { lane },
  'lane.restored': { lane },
  'card.created': { card, overrideReason: nullOr(text) },
  'card.updated': { card, changes },
  'card.moved': { card, from: placement, to: placement, overrideReason: nullOr(text) },
  'card.archived': { card },
  'card.restored': { card, overrideReason: nullOr(text) },
  'card.moved_out': { cardId: id, toBoardId: id },
  'card.moved_in': { card, fromBoardId: id, overrideReason: nullOr(text), interrupt: nullOr(interrupt) },
  'cards.reranked': { columnId: id, ranks: listOf(fields<{ cardId: string; rank: string }>({ cardId: id, rank: text })) },
  'interrupt.received': { interrupt },
  'interrupt.repeated': { interrupt },
  'interrupt.resolved_by_source': { interrupt },
  'interrupt.triaged': { interrupt, action: text, note: nullOr(text) },
  'interrupt.unacknowledged': { interrupt, level: ackLevel, userIds: listOf(id) },
  'comment.created': { comment },
  'comment.edited': { comment, previousBody: text },
  'comment.deleted': { commentId: id, cardId: id, authorId: nullOr(id) },
  'comment.reacted': { comment, emoji: text, userId: id, added: bool },
};

const retro = fields<Retro>({ id, teamId: id, iterationId: nullOr(id), title: text, phase: text, facilitatorId: id, anonymous: bool, votesPerPerson: count, version: count });

const TEAM_PAYLOADS: { readonly [K in TeamEventType]: PayloadChecks<PayloadOf<TeamEvent, K>> } = {
  'team.updated': { team, changes },
  'member.added': { member },
  'member.updated': { member, changes },
  'member.removed': { userId: id },
  'invitation.sent': { invitationId: id },
  'invitation.withdrawn': { invitationId: id },
  'invitation.accepted': { invitationId: id, userId: id },
  'webhook.created': { webhookId: id },
  'webhook.revoked': { webhookId: id },
  'deployment.recorded': { deploymentId: id },
  'kpi.created': { kpiId: id },
  'kpi.updated': { kpiId: id },
  'kpi.deleted': { kpiId: id },
  'kpi.recorded': { kpiId: id, week: text },
  'poker.deck_saved': { cards: nullOr(listOf(fields<{ label: string; points: number | null }>({ label: text, points: nullOr(count) }))) },
  'board.created': { board },
  'board.changed': { board, changes },
  'board.archived': { board },
  'board.restored': { board },
  'rotation.updated': { settings },
  'rotation.override_added': { overrideId: id, userId: id, start: text, end: text },
  'rotation.override_removed': { overrideId: id },
  'handoff.updated': { handoff },
  'feature.created': { feature },
  'feature.updated': { feature, changes },
  'feature.pairs_set': { featureId: id, iterationId: id, pairs: listOf(pair) },
  'iteration.created': { iteration },
  'iteration.updated': { iteration, changes },
  'iteration.started': { iteration, committed: listOf(fields<{ cardId: string; points: number | null; title: string }>({ cardId: id, points: nullOr(count), title: text })), confirmation: nullOr(confirmation) },
  'iteration.closed': { iteration, finished: listOf(id), carriedOver: listOf(fields<{ cardId: string; to: string | null }>({ cardId: id, to: nullOr(id) })) },
  'technology.created': { technology },
  'technology.updated': { technology, changes },
  'technology.archived': { technology },
  'technology.restored': { technology },
  'technology.rule_added': { rule: techRule },
  'technology.rule_removed': { ruleId: id, technologyId: id },
  'assessment.opened': { assessment },
  'assessment.scored': { assessment },
  'assessment.revealed': { assessment, revealed: listOf(personScores) },
  'assessment.settled': { assessment, technology },
  'card.technologies_set': { cardId: id, technologyIds: listOf(id), origin: text },
  'standup.started': { standup },
  'standup.focused': { standupId: id, focus },
  'standup.finished': { standup },
  'saved_filter.saved': { filter: savedFilter },
  'saved_filter.deleted': { filterId: id },
  'retro.created': { retro },
  'postmortem.created': { postmortemId: id, cardId: id },
  'postmortem.changed': { postmortemId: id, cardId: id, what: text },
  'retro.changed': { retro, what: text, noteCounts: fields<{ do: number; dont: number; try: number; avoid: number }>({ do: count, dont: count, try: count, avoid: count }) },
  'template.created': { template },
  'template.updated': { template, changes },
  'template.deleted': { templateId: id },
  'recurrence.created': { recurrence },
  'recurrence.deleted': { recurrenceId: id },
};

const vote = fields<{ userId: string; value: string }>({ userId: id, value: text });

const POKER_PAYLOADS: { readonly [K in PokerEventType]: PayloadChecks<PayloadOf<PokerEvent, K>> } = {
  'poker.opened': { sessionId: id, name: text, deckKind: text, facilitatorId: id },
  'poker.cards_queued': { items: listOf(fields<{ itemId: string; cardId: string }>({ itemId: id, cardId: id })) },
  'poker.joined': { userId: id, role: text },
  'poker.round_started': { itemId: id, cardId: id, roundId: id, number: count },
  'poker.voted': { roundId: id, userId: id },
  'poker.revealed': { itemId: id, roundId: id, votes: listOf(vote) },
  'poker.accepted': { itemId: id, cardId: id, value: text, points: count },
  'poker.skipped': { itemId: id, cardId: id },
  'poker.facilitator_changed': { from: id, to: id },
  'poker.closed': { sessionId: id },
};

const envelope = fields<EventEnvelope>({ streamId: id, seq: count, actorId: nullOr(id), clientMutationId: nullOr(text), at: text });

function lookup<T extends object>(table: T, type: string): T[keyof T] | undefined {
  return Object.hasOwn(table, type) ? (table as Record<string, T[keyof T]>)[type] : undefined;
}

function payloadMatches(checks: Readonly<Record<string, Check>>, payload: unknown): boolean {
  if (!isRecord(payload)) return false;
  const keys = Object.keys(checks);
  // Exactly the catalogue's fields: an extra one means client and server disagree about the event.
  return Object.keys(payload).length === keys.length && keys.every((key) => checks[key]!(payload[key]));
}

/**
 * The value as a catalogue event, or null when its envelope, type or payload
 * does not match. The one place the client turns unknown JSON into a StreamEvent.
 */
export function parseStreamEvent(value: unknown): StreamEvent | null {
  if (!isRecord(value) || !envelope(value) || !isString(value.type)) return null;
  const checks = lookup(BOARD_PAYLOADS, value.type) ?? lookup(TEAM_PAYLOADS, value.type) ?? lookup(POKER_PAYLOADS, value.type);
  if (!checks || !payloadMatches(checks, value.payload)) return null;
  // Checked field by field above against the catalogue entry for this type.
  return value as unknown as StreamEvent;
}

export function isBoardEvent(event: StreamEvent): event is BoardEvent {
  return Object.hasOwn(BOARD_PAYLOADS, event.type);
}

export function isTeamEvent(event: StreamEvent): event is TeamEvent {
  return Object.hasOwn(TEAM_PAYLOADS, event.type);
}

export function isPokerEvent(event: StreamEvent): event is PokerEvent {
  return Object.hasOwn(POKER_PAYLOADS, event.type);
}
