/**
 * A week of recorded standups for the demo team: the last five working days
 * before today, at 09:30 in the team's time zone, each with a facilitator,
 * a duration and seconds per speaker. They are history (no live follower ever
 * saw them), so they are written as rows; "since the last standup" then
 * starts at yesterday's.
 */
import { asc, eq } from 'drizzle-orm';
import { addCalendarDays, calendarWeekday, instantToZoned, zonedWallTimeToInstant } from '@opsboard/shared';
import type { AppDeps } from '../context.js';
import { boards, standups, teamMembers, teams } from '../db/schema.js';

export async function seedStandups(deps: Pick<AppDeps, 'database' | 'newId'>, end: Date): Promise<void> {
  const db = deps.database.db;
  const [team] = await db.select().from(teams).orderBy(asc(teams.createdAt)).limit(1);
  if (!team) return;
  const boardIds = (await db.select({ id: boards.id }).from(boards).where(eq(boards.teamId, team.id)).orderBy(asc(boards.rank))).map((b) => b.id);
  const people = (await db.select({ userId: teamMembers.userId, role: teamMembers.role }).from(teamMembers).where(eq(teamMembers.teamId, team.id)))
    .filter((m) => m.role !== 'viewer' && m.role !== 'guest')
    .map((m) => m.userId)
    .sort();
  if (people.length === 0 || boardIds.length === 0) return;
  const today = instantToZoned(end, team.timezone).date;
  const days: string[] = [];
  for (let d = addCalendarDays(today, -1); days.length < 5; d = addCalendarDays(d, -1)) if (calendarWeekday(d) <= 5) days.unshift(d);
  const rows = days.map((date, i) => {
    const startedAt = zonedWallTimeToInstant(date, '09:30', team.timezone);
    // Someone is out one day; the talk runs 60-150 s a person.
    const speakers = people.filter((_, p) => (i + p) % 5 !== 4).map((userId, p) => ({ userId, seconds: 60 + ((i * 37 + p * 53) % 91) }));
    const durationSeconds = speakers.reduce((sum, s) => sum + s.seconds, 0) + 45;
    return {
      id: deps.newId(),
      teamId: team.id,
      boardIds,
      mode: i % 2 === 0 ? ('card' as const) : ('person' as const),
      facilitatorId: people[i % people.length]!,
      limitSeconds: 120,
      startedAt: startedAt.toISOString(),
      endedAt: new Date(startedAt.getTime() + durationSeconds * 1000).toISOString(),
      durationSeconds,
      focus: null,
      speakers,
    };
  });
  const past = rows.filter((r) => Date.parse(r.endedAt) < end.getTime());
  if (past.length > 0) await db.insert(standups).values(past);
}
