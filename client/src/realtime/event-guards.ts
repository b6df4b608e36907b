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
  Board,
  BoardEvent,
  BoardEventType,
  Card,
  Column,
  EventEnvelope,
  Feature,
  Handoff,
  Interrupt,
  Iteration,
  Lane,
  Member,
  RotationSettings,
  StartConfirmation,
  StreamEvent,
  TeamEvent,
  TeamEventType,
  TeamInfo,
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

const board = fields<Board>({ id, teamId: id, kind: text, name: text, rank: text, personWipLimit: nullOr(count), archivedAt: nullOr(text) });
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
  blocked: bool,
  archivedAt: nullOr(text),
});
const interrupt = fields<Interrupt>({ cardId: id, source: text, severity: text, status: text, occurrences: count, receivedAt: text });
const member = fields<Member>({ userId: id, name: text, email: text, role: text });
const team = fields<TeamInfo>({ id, name: text, timezone: text });
const feature = fields<Feature>({ id, teamId: id, name: text, status: text, leadId: nullOr(id), version: count });
const iteration = fields<Iteration>({ id, teamId: id, name: text, startDate: text, endDate: text, state: text, version: count });
const settings = fields<RotationSettings>({ memberIds: listOf(id), handoffWeekday: count, handoffTime: text, timezone: text });
const handoff = fields<Handoff>({ handoffAt: text, summary: text, saved: bool });
const changes: Check = (v) => isRecord(v) && Object.values(v).every((c) => isRecord(c) && 'from' in c && 'to' in c);
const placement = fields<{ columnId: string; laneId: string | null; rank: string }>({ columnId: id, laneId: nullOr(id), rank: text });
const wip = fields<{ wipLimit: number | null; wipPolicy: string }>({ wipLimit: nullOr(count), wipPolicy: text });
const confirmation = fields<StartConfirmation>({ userId: id, at: text, reason: nullOr(text) });
const pair: Check = (v) => Array.isArray(v) && v.length === 2 && v.every(id);

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
};

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
  const checks = lookup(BOARD_PAYLOADS, value.type) ?? lookup(TEAM_PAYLOADS, value.type);
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
