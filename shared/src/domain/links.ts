/**
 * Links between cards are stored once, on the card where they were made, and
 * shown on both cards: the other card sees it as an incoming link. The same
 * relation can still be stored from both ends (older conversions wrote both;
 * people can add "blocks" on one card and "is blocked by" on the other), and
 * must then show once.
 */
import type { CardLink, LinkKind } from '../schema/entities.js';

/** The same relation, as the other card would state it. */
export const INVERSE_LINK: Record<LinkKind, LinkKind> = {
  relates: 'relates',
  blocks: 'blocked_by',
  blocked_by: 'blocks',
  duplicates: 'duplicated_by',
  duplicated_by: 'duplicates',
  converted_to: 'converted_from',
  converted_from: 'converted_to',
};

/**
 * Incoming links (kind as the other card states it) that are not already
 * said by one of this card's own links, and no relation twice.
 */
export function incomingNotMirrored(own: readonly CardLink[], incoming: readonly CardLink[]): CardLink[] {
  const said = new Set(own.map((l) => `${l.kind}:${l.cardId}`));
  const out: CardLink[] = [];
  for (const l of incoming) {
    const key = `${INVERSE_LINK[l.kind]}:${l.cardId}`;
    if (said.has(key)) continue;
    said.add(key);
    out.push(l);
  }
  return out;
}
