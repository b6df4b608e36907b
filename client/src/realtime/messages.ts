/** Parses what the server sends on /api/ws into the protocol's message union, refusing anything else. */
import { BOARD_EVENT_TYPES, SUBSCRIBE_REJECT_CODES, type BoardEvent, type MyRequests, type ServerMessage, type TeamEvent, type TeamEventType, type Viewer } from '@opsboard/shared';
import { includes, isNumber, isRecord, isString } from '../lib/guards';

export function parseServerMessage(text: string): ServerMessage | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || !isString(raw.type)) return null;
  switch (raw.type) {
    case 'hello':
      return isNumber(raw.protocol) && isString(raw.userId) && isString(raw.instanceId)
        ? { type: 'hello', protocol: raw.protocol, userId: raw.userId, instanceId: raw.instanceId }
        : null;
    case 'subscribed':
      return isString(raw.streamId) && isNumber(raw.seq) ? { type: 'subscribed', streamId: raw.streamId, seq: raw.seq } : null;
    case 'event':
      return isString(raw.streamId) && isNumber(raw.seq) && isRecord(raw.event)
        ? { type: 'event', streamId: raw.streamId, seq: raw.seq, event: raw.event }
        : null;
    case 'resync':
      return isString(raw.streamId) && isNumber(raw.seq) && includes(['too_far_behind', 'ahead_of_server', 'stream_reset'] as const, raw.reason)
        ? { type: 'resync', streamId: raw.streamId, seq: raw.seq, reason: raw.reason }
        : null;
    case 'rejected':
      return isString(raw.streamId) && includes(SUBSCRIBE_REJECT_CODES, raw.code)
        ? { type: 'rejected', streamId: raw.streamId, code: raw.code, message: isString(raw.message) ? raw.message : 'No access.' }
        : null;
    case 'presence':
      return isString(raw.streamId) && Array.isArray(raw.viewers) ? { type: 'presence', streamId: raw.streamId, viewers: raw.viewers.filter(isViewer) } : null;
    case 'pong':
      return isNumber(raw.at) ? { type: 'pong', at: raw.at } : { type: 'pong' };
    case 'error':
      return { type: 'error', code: isString(raw.code) ? raw.code : 'error', message: isString(raw.message) ? raw.message : '' };
    case 'notification':
      return { type: 'notification', notification: raw.notification };
    case 'my_requests':
      return isString(raw.teamId) && isMyRequests(raw.requests) ? { type: 'my_requests', teamId: raw.teamId, requests: raw.requests } : null;
    case 'my_requests_rejected':
      return isString(raw.teamId) && includes(['not_found', 'forbidden', 'invalid'] as const, raw.code)
        ? { type: 'my_requests_rejected', teamId: raw.teamId, code: raw.code, message: isString(raw.message) ? raw.message : 'No access.' }
        : null;
    default:
      return null;
  }
}

/** The server builds this with the query behind GET …/my-requests, whose response schema checks it; the outline is checked here. */
function isMyRequests(value: unknown): value is MyRequests {
  return isRecord(value) && isString(value.teamId) && isString(value.teamName) && isString(value.role) && Array.isArray(value.requests) && Array.isArray(value.work);
}

function isViewer(value: unknown): value is Viewer {
  return isRecord(value) && isString(value.userId) && isString(value.name);
}

function hasEnvelope(value: Record<string, unknown>): boolean {
  return isString(value.streamId) && isNumber(value.seq) && isString(value.type) && isRecord(value.payload) && isString(value.at);
}

/** An event of a board stream. The payload shape is the server's (validated there); the type tag is checked here. */
export function asBoardEvent(value: unknown): BoardEvent | null {
  if (!isRecord(value) || !hasEnvelope(value) || !includes(BOARD_EVENT_TYPES, value.type)) return null;
  return value as unknown as BoardEvent;
}

// A record, so a new team event type fails to compile here until it is listed.
const TEAM_EVENT_TAGS: Record<TeamEventType, true> = {
  'team.updated': true,
  'member.added': true,
  'member.updated': true,
  'member.removed': true,
  'board.created': true,
  'board.changed': true,
  'board.archived': true,
  'board.restored': true,
  'rotation.updated': true,
  'rotation.override_added': true,
  'rotation.override_removed': true,
  'handoff.updated': true,
  'feature.created': true,
  'feature.updated': true,
  'feature.pairs_set': true,
  'iteration.created': true,
  'iteration.updated': true,
  'iteration.started': true,
  'iteration.closed': true,
};
const TEAM_EVENT_TYPES = Object.keys(TEAM_EVENT_TAGS) as readonly string[];

export function asTeamEvent(value: unknown): TeamEvent | null {
  if (!isRecord(value) || !hasEnvelope(value) || !TEAM_EVENT_TYPES.includes(String(value.type))) return null;
  return value as unknown as TeamEvent;
}
