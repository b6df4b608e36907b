import type { Card, Feature, FeatureSummary, Iteration } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { card } from '../../board/store/testing/fixtures';
import { lengthWords, mondayOnOrAfter, nextIterationDraft } from './defaults';
import { canEditFeature, matchesStatus, sortFeatures } from './features';
import { carryOverChoices, cardsByStage, commitmentDiff, openIterations, planningTarget } from './iteration-cards';
import { checkPairs, pairingGrid, shade, shownPairs } from './pairing';

const AT = '2026-11-01T00:00:00.000Z';
const iteration = (id: string, startDate: string, endDate: string, state: Iteration['state'], extra: Partial<Iteration> = {}): Iteration => ({
  id, teamId: 't', name: `Iteration ${id}`, goal: '', startDate, endDate, state, pointsPerPerson: 8, committedPoints: null, completedPoints: null,
  startedAt: null, closedAt: null, version: 1, createdAt: AT, ...extra,
});

describe('new iteration defaults', () => {
  it('starts on the Monday after the latest iteration, lasts two weeks, numbers on', () => {
    const list = [iteration('14', '2026-10-19', '2026-10-30', 'closed'), iteration('16', '2026-11-16', '2026-11-27', 'active', { pointsPerPerson: 6 })];
    expect(nextIterationDraft(list, '2026-11-26')).toEqual({ name: 'Iteration 17', goal: '', startDate: '2026-11-30', endDate: '2026-12-11', pointsPerPerson: 6 });
  });

  it('starts on the coming Monday when the last iteration is long over, or there is none', () => {
    expect(nextIterationDraft([], '2026-11-26')).toMatchObject({ name: 'Iteration 1', startDate: '2026-11-30', endDate: '2026-12-11', pointsPerPerson: 8 });
    expect(mondayOnOrAfter('2026-11-30')).toBe('2026-11-30');
    expect(mondayOnOrAfter('2026-11-29')).toBe('2026-11-30');
  });

  it('counts working days', () => {
    expect(lengthWords('2026-11-30', '2026-12-11')).toBe('10 working days');
    expect(lengthWords('2026-11-28', '2026-11-29')).toBe('0 working days');
    expect(lengthWords('2026-12-11', '2026-11-30')).toBe('ends before it starts');
  });
});

