/** Full-text search over the cards of the teams a person may read, ranked by `card_search` weights. */
import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { PERMISSIONS, searchTerms, type CardSearchHit } from '@opsboard/shared';
import { decide } from '../auth/access.js';
import type { Queryable } from '../db/database.js';
import { boards, cardSearch, cards, columns, teamMembers, teams } from '../db/schema.js';
import { ok, type Result } from '../http/result.js';

export interface CardSearch {
  q: string;
  /** One team (404 when the caller is not in it, 403 for a guest), or every team the caller may read. */
  teamId?: string | undefined;
  boardId?: string | undefined;
  limit: number;
  archived: boolean;
}

const SNIPPET_OPTIONS = 'StartSel=«, StopSel=», MaxWords=14, MinWords=5, MaxFragments=1, FragmentDelimiter=" … "';

/** The tsquery for typed text: stemmed words, the last one also as a plain prefix ("certificat" finds "certificates"). */
function tsquery(words: string | null, prefix: string | null): SQL | null {
  const parts: SQL[] = [];
  if (words !== null) parts.push(sql`to_tsquery('english', ${words})`);
  if (prefix !== null) parts.push(sql`(to_tsquery('english', ${prefix}) || to_tsquery('simple', ${prefix}))`);
  if (parts.length === 0) return null;
  return sql.join(parts, sql` && `);
}

export async function searchCardHits(db: Queryable, userId: string, search: CardSearch): Promise<Result<CardSearchHit[]>> {
  const memberships = await db
    .select({ teamId: teamMembers.teamId, role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, userId), search.teamId === undefined ? undefined : eq(teamMembers.teamId, search.teamId)));
  if (search.teamId !== undefined) {
    const access = decide(memberships[0]?.role ?? null, 'read', 'Team');
    if (!access.ok) return access;
  }
  const readable: readonly string[] = PERMISSIONS.read;
  const teamIds = memberships.filter((m) => readable.includes(m.role)).map((m) => m.teamId);
  const terms = searchTerms(search.q);
  const query = tsquery(terms.words, terms.prefix);
  if (teamIds.length === 0 || (query === null && terms.number === null)) return ok([]);

  const q = query ?? sql`NULL::tsquery`;
  const numberMatch = terms.number === null ? sql`false` : sql`${cards.number} = ${terms.number}`;
  const textMatch = query === null ? sql`false` : sql`${cardSearch.document} @@ (${q})`;
  const score = sql<number>`(CASE WHEN ${numberMatch} THEN 1 ELSE 0 END + coalesce(ts_rank(${cardSearch.document}, ${q}), 0))::float8`;
  const body = sql`concat_ws(' · ', ${cards.blockedReason}, array_to_string(${cards.labels}, ' '), ${cards.description})`;
  const snippet =
    query === null
      ? sql<string | null>`NULL::text`
      : sql<string | null>`CASE WHEN card_search_words(${body}, 'D') @@ (${q}) THEN ts_headline('english', ${body}, ${q}, ${SNIPPET_OPTIONS}) END`;
  const rows = await db
    .select({
      id: cards.id,
      number: cards.number,
      title: cards.title,
      teamId: cards.teamId,
      teamName: teams.name,
      boardId: cards.boardId,
      boardName: boards.name,
      columnName: columns.name,
      archivedAt: cards.archivedAt,
      blocked: cards.blocked,
      score,
      snippet,
    })
    .from(cardSearch)
    .innerJoin(cards, eq(cards.id, cardSearch.cardId))
    .innerJoin(teams, eq(teams.id, cards.teamId))
    .innerJoin(boards, eq(boards.id, cards.boardId))
    .innerJoin(columns, eq(columns.id, cards.columnId))
    .where(
      and(
        inArray(cardSearch.teamId, teamIds),
        inArray(cards.teamId, teamIds),
        sql`(${textMatch} OR ${numberMatch})`,
        search.archived ? undefined : isNull(cards.archivedAt),
        search.boardId === undefined ? undefined : eq(cards.boardId, search.boardId),
      ),
    )
    .orderBy(desc(score), desc(cards.updatedAt), cards.id)
    .limit(search.limit);
  return ok(rows.map(({ archivedAt, score: s, ...r }) => ({ ...r, archived: archivedAt !== null, score: Number(s) })));
}
