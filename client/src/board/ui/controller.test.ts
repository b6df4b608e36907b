import { describe, expect, it } from 'vitest';
import { BoardModel } from '../model/board-model';
import { BoardStore } from '../store/board-store';
import type { PendingOp } from '../store/ops';
import type { Outbox } from '../store/outbox';
import { DOING, READY, card, snapshot } from '../store/testing/fixtures';
import { THIS_BOARD_ONLY } from '../model/wip';
import { BoardController, type OverrideRequest } from './controller';

/** A board whose Doing column (limit 2, block) is full, and a controller that records what it would send. */
function setup(policy: 'block' | 'warn', reason: string | null = null) {
  const snap = snapshot();
  snap.columns = snap.columns.map((c) => (c.id === DOING ? { ...c, wipPolicy: policy } : c));
  snap.cards.push(card('E', 'Audit sudoers', DOING, 'a1'));
  const store = new BoardStore({ selfId: 'me' });
  store.load(snap);
  const sent: PendingOp[] = [];
  const asked: OverrideRequest[] = [];
  const outbox = { enqueue: (op: PendingOp) => void sent.push(op) } satisfies Pick<Outbox, 'enqueue'>;
  const controller = new BoardController({
    model: new BoardModel(store),
    outbox,
    names: () => 'someone',
    ranks: () => true,
    team: THIS_BOARD_ONLY,
    askOverride: async (request) => {
      asked.push(request);
      return reason;
    },
  });
  return { store, controller, sent, asked };
}

describe('BoardController', () => {
  it('sends nothing for a drop the server would refuse, and leaves the card where it was', async () => {
    const { store, controller, sent } = setup('block');
    const a = store.view!.cards.get('A')!;
    expect(await controller.move(a, { columnId: DOING, laneId: null, index: 0 })).toBe(false);
    expect(sent).toEqual([]);
    expect(await controller.create(DOING, null, 'One more', 'story')).toBe(false);
    expect(sent).toEqual([]);
  });

  it('asks for a reason before a soft limit, and sends it with the move', async () => {
    const { store, controller, sent, asked } = setup('warn', 'Outage in Berlin');
    const a = store.view!.cards.get('A')!;
    expect(await controller.move(a, { columnId: DOING, laneId: null, index: 2 })).toBe(true);
    expect(asked).toHaveLength(1);
    expect(sent).toMatchObject([{ kind: 'move', cardId: 'A', toColumnId: DOING, afterCardId: 'E', beforeCardId: null, overrideReason: 'Outage in Berlin' }]);
  });

  it('moves within the full column itself without asking', async () => {
    const { store, controller, sent, asked } = setup('block');
    const d = store.view!.cards.get('D')!;
    expect(await controller.move(d, { columnId: DOING, laneId: null, index: 1 })).toBe(true);
    expect(asked).toEqual([]);
    expect(sent).toMatchObject([{ kind: 'move', cardId: 'D', toColumnId: DOING, afterCardId: 'E' }]);
    expect(controller.verdict(store.view!.cards.get('B')!, { columnId: READY, laneId: null }).kind).toBe('ok');
  });
});