describe('which iteration', () => {
  const list = [iteration('a', '2026-11-16', '2026-11-27', 'active'), iteration('c', '2026-12-14', '2026-12-25', 'planned'), iteration('b', '2026-11-30', '2026-12-11', 'planned'), iteration('z', '2026-11-02', '2026-11-13', 'closed')];

  it('plans the earliest planned iteration, else the active one', () => {
    expect(planningTarget(list)?.id).toBe('b');
    expect(planningTarget(list.filter((i) => i.state !== 'planned'))?.id).toBe('a');
    expect(planningTarget([])).toBeNull();
    expect(openIterations(list).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('offers planned iterations, soonest first, to carry unfinished cards into', () => {
    expect(carryOverChoices(list, list[0]!).map((i) => i.id)).toEqual(['b', 'c']);
  });
});

describe('iteration cards', () => {
  const columns = new Map([
    ['todo', { category: 'todo' as const }],
    ['doing', { category: 'doing' as const }],
    ['done', { category: 'done' as const }],
  ]);
  const cards: Card[] = [card('1', 'A', 'todo', 'a0', { points: 3 }), card('2', 'B', 'doing', 'a0', { points: 5 }), card('3', 'C', 'done', 'a0', { points: 2 }), card('4', 'D', 'gone', 'a0')];

  it('groups by the column category (unknown columns count as to do)', () => {
    const stages = cardsByStage(cards, (c) => {
      const column = columns.get(c.columnId);
      return column ? { id: c.columnId, boardId: 'b', name: c.columnId, rank: 'a0', wipLimit: null, wipPolicy: 'block', archivedAt: null, ...column } : undefined;
    });
    expect(stages.map((s) => [s.stage, s.cards.map((c) => c.id), s.points])).toEqual([
      ['todo', ['1', '4'], 3],
      ['doing', ['2'], 5],
      ['done', ['3'], 2],
    ]);
  });

  it('compares the commitment with the scope now; carried-over cards are not scope changes', () => {
    const committed = [
      { cardId: '1', points: 3, title: 'A' },
      { cardId: '2', points: 3, title: 'B' },
      { cardId: '9', points: 8, title: 'Dropped' },
      { cardId: '8', points: 1, title: 'Carried' },
    ];
    const diff = commitmentDiff({ committed, cards: cards.slice(0, 3), carriedOver: [{ cardId: '8', to: null }] })!;
    expect(diff.committedPoints).toBe(15);
    expect(diff.currentPoints).toBe(10);
    expect(diff.added.map((c) => c.id)).toEqual(['3']);
    expect(diff.removed.map((c) => c.cardId)).toEqual(['9']);
    expect(diff.reestimated.map((r) => [r.card.id, r.from, r.to])).toEqual([['2', 3, 5]]);
    expect(commitmentDiff({ committed: null, cards, carriedOver: null })).toBeNull();
  });
});

describe('pairing', () => {
  const matrix = {
    people: [
      { userId: 'u3', name: 'Sam Chen' },
      { userId: 'u1', name: 'Alex Rivera' },
      { userId: 'u2', name: 'Mia Schmidt' },
    ],
    iterations: [],
    counts: [
      { a: 'u1', b: 'u2', count: 3 },
      { a: 'u2', b: 'u3', count: 1 },
    ],
  };

  it('lays the matrix out symmetrically by name and lists who never paired', () => {
    const grid = pairingGrid(matrix);
    expect(grid.people.map((p) => p.name)).toEqual(['Alex Rivera', 'Mia Schmidt', 'Sam Chen']);
    expect(grid.counts).toEqual([
      [null, 3, 0],
      [3, null, 1],
      [0, 1, null],
    ]);
    expect(grid.max).toBe(3);
    expect(grid.never).toEqual([['Alex Rivera', 'Sam Chen']]);
  });

  it('shades from 0 (never) to 4 (most often)', () => {
    expect([0, 1, 2, 3].map((n) => shade(n, 3))).toEqual([0, 2, 3, 4]);
    expect(shade(1, 0)).toBe(0);
  });

  it('refuses half pairs, self pairs and repeats; warns when someone is in two pairs', () => {
    const name = (id: string) => id.toUpperCase();
    expect(checkPairs([['a', '']], name).error).toBe('Choose two people for every pair.');
    expect(checkPairs([['a', 'a']], name).error).toBe('A cannot pair with themselves.');
    expect(checkPairs([['a', 'b'], ['b', 'a']], name).error).toBe('B and A are listed twice.');
    expect(checkPairs([['a', 'b'], ['a', 'c']], name)).toEqual({ error: null, warning: 'A is in more than one pair this iteration.' });
    expect(checkPairs([['a', 'b'], ['c', 'd']], name)).toEqual({ error: null, warning: null });
  });
});

describe('features', () => {
  const feature = (name: string, status: Feature['status'], leadId: string | null = null): FeatureSummary => ({
    feature: { id: name, teamId: 't', name, goal: '', customer: '', status, leadId, version: 1, createdAt: AT, updatedAt: AT },
    progress: { cards: 0, doneCards: 0, points: 0, donePoints: 0 },
  });

  it('lets the PO and the feature lead edit, never a viewer', () => {
    const f = feature('DNS', 'active', 'lead').feature;
    expect(canEditFeature('po', 'x', f)).toBe(true);
    expect(canEditFeature('member', 'lead', f)).toBe(true);
    expect(canEditFeature('member', 'x', f)).toBe(false);
    expect(canEditFeature('viewer', 'lead', f)).toBe(false);
  });

  it('lists active, proposed, done, dropped; open means active and proposed', () => {
    const list = [feature('Zed', 'done'), feature('Beta', 'proposed'), feature('Alpha', 'dropped'), feature('Gamma', 'active')];
    expect(sortFeatures(list).map((s) => s.feature.name)).toEqual(['Gamma', 'Beta', 'Zed', 'Alpha']);
    expect(list.filter((s) => matchesStatus(s.feature, 'open')).map((s) => s.feature.name)).toEqual(['Beta', 'Gamma']);
  });
});

describe("a feature's pairs in one iteration", () => {
  it('shows each pair once, saying whether the lead set it and which cards show it', () => {
    const shown = shownPairs({
      pairs: [['u1', 'u2']],
      fromCards: [
        { pair: ['u1', 'u2'], cardIds: ['c1', 'c3'] },
        { pair: ['u2', 'u3'], cardIds: ['c2'] },
      ],
    });
    expect(shown).toEqual([
      { pair: ['u1', 'u2'], set: true, cardIds: ['c1', 'c3'] },
      { pair: ['u2', 'u3'], set: false, cardIds: ['c2'] },
    ]);
  });
  it('matches a pair the lead set the other way round', () => {
    expect(shownPairs({ pairs: [['u2', 'u1']], fromCards: [{ pair: ['u1', 'u2'], cardIds: ['c1'] }] })).toEqual([{ pair: ['u2', 'u1'], set: true, cardIds: ['c1'] }]);
  });
});
