/**
 * Planning poker: decks and what a reveal shows (spread, median, consensus,
 * who voted highest and lowest). Pure; the server decides with it and the
 * client shows the same numbers.
 */
import { median } from './stats.js';

export const DECK_KINDS = ['fibonacci', 'tshirt', 'custom'] as const;
export type DeckKind = (typeof DECK_KINDS)[number];

/** One card of a deck: its label, and the points it stands for (null: "?" or coffee, no estimate). */
export interface DeckCard {
  label: string;
  points: number | null;
}

export const UNSURE = '?';
export const COFFEE = 'coffee';

const nonNumeric: DeckCard[] = [
  { label: UNSURE, points: null },
  { label: COFFEE, points: null },
];

export const FIBONACCI_DECK: readonly DeckCard[] = [...[0, 1, 2, 3, 5, 8, 13, 21].map((n) => ({ label: String(n), points: n })), ...nonNumeric];

/** T-shirt sizes mapped to points, so an accepted size still sums into velocity. */
export const TSHIRT_DECK: readonly DeckCard[] = [
  { label: 'XS', points: 1 },
  { label: 'S', points: 2 },
  { label: 'M', points: 3 },
  { label: 'L', points: 5 },
  { label: 'XL', points: 8 },
  { label: 'XXL', points: 13 },
  ...nonNumeric,
];

export const CUSTOM_DECK_MAX = 20;
export const DECK_LABEL_MAX = 12;

/**
 * Checks a team's custom deck: 2 to 20 cards, labels 1-12 characters and
 * unique, points finite and not negative. Returns the problem, or null.
 * "?" and coffee are added when missing, so every deck lets people pass.
 */
export function checkCustomDeck(cards: readonly DeckCard[]): string | null {
  if (cards.length < 2) return 'needs at least two cards';
  if (cards.length > CUSTOM_DECK_MAX) return `has at most ${CUSTOM_DECK_MAX} cards`;
  const seen = new Set<string>();
  for (const c of cards) {
    const label = c.label.trim();
    if (label === '' || label.length > DECK_LABEL_MAX) return `card labels are 1 to ${DECK_LABEL_MAX} characters`;
    if (seen.has(label.toLowerCase())) return `has the label "${label}" twice`;
    seen.add(label.toLowerCase());
    if (c.points !== null && (!Number.isFinite(c.points) || c.points < 0 || c.points > 1000)) return `points are between 0 and 1000 ("${label}")`;
  }
  if (!cards.some((c) => c.points !== null)) return 'needs at least one card with points';
  return null;
}

/** The cards of a deck; a custom one is trimmed and gets "?" and coffee when it lacks them. */
export function deckCards(kind: DeckKind, custom: readonly DeckCard[] = []): DeckCard[] {
  if (kind === 'fibonacci') return [...FIBONACCI_DECK];
  if (kind === 'tshirt') return [...TSHIRT_DECK];
  const cards = custom.map((c) => ({ label: c.label.trim(), points: c.points }));
  for (const extra of nonNumeric) if (!cards.some((c) => c.label.toLowerCase() === extra.label)) cards.push({ ...extra });
  return cards;
}

export function findCard(deck: readonly DeckCard[], label: string): DeckCard | null {
  return deck.find((c) => c.label === label) ?? null;
}

export interface PokerVote {
  userId: string;
  value: string;
}

/** consensus: every numeric vote on the same card; near: on two neighbouring cards; split: wider; none: no numeric vote. */
export type Agreement = 'consensus' | 'near' | 'split' | 'none';

export interface RevealStats {
  /** Votes with points (not "?" or coffee). */
  numericVotes: number;
  unsure: number;
  coffee: number;
  min: number | null;
  max: number | null;
  /** max − min over numeric votes (0 when all agree; null without numeric votes). */
  spread: number | null;
  median: number | null;
  agreement: Agreement;
  consensus: boolean;
  /** Who voted the highest and lowest points: asked to explain. Empty when everyone agrees. */
  highest: string[];
  lowest: string[];
  /** The deck card to accept by default: the consensus card, or the smallest card at or above the median. */
  suggested: string | null;
}

/** What a reveal shows. Votes whose label is not in the deck are ignored. */
export function revealStats(deck: readonly DeckCard[], votes: readonly PokerVote[]): RevealStats {
  const numeric: { userId: string; points: number; index: number }[] = [];
  let unsure = 0;
  let coffee = 0;
  for (const v of votes) {
    const index = deck.findIndex((c) => c.label === v.value);
    const card = deck[index];
    if (!card) continue;
    if (card.points === null) {
      if (card.label === COFFEE) coffee++;
      else unsure++;
      continue;
    }
    numeric.push({ userId: v.userId, points: card.points, index });
  }
  if (numeric.length === 0) {
    return { numericVotes: 0, unsure, coffee, min: null, max: null, spread: null, median: null, agreement: 'none', consensus: false, highest: [], lowest: [], suggested: null };
  }
  const points = numeric.map((n) => n.points);
  const min = Math.min(...points);
  const max = Math.max(...points);
  const med = median(points)!;
  // Neighbouring is about the deck's numeric cards in order of points, not about their distance.
  const ladder = [...new Set(deck.filter((c) => c.points !== null).map((c) => c.points!))].sort((a, b) => a - b);
  const steps = ladder.indexOf(max) - ladder.indexOf(min);
  const agreement: Agreement = steps === 0 ? 'consensus' : steps === 1 ? 'near' : 'split';
  const spread = max - min;
  const byName = (ids: string[]) => [...new Set(ids)].sort();
  const suggestedCard =
    agreement === 'consensus'
      ? deck.find((c) => c.points === min)
      : deck.filter((c) => c.points !== null && c.points >= med).sort((a, b) => a.points! - b.points!)[0];
  return {
    numericVotes: numeric.length,
    unsure,
    coffee,
    min,
    max,
    spread,
    median: med,
    agreement,
    consensus: agreement === 'consensus',
    highest: spread === 0 ? [] : byName(numeric.filter((n) => n.points === max).map((n) => n.userId)),
    lowest: spread === 0 ? [] : byName(numeric.filter((n) => n.points === min).map((n) => n.userId)),
    suggested: suggestedCard?.label ?? null,
  };
}

/**
 * The acceptance notes of a card: the part of its description under a heading
 * or line starting with "Acceptance" (criteria, notes), up to the next heading.
 */
export function acceptanceNotes(description: string): string | null {
  const lines = description.split(/\r?\n/);
  const start = lines.findIndex((l) => /^\s*(#{1,6}\s*)?(\*\*)?acceptance\b/i.test(l));
  if (start < 0) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^\s*#{1,6}\s/.test(l));
  const text = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  return text === '' ? null : text;
}

/**
 * The card a digit key votes: the card labelled with that digit (5 votes 5 in Fibonacci),
 * else the deck's cards in order (1 is the first card, 0 the tenth: XS..XXL in T-shirt sizes).
 */
export function cardForDigit(deck: readonly DeckCard[], digit: string): DeckCard | null {
  if (!/^[0-9]$/.test(digit)) return null;
  const labelled = deck.find((c) => c.label === digit);
  if (labelled) return labelled;
  const index = digit === '0' ? 9 : Number(digit) - 1;
  return deck[index] ?? null;
}
