/**
 * What each person holds in progress across the team: the counts behind the
 * per-person WIP limit. A person's limit counts their cards in `doing`
 * columns on every live board of the team, because that is where overload
 * happens; the lock that serialises changes to it is team-wide for the same
 * reason.
 */
import { sql } from 'drizzle-orm';
import { PERSON_WIP_CATEGORIES, type BoardHolding, type PersonScopeToCount, type PersonWip, type WipScope } from '@opsboard/shared';
import type { Queryable, Tx } from '../db/database.js';
import { ok, type Result } from '../http/result.js';
import { requireTeam } from '../auth/access.js';

/**
 * Advisory locks per (team, person), in id order: two entries for one person,
 * on any boards of the team, serialise instead of both passing the count.
 * Callers take them after their column and lane locks, so the order is the
 * same everywhere and cannot deadlock.
 */
export async function lockPeople(tx: Tx, teamId: string, userIds: readonly string[]): Promise<void> {
  for (const userId of [...new Set(userIds)].sort()) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`person-wip:${teamId}:${userId}`}, 0))`);
  }
}

type HoldingRow = { user_id: string; board_id: string; board_name: string; n: string | number };

/** Cards in progress per (person, live board) of the team, boards in the team's order. */
async function holdings(db: Queryable, teamId: string, opts: { userIds?: readonly string[]; exceptCardId?: string }): Promise<HoldingRow[]> {
  const who = opts.userIds ? sql`AND a.user_id = ANY(${sql.param([...opts.userIds])}::uuid[])` : sql``;
  const except = opts.exceptCardId ? sql`AND c.id <> ${opts.exceptCardId}` : sql``;
  const result = await db.execute<HoldingRow>(sql`
    SELECT a.user_id, b.id AS board_id, b.name AS board_name, count(*) AS n
    FROM cards c
    JOIN columns col ON col.id = c.column_id
    JOIN boards b ON b.id = c.board_id
    CROSS JOIN LATERAL unnest(c.assignee_ids) AS a(user_id)
    WHERE c.team_id = ${teamId} AND c.archived_at IS NULL AND b.archived_at IS NULL
      AND col.category = ANY(${sql.param([...PERSON_WIP_CATEGORIES])}::text[]) ${who} ${except}
    GROUP BY a.user_id, b.id, b.name, b.rank
    ORDER BY b.rank, b.id
  `);
  return result.rows;
}

/**
 * Counts, under the per-person locks, what each person of `scopes` holds in
 * progress across the team (leaving out the card that is entering), and says
 * on which boards.
 */
export async function countPeople(tx: Tx, teamId: string, cardId: string, scopes: readonly PersonScopeToCount[]): Promise<WipScope[]> {
  if (scopes.length === 0) return [];
  const ids = scopes.map((s) => s.id);
  await lockPeople(tx, teamId, ids);
  const rows = await holdings(tx, teamId, { userIds: ids, exceptCardId: cardId });
  const names = await tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM users WHERE id = ANY(${sql.param(ids)}::uuid[])`);
  const nameOf = new Map(names.rows.map((r) => [r.id, r.name]));
  return scopes.map((s) => {
    const where: BoardHolding[] = rows.filter((r) => r.user_id === s.id).map((r) => ({ boardId: r.board_id, name: r.board_name, count: Number(r.n) }));
    return { ...s, name: nameOf.get(s.id) ?? 'Someone', count: where.reduce((sum, w) => sum + w.count, 0), where };
  });
}

/** Every person's cards in progress on each live board of the team (for the client's predictions). */
export async function teamPersonWip(db: Queryable, userId: string, teamId: string): Promise<Result<PersonWip[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await holdings(db, teamId, {});
  return ok(rows.map((r) => ({ userId: r.user_id, boardId: r.board_id, count: Number(r.n) })));
}
