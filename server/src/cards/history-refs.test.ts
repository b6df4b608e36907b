import { describe, expect, it } from 'vitest';
import { collectRefs, REF_KINDS, type Refs } from './history-refs.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const plain = (refs: Refs) => Object.fromEntries(REF_KINDS.filter((k) => refs[k].size > 0).map((k) => [k, [...refs[k]].sort()]));

describe('collectRefs', () => {
  it('finds the ids of an edit, from and to: people, feature, iteration, linked cards', () => {
    const payload = {
      card: { id: id(1), columnId: id(2), laneId: null, assigneeIds: [id(3)], featureId: id(4), iterationId: id(5), links: [{ kind: 'relates', cardId: id(6) }] },
      changes: {
        assigneeIds: { from: [], to: [id(3), id(7)] },
        iterationId: { from: null, to: id(5) },
        featureId: { from: id(8), to: id(4) },
        links: { from: [], to: [{ kind: 'relates', cardId: id(6) }] },
        title: { from: 'Old', to: 'New' },
      },
    };
    expect(plain(collectRefs(payload))).toEqual({
      people: [id(3), id(7)],
      columns: [id(2)],
      features: [id(4), id(8)],
      iterations: [id(5)],
      cards: [id(6)],
    });
  });

  it('finds columns and swimlanes of a move, boards of a cross-board move, people and cards of a triage', () => {
    expect(plain(collectRefs({ from: { columnId: id(1), laneId: id(2), rank: 'a0' }, to: { columnId: id(3), laneId: null, rank: 'a1' } }))).toEqual({
      columns: [id(1), id(3)],
      lanes: [id(2)],
    });
    expect(plain(collectRefs({ cardId: id(9), toBoardId: id(4) }))).toEqual({ boards: [id(4)], cards: [id(9)] });
    const triaged = { interrupt: { cardId: id(9), escalatedTo: id(5), convertedCardId: id(6), duplicateOfCardId: null, assignedPotwId: id(7) }, action: 'escalate', note: null };
    expect(plain(collectRefs(triaged))).toEqual({ people: [id(5), id(7)], cards: [id(6), id(9)] });
  });

  it('ignores what is not an id and survives odd payloads', () => {
    expect(plain(collectRefs({ columnId: 'not-an-id', assigneeIds: [42, null], links: 'x' }))).toEqual({});
    expect(plain(collectRefs(null))).toEqual({});
    expect(plain(collectRefs('text'))).toEqual({});
  });
});
