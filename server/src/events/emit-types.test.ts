/**
 * Emitting is typed by the event catalogue: each `@ts-expect-error` below must
 * stay an error, so `tsc -p server` fails if emit ever accepts an unknown
 * name, a payload of the wrong shape, or one stream's event on the other.
 */
import { describe, expect, it } from 'vitest';
import type { WriteContext } from './unit-of-work.js';

const BOARD = '00000000-0000-4000-8000-0000000000b1';
const TEAM = '00000000-0000-4000-8000-0000000000f1';

function emitsAllowedAndRefused(w: WriteContext): void {
  w.emitBoard(BOARD, TEAM, [{ type: 'card.moved_out', subjectId: null, payload: { cardId: BOARD, toBoardId: BOARD } }]);
  w.emitTeam(TEAM, [{ type: 'member.removed', subjectId: null, payload: { userId: TEAM } }]);

  // @ts-expect-error not an event of the catalogue
  w.emitBoard(BOARD, TEAM, [{ type: 'card.teleported', subjectId: null, payload: { cardId: BOARD } }]);
  // @ts-expect-error a team event on a board stream
  w.emitBoard(BOARD, TEAM, [{ type: 'member.removed', subjectId: null, payload: { userId: TEAM } }]);
  // @ts-expect-error a board event on a team stream
  w.emitTeam(TEAM, [{ type: 'card.moved_out', subjectId: null, payload: { cardId: BOARD, toBoardId: BOARD } }]);
  // @ts-expect-error the payload misses a field
  w.emitBoard(BOARD, TEAM, [{ type: 'card.moved_out', subjectId: null, payload: { cardId: BOARD } }]);
  // @ts-expect-error the payload has a field the catalogue does not know
  w.emitTeam(TEAM, [{ type: 'member.removed', subjectId: null, payload: { userId: TEAM, reason: 'left' } }]);
  // @ts-expect-error a field of the wrong type
  w.emitTeam(TEAM, [{ type: 'rotation.override_removed', subjectId: null, payload: { overrideId: 7 } }]);
}

describe('typed emit', () => {
  it('is checked by the compiler (this file is part of tsc -p server)', () => {
    expect(emitsAllowedAndRefused).toBeTypeOf('function');
  });
});
