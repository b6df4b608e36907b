import { describe, expect, it } from 'vitest';
import type { BoardState } from '@opsboard/shared';
import { DEFAULT_VIEW, filtersOf, isFiltered, viewFromSearch, viewToSearch, waitingQueue, weeksCovering, type MetricsView } from './metrics-view';

const view = (patch: Partial<MetricsView>): MetricsView => ({ ...DEFAULT_VIEW, ...patch });

describe('metrics view in the address', () => {
  it('the default view has an empty address, and an empty address gives the default view', () => {
    expect(viewToSearch(DEFAULT_VIEW)).toBe('');
    expect(viewFromSearch(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
  });

  it('round-trips every setting', () => {
    const all = view({ weeks: 'custom', from: '2026-09-01', to: '2026-11-30', featureId: 'f1', cardType: 'bug', personId: 'p1', label: 'db' });
    expect(viewFromSearch(new URLSearchParams(viewToSearch(all)))).toEqual(all);
    const board = view({ boardId: 'b1', weeks: 26 });
    expect(viewFromSearch(new URLSearchParams(viewToSearch(board)))).toEqual(board);
    const kind = view({ boardKind: 'interrupts' });
    expect(viewToSearch(kind)).toBe('?kind=interrupts');
    expect(viewFromSearch(new URLSearchParams('?kind=interrupts'))).toEqual(kind);
  });

  it('ignores what it cannot read: unknown kinds, types, week counts and malformed dates', () => {
    expect(viewFromSearch(new URLSearchParams('?kind=space&type=epic&weeks=7'))).toEqual(DEFAULT_VIEW);
    expect(viewFromSearch(new URLSearchParams('?weeks=custom&from=yesterday&to=2026-11-30'))).toEqual(view({ weeks: 'custom', to: '2026-11-30' }));
    // A from/to without weeks is a custom range (a link someone typed).
    expect(viewFromSearch(new URLSearchParams('?from=2026-10-01')).weeks).toBe('custom');
  });
});

describe('the API query of a view', () => {
  it('a preset range starts N weeks back; a custom one passes its dates', () => {
    expect(filtersOf(view({ weeks: 4 }), '2026-12-07')).toEqual({ from: '2026-11-11' });
    expect(filtersOf(view({ weeks: 'custom', from: '2026-10-01', to: '2026-10-31' }), '2026-12-07')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(filtersOf(view({ weeks: 'custom' }), '2026-12-07')).toEqual({});
  });

  it('passes the card filters, trims the label, and drops the board kind when one board is chosen', () => {
    expect(filtersOf(view({ boardKind: 'planned', featureId: 'f', cardType: 'story', personId: 'p', label: '  db ' }), '2026-12-07')).toMatchObject({ boardKind: 'planned', featureId: 'f', cardType: 'story', personId: 'p', label: 'db' });
    expect(filtersOf(view({ boardId: 'b', boardKind: 'planned' }), '2026-12-07')).not.toHaveProperty('boardKind');
    expect(isFiltered(view({ boardId: 'b', boardKind: 'planned' }))).toBe(false);
    expect(isFiltered(view({ label: ' ' }))).toBe(false);
    expect(isFiltered(view({ cardType: 'bug' }))).toBe(true);
  });

  it('the interrupt figures cover a custom range with whole weeks back from today, 1 to 52', () => {
    expect(weeksCovering(view({ weeks: 8 }), '2026-12-07')).toBe(8);
    expect(weeksCovering(view({ weeks: 'custom', from: '2026-11-30' }), '2026-12-07')).toBe(2);
    expect(weeksCovering(view({ weeks: 'custom', from: '2020-01-01' }), '2026-12-07')).toBe(52);
  });
});

describe('waiting queue', () => {
  it('puts ready cards first, then the backlog, columns in board order and cards by rank, leaving out archived cards and other columns', () => {
    const column = (id: string, category: string, rank: string, archivedAt: string | null = null) => [id, { id, category, rank, archivedAt }] as const;
    const card = (id: string, columnId: string, rank: string, archivedAt: string | null = null) => [id, { id, columnId, rank, archivedAt }] as const;
    const state = {
      columns: new Map([column('backlog', 'backlog', 'a'), column('ready', 'todo', 'b'), column('doing', 'doing', 'c'), column('old', 'backlog', 'd', '2026-01-01T00:00:00Z')]),
      cards: new Map([
        card('b2', 'backlog', 'n'),
        card('b1', 'backlog', 'M'), // byte order: capitals before small letters
        card('r1', 'ready', 'z'),
        card('d1', 'doing', 'a'),
        card('gone', 'backlog', 'a', '2026-01-01T00:00:00Z'),
        card('old1', 'old', 'a'),
      ]),
    } as unknown as BoardState;
    expect(waitingQueue(state).map((c) => c.id)).toEqual(['r1', 'b1', 'b2']);
  });
});
