import { describe, expect, it } from 'vitest';
import type { BoardEventType, TeamEventType } from '@opsboard/shared';
import { isBoardEvent, isTeamEvent, parseStreamEvent } from './event-guards';
import { parseServerMessage } from './messages';
import { BOARD_PAYLOADS, boardEvent, TEAM_PAYLOADS, teamEvent } from './testing/events';

const boardTypes = Object.keys(BOARD_PAYLOADS) as BoardEventType[];
const teamTypes = Object.keys(TEAM_PAYLOADS) as TeamEventType[];
const everyEvent = () => [...boardTypes.map((t) => boardEvent(t, 4)), ...teamTypes.map((t) => teamEvent(t, 4))];

/** A JSON round trip: what arrives over the socket. */
const wire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('parseStreamEvent', () => {
  it('accepts a well-formed event of every type of the catalogue, on the right kind of stream', () => {
    for (const event of everyEvent()) expect(parseStreamEvent(wire(event)), event.type).toEqual(event);
    for (const t of boardTypes) expect(isBoardEvent(boardEvent(t, 1)) && !isTeamEvent(boardEvent(t, 1))).toBe(true);
    for (const t of teamTypes) expect(isTeamEvent(teamEvent(t, 1)) && !isBoardEvent(teamEvent(t, 1))).toBe(true);
  });

  it('refuses a payload missing any field, with a field too many, or with a field of the wrong kind', () => {
    for (const event of everyEvent()) {
      const payload = wire(event.payload) as Record<string, unknown>;
      for (const field of Object.keys(payload)) {
        const { [field]: _dropped, ...missing } = payload;
        expect(parseStreamEvent({ ...event, payload: missing }), `${event.type} without ${field}`).toBeNull();
        expect(parseStreamEvent({ ...event, payload: { ...payload, [field]: 42 } }), `${event.type} with ${field}: 42`).toBeNull();
      }
      expect(parseStreamEvent({ ...event, payload: { ...payload, surprise: true } }), `${event.type} with a stray field`).toBeNull();
    }
  });

  it('refuses entities without the fields the stores key on, unknown types and broken envelopes', () => {
    const moved = boardEvent('card.moved', 3);
    const { id: _id, ...cardWithoutId } = moved.payload.card;
    expect(parseStreamEvent({ ...moved, payload: { ...moved.payload, card: cardWithoutId } })).toBeNull();
    expect(parseStreamEvent({ ...moved, payload: { ...moved.payload, card: { ...moved.payload.card, version: '2' } } })).toBeNull();
    expect(parseStreamEvent({ ...moved, payload: { ...moved.payload, to: { columnId: null, laneId: null, rank: 'a0' } } })).toBeNull();
    expect(parseStreamEvent({ ...moved, type: 'card.teleported' })).toBeNull();
    expect(parseStreamEvent({ ...moved, type: 'toString' })).toBeNull();
    const { seq: _seq, ...noSeq } = moved;
    expect(parseStreamEvent(noSeq)).toBeNull();
    expect(parseStreamEvent({ ...moved, at: 7 })).toBeNull();
    expect(parseStreamEvent('card.moved')).toBeNull();
  });
});

describe('parseServerMessage for events', () => {
  it('passes an event that matches its message', () => {
    const event = teamEvent('member.added', 9);
    expect(parseServerMessage(JSON.stringify({ type: 'event', streamId: event.streamId, seq: 9, event }))).toEqual({ type: 'event', streamId: event.streamId, seq: 9, event });
  });

  it('turns an event it cannot read into a reload of that stream, so no hole is left waiting', () => {
    const event = boardEvent('card.created', 5);
    const unreadable = { ...event, payload: { card: null, overrideReason: null } };
    expect(parseServerMessage(JSON.stringify({ type: 'event', streamId: event.streamId, seq: 5, event: unreadable }))).toEqual({
      type: 'resync',
      streamId: event.streamId,
      seq: 5,
      reason: 'stream_reset',
    });
    // An envelope that disagrees with its message is unreadable too.
    expect(parseServerMessage(JSON.stringify({ type: 'event', streamId: event.streamId, seq: 6, event }))).toMatchObject({ type: 'resync', reason: 'stream_reset' });
    expect(parseServerMessage(JSON.stringify({ type: 'event', streamId: event.streamId, event }))).toBeNull();
  });
});
