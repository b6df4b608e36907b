/** Secret per-person iCal feeds: PoTW shifts of the person's teams, their own shifts, iteration dates. */
import { eq, inArray } from 'drizzle-orm';
import { buildIcal, shiftsBetween, type IcalEvent } from '@opsboard/shared';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { icalFeeds, iterations, teamMembers, teams, users } from '../db/schema.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { loadRotation } from '../rotation/service.js';

const WEEK = 7 * 86_400_000;
export type FeedKind = 'potw' | 'mine' | 'iterations';

export async function feedStatus(db: Queryable, userId: string): Promise<{ exists: boolean; createdAt: string | null }> {
  const [row] = await db.select({ createdAt: icalFeeds.createdAt }).from(icalFeeds).where(eq(icalFeeds.userId, userId));
  return { exists: !!row, createdAt: row ? new Date(row.createdAt).toISOString() : null };
}

/** Replaces the person's token; the secret is returned once and only its hash is kept. */
export async function regenerate(deps: ServiceDeps, userId: string): Promise<string> {
  const token = newSecret('obc');
  const now = deps.clock().toISOString();
  await deps.database.db
    .insert(icalFeeds)
    .values({ userId, tokenHash: sha256(token), createdAt: now })
    .onConflictDoUpdate({ target: icalFeeds.userId, set: { tokenHash: sha256(token), createdAt: now } });
  return token;
}

export async function revoke(db: Queryable, userId: string): Promise<void> {
  await db.delete(icalFeeds).where(eq(icalFeeds.userId, userId));
}

/** The calendar text, or null for an unknown or revoked token. */
export async function feed(deps: ServiceDeps, token: string, kind: FeedKind): Promise<string | null> {
  const db = deps.database.db;
  const [owner] = await db.select({ userId: icalFeeds.userId }).from(icalFeeds).where(eq(icalFeeds.tokenHash, sha256(token)));
  if (!owner) return null;
  const now = deps.clock();
  const memberOf = await db
    .select({ id: teams.id, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, owner.userId));
  const events: IcalEvent[] = [];
  if (kind === 'iterations') {
    const rows = memberOf.length ? await db.select().from(iterations).where(inArray(iterations.teamId, memberOf.map((t) => t.id))) : [];
    const teamName = new Map(memberOf.map((t) => [t.id, t.name]));
    for (const it of rows) {
      const end = new Date(`${it.endDate}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      events.push({
        uid: `iteration-${it.id}@opsboard`,
        summary: `${teamName.get(it.teamId) ?? ''}: ${it.name}`,
        description: it.goal || undefined,
        startDate: it.startDate,
        endDate: end.toISOString().slice(0, 10),
      });
    }
    return buildIcal('opsboard iterations', events, now);
  }
  const from = new Date(now.getTime() - 4 * WEEK);
  const to = new Date(now.getTime() + 26 * WEEK);
  const names = new Map<string, string>();
  for (const team of memberOf) {
    const rotation = await loadRotation(db, team.id);
    const shifts = shiftsBetween(rotation.versions, rotation.overrides, from, to).filter((s) => kind === 'potw' || s.userId === owner.userId);
    const missing = [...new Set(shifts.map((s) => s.userId))].filter((id) => !names.has(id));
    if (missing.length) for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, missing))) names.set(u.id, u.name);
    for (const s of shifts) {
      events.push({
        uid: `potw-${team.id}-${new Date(s.start).getTime()}@opsboard`,
        summary: `PoTW ${team.name}: ${names.get(s.userId) ?? 'unknown'}`,
        start: s.start,
        end: s.end,
      });
    }
  }
  return buildIcal(kind === 'mine' ? 'My PoTW shifts' : 'PoTW rotation', events, now);
}
