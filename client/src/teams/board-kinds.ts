import type { BoardKind, Role } from '@opsboard/shared';

/** How each board kind is named and explained to people. */
export const BOARD_KIND_INFO: Record<BoardKind, { short: string; title: string; blurb: string }> = {
  planned: { short: 'Planned', title: 'Planned work', blurb: 'Features and stories, worked in pairs through two-week iterations.' },
  interrupts: { short: 'Interrupts', title: 'Interrupts', blurb: 'Alerts, requests and incidents, triaged by the Person of the Week.' },
  selfservice: { short: 'SS&A', title: 'Self-service & automation', blurb: 'Self-service and automation: the work that removes future interrupts.' },
};

export const ROLE_INFO = {
  admin: 'Admin: team settings, members and everything below',
  po: 'Product owner: backlogs, iterations, board setup',
  member: 'Member: create, edit and move cards',
  viewer: 'Viewer: read only',
  guest: 'Guest (a customer developer or requester): raises interrupts, proposes stories, is paired on features; sees only that',
} as const satisfies Record<Role, string>;
