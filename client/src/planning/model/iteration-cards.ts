/** An iteration's cards by where they stand, and how the scope moved away from the commitment. */
import type { Card, Column, ColumnCategory, Iteration, IterationDetail } from '@opsboard/shared';

export type CardStage = 'todo' | 'doing' | 'done';

export const STAGE_LABEL: Record<CardStage, string> = { todo: 'To do', doing: 'In progress', done: 'Done' };

export function stageOf(category: ColumnCategory | undefined): CardStage {
  if (category === 'done') return 'done';
  if (category === 'doing') return 'doing';
  return 'todo';
}

export interface Stage {
  stage: CardStage;
  cards: Card[];
  points: number;
}

/** Cards grouped into to do / in progress / done, by their column's category. */
export function cardsByStage(cards: readonly Card[], columnOf: (card: Card) => Column | undefined): Stage[] {
  const stages: Stage[] = (['todo', 'doing', 'done'] as const).map((stage) => ({ stage, cards: [], points: 0 }));
  for (const card of cards) {
    const s = stages.find((x) => x.stage === stageOf(columnOf(card)?.category))!;
    s.cards.push(card);
    s.points += card.points ?? 0;
  }
  return stages;
}

export interface CommitmentDiff {
  committedPoints: number;
  currentPoints: number;
  /** Pulled in after the start. */
  added: Card[];
  /** Committed, no longer in the iteration. */
  removed: { cardId: string; title: string; points: number | null }[];
  /** Committed and still in, with a different estimate now. */
  reestimated: { card: Card; from: number | null; to: number | null }[];
}

/**
 * Compares the snapshot taken at the start with the cards in the iteration now; null before the start.
 * Cards carried over at close left because the iteration ended, not as a scope change, so they are not "removed".
 */
export function commitmentDiff(detail: Pick<IterationDetail, 'committed' | 'cards' | 'carriedOver'>): CommitmentDiff | null {
  if (!detail.committed) return null;
  const committed = new Map(detail.committed.map((c) => [c.cardId, c]));
  const current = new Map(detail.cards.map((c) => [c.id, c]));
  const carried = new Set((detail.carriedOver ?? []).map((c) => c.cardId));
  return {
    committedPoints: detail.committed.reduce((s, c) => s + (c.points ?? 0), 0),
    currentPoints: detail.cards.reduce((s, c) => s + (c.points ?? 0), 0),
    added: detail.cards.filter((c) => !committed.has(c.id)),
    removed: detail.committed.filter((c) => !current.has(c.cardId) && !carried.has(c.cardId)),
    reestimated: detail.cards.flatMap((card) => {
      const was = committed.get(card.id);
      return was && was.points !== card.points ? [{ card, from: was.points, to: card.points }] : [];
    }),
  };
}

/** The iteration to plan: the earliest planned one, else the active one. */
export function planningTarget(iterations: readonly Iteration[]): Iteration | null {
  const open = openIterations(iterations);
  return open.find((i) => i.state === 'planned') ?? open[0] ?? null;
}

/** Planned and active iterations, by start date. */
export function openIterations(iterations: readonly Iteration[]): Iteration[] {
  return iterations.filter((i) => i.state !== 'closed').sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/** Where unfinished cards can go at close: planned iterations after this one, soonest first. */
export function carryOverChoices(iterations: readonly Iteration[], closing: Iteration): Iteration[] {
  return iterations.filter((i) => i.id !== closing.id && i.state === 'planned').sort((a, b) => a.startDate.localeCompare(b.startDate));
}
