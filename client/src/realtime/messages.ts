/** Parses what the server sends on /api/ws into the protocol's message union, refusing anything else. */
import { SUBSCRIBE_REJECT_CODES, type BoardEvent, type MyRequests, type ServerMessage, type StreamEvent, type TeamEvent, type Viewer } from '@opsboard/shared';
import { includes, isNumber, isRecord, isString } from '../lib/guards';
import { isBoardEvent, isTeamEvent, parseStreamEvent } from './event-guards';

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
    case 'event': {
      if (!isString(raw.streamId) || !isNumber(raw.seq)) return null;
      const event = parseStreamEvent(raw.event);
      if (event && event.streamId === raw.streamId && event.seq === raw.seq) return { type: 'event', streamId: raw.streamId, seq: raw.seq, event };
      // An event this client cannot read would leave a hole in the stream it could never fill:
      // treat it as the server treats a hole in its log, and reload the stream from its snapshot.
      return { type: 'resync', streamId: raw.streamId, seq: raw.seq, reason: 'stream_reset' };
    }
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

/** An event of a board stream (the payload was checked when the message was parsed). */
export function asBoardEvent(event: StreamEvent): BoardEvent | null {
  return isBoardEvent(event) ? event : null;
}

/** An event of a team stream. */
export function asTeamEvent(event: StreamEvent): TeamEvent | null {
  return isTeamEvent(event) ? event : null;
}
