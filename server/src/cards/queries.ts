import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { incomingNotMirrored, type Card, type CardDetail, type CardLink, type CardRef } from '@opsboard/shared';
import { toCard } from '../boards/mappers.js';
import { readableBoard } from '../boards/queries.js';
import type { Queryable } from '../db/database.js';
import { boards, cards, columns, teamMembers } from '../db/schema.js';
import { ok, type Result } from '../http/result.js';
import { decide } from '../auth/access.js';
import { searchCardHits } from '../search/cards.js';

async function readableCard(db: Queryable, userId: string, cardId: string) {
  const [row] = await db
    .select({ card: cards, role: teamMembers.role })
    .from(cards)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, cards.teamId), eq(teamMembers.userId, userId)))
    .where(eq(cards.id, cardId));
  const access = decide(row?.role ?? null, 'read', 'Card');
  return access.ok ? ok(row!.card) : access;
}

export async function cardDetail(db: Queryable, userId: string, cardId: string): Promise<Result<CardDetail>> {
  const found = await readableCard(db, userId, cardId);
  if (!found.ok) return found;
  const card = toCard(found.value);
  const incomingRows = await db
    .select({ id: cards.id, links: cards.links })
    .from(cards)
    .where(and(eq(cards.teamId, found.value.teamId), sql`${cards.links} @> ${JSON.stringify([{ cardId }])}::jsonb`));
  const stated: CardLink[] = incomingRows.flatMap((r) => r.links.filter((l) => l.cardId === cardId).map((l) => ({ kind: l.kind, cardId: r.id })));
  // A relation stored on both cards (older conversions did; people can too) shows once.
  const incoming = incomingNotMirrored(card.links, stated);
  const ids = [...new Set([...card.links.map((l) => l.cardId), ...incoming.map((l) => l.cardId)])];
  const related =
    ids.length === 0
      ? []
      : await db
          .select({ id: cards.id, number: cards.number, title: cards.title, boardId: cards.boardId, boardName: boards.name, columnName: columns.name, archivedAt: cards.archivedAt })
          .from(cards)
          .innerJoin(boards, eq(boards.id, cards.boardId))
          .innerJoin(columns, eq(columns.id, cards.columnId))
          .where(inArray(cards.id, ids));
  return ok({
    card,
    incoming,
    related: related.map(({ archivedAt, ...r }) => ({ ...r, archived: archivedAt !== null })),
  });
}

export async function archivedCards(db: Queryable, userId: string, boardId: string): Promise<Result<Card[]>> {
  const access = await readableBoard(db, userId, boardId);
  if (!access.ok) return access;
  const rows = await db
    .select()
    .from(cards)
    .where(and(eq(cards.boardId, boardId), isNotNull(cards.archivedAt)))
    .orderBy(desc(cards.archivedAt))
    .limit(500);
  return ok(rows.map(toCard));
}

/** Cards of a team by full-text search (or by number), best first: for links, "duplicate of" pickers and the board's search box. */
export async function searchCards(db: Queryable, userId: string, teamId: string, q: string, limit: number, archived: boolean, boardId?: string): Promise<Result<CardRef[]>> {
  const hits = await searchCardHits(db, userId, { q, teamId, boardId, limit, archived });
  if (!hits.ok) return hits;
  return ok(hits.value.map((h) => ({ id: h.id, number: h.number, title: h.title, boardId: h.boardId, boardName: h.boardName, columnName: h.columnName, archived: h.archived })));
}
