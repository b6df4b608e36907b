import Type from 'typebox';
import { Board, Card, Column, Lane } from './entities.js';
import { Interrupt } from './potw.js';

/** A board as the client holds it; `seq` is the last event folded into it. */
export const BoardSnapshot = Type.Object(
  {
    board: Board,
    seq: Type.Integer(),
    columns: Type.Array(Column),
    lanes: Type.Array(Lane),
    cards: Type.Array(Card),
    /** Interrupt details of the board's cards that are interrupts (the interrupts board). */
    interrupts: Type.Array(Interrupt),
  },
  { additionalProperties: false },
);
export type BoardSnapshot = Type.Static<typeof BoardSnapshot>;
