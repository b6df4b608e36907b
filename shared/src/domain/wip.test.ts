import { describe, expect, it } from 'vitest';
import { assignmentScopes, checkWip, entryScopes, type WipColumn, type WipEntry, type WipScope } from './wip.js';

const column = (over: Partial<WipScope> = {}): WipScope => ({ kind: 'column', id: 'c1', name: 'Doing', limit: 3, policy: 'block', count: 0, ...over });

describe('checkWip', () => {
  it('lets a card in while the scope is under its limit, and always when there is no limit', () => {
    expect(checkWip([column({ count: 2 })], null)).toEqual({ ok: true, overridden: false });
    expect(checkWip([column({ limit: null, count: 99 })], null)).toEqual({ ok: true, overridden: false });
  });

  it('refuses a block scope at its limit, naming it with limit and count', () => {
    const d = checkWip([column({ count: 3 })], 'please');
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.refusal.code).toBe('wip_limit_exceeded');
    expect(d.refusal.details).toEqual({ scope: 'column', id: 'c1', name: 'Doing', limit: 3, count: 3, policy: 'block' });
    expect(d.refusal.message).toBe('Column "Doing" already holds 3 cards; its WIP limit is 3.');
  });

  it('asks for a reason at a warn scope, and a blank reason does not count', () => {
    for (const reason of [null, undefined, '', '   ']) {
      const d = checkWip([column({ policy: 'warn', count: 3 })], reason);
      expect(d.ok || d.refusal.code).toBe('wip_override_required');
    }
    expect(checkWip([column({ policy: 'warn', count: 5 })], 'Sev-1 fix')).toEqual({ ok: true, overridden: true });
  });

  it('checks every scope: a blocked person refuses even when the column is fine', () => {
    const d = checkWip([column({ count: 0 }), { kind: 'person', id: 'u1', name: 'Priya', limit: 2, policy: 'block', count: 2 }], null);
    expect(!d.ok && d.refusal.code).toBe('person_wip_limit_exceeded');
    expect(!d.ok && d.refusal.message).toBe('Priya already holds 2 cards in progress; the per-person WIP limit is 2.');
  });

  it("says on which boards a person's cards in progress are, and carries them in the details", () => {
    const where = [
      { boardId: 'b1', name: 'Planned work', count: 1 },
      { boardId: 'b2', name: 'Interrupts', count: 0 },
      { boardId: 'b3', name: 'SS&A', count: 1 },
    ];
    const d = checkWip([{ kind: 'person', id: 'u1', name: 'Priya', limit: 2, policy: 'block', count: 2, where }], null);
    expect(!d.ok && d.refusal.message).toBe('Priya already holds 2 cards in progress (1 on Planned work and 1 on SS&A); the per-person WIP limit is 2.');
    expect(!d.ok && d.refusal.details.where).toEqual(where);
    const warn = checkWip([{ kind: 'person', id: 'u1', name: 'Priya', limit: 1, policy: 'warn', count: 1, where: where.slice(0, 1) }], null);
    expect(!warn.ok && warn.refusal.message).toBe('Priya already holds 1 card in progress (1 on Planned work) (per-person WIP limit 1); going over it needs a reason.');
  });

  it('swimlanes get their own wording', () => {
    const d = checkWip([{ kind: 'lane', id: 'l1', name: 'Expedite', limit: 1, policy: 'block', count: 1 }], null);
    expect(!d.ok && d.refusal.message).toBe('Swimlane "Expedite" already holds 1 card; its WIP limit is 1.');
  });
});

describe('entryScopes', () => {
  const col = (id: string, category: WipColumn['category'], wipLimit: number | null = 3): WipColumn => ({ id, name: id, category, wipLimit, wipPolicy: 'block' });
  const lane = { id: 'L', name: 'Expedite', wipLimit: 1, wipPolicy: 'block' as const };
  const entry = (over: Partial<WipEntry>): WipEntry => ({
    from: null,
    to: { column: col('doing', 'doing'), lane: null },
    assigneeIds: [],
    person: { limit: null, policy: 'block' },
    ...over,
  });
  const kinds = (e: WipEntry) => entryScopes(e).map((s) => `${s.kind}:${s.id}`);

  it('a new card enters its column when the column has a limit, and nothing when it has none', () => {
    expect(kinds(entry({}))).toEqual(['column:doing']);
    expect(kinds(entry({ to: { column: col('doing', 'doing', null), lane: null } }))).toEqual([]);
  });

  it('moving within a column is never a column question', () => {
    expect(kinds(entry({ from: { columnId: 'doing', category: 'doing', laneId: null } }))).toEqual([]);
  });

  it('a swimlane counts ready and in-progress columns, and only once while the card stays in it', () => {
    expect(kinds(entry({ to: { column: col('ready', 'todo', null), lane } }))).toEqual(['lane:L']);
    expect(kinds(entry({ to: { column: col('backlog', 'backlog', null), lane } }))).toEqual([]);
    expect(kinds(entry({ from: { columnId: 'ready', category: 'todo', laneId: 'L' }, to: { column: col('doing', 'doing', null), lane } }))).toEqual([]);
    expect(kinds(entry({ from: { columnId: 'backlog', category: 'backlog', laneId: 'L' }, to: { column: col('doing', 'doing', null), lane } }))).toEqual(['lane:L']);
  });

  it("each assignee's limit applies when a card goes into progress, with the entering board's limit", () => {
    const scopes = entryScopes(entry({ assigneeIds: ['u1', 'u2', 'u1'], person: { limit: 2, policy: 'warn' } }));
    expect(scopes).toEqual([
      { kind: 'column', id: 'doing', name: 'doing', limit: 3, policy: 'block' },
      { kind: 'person', id: 'u1', limit: 2, policy: 'warn' },
      { kind: 'person', id: 'u2', limit: 2, policy: 'warn' },
    ]);
    // Not when the board has no per-person limit, nor into a column that is not in progress.
    expect(kinds(entry({ assigneeIds: ['u1'] }))).toEqual(['column:doing']);
    expect(kinds(entry({ assigneeIds: ['u1'], person: { limit: 2, policy: 'block' }, to: { column: col('ready', 'todo', null), lane: null } }))).toEqual([]);
  });

  it('a card already in progress (on this board or another one) does not add to anyone', () => {
    const person = { limit: 2, policy: 'block' as const };
    expect(kinds(entry({ assigneeIds: ['u1'], person, from: { columnId: 'review', category: 'doing', laneId: null } }))).toEqual(['column:doing']);
    expect(kinds(entry({ assigneeIds: ['u1'], person, from: { columnId: 'ready', category: 'todo', laneId: null } }))).toEqual(['column:doing', 'person:u1']);
  });

  it('assigning people to a card in progress hits their limits; elsewhere it does not', () => {
    const person = { limit: 1, policy: 'block' as const };
    expect(assignmentScopes({ category: 'doing', assigneeIds: ['u3'], person })).toEqual([{ kind: 'person', id: 'u3', limit: 1, policy: 'block' }]);
    expect(assignmentScopes({ category: 'todo', assigneeIds: ['u3'], person })).toEqual([]);
    expect(assignmentScopes({ category: 'doing', assigneeIds: ['u3'], person: { limit: null, policy: 'block' } })).toEqual([]);
  });
});
