/** How a link reads from the card that holds it ("This card blocks #12"). */
import type { LinkKind } from '@opsboard/shared';

export const LINK_WORDS: Record<LinkKind, string> = {
  relates: 'relates to',
  blocks: 'blocks',
  blocked_by: 'is blocked by',
  duplicates: 'duplicates',
  duplicated_by: 'is duplicated by',
  converted_to: 'was converted to',
  converted_from: 'was converted from',
};
