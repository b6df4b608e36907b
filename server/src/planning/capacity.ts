/**
 * An iteration's capacity as the team has it: points per person over the working days, minus
 * planned absence and the days someone is PoTW. One home, so the iteration page and the start
 * check count the same figure.
 */
import { asc, eq } from 'drizzle-orm';
import { can, capacity, shiftAt, workingDays, zonedWallTimeToInstant, type IterationDetail } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { iterationAbsences, teamMembers, users } from '../db/schema.js';
import { loadRotation } from '../rotation/service.js';

export interface IterationCapacity {
  workingDays: number;
  capacity: IterationDetail['capacity'];
}

/** Capacity for these dates (they may differ from the stored ones, as when a start moves them to today). */
export async function iterationCapacity(
  db: Queryable,
  it: { id: string; teamId: string; startDate: string; endDate: string; pointsPerPerson: number },
  timezone: string,
): Promise<IterationCapacity> {
  const days = workingDays(it.startDate, it.endDate);
  const people = await db
    .select({ userId: users.id, name: users.name, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, it.teamId))
    .orderBy(asc(users.name));
  // Viewers are stakeholders and guests work from outside the team: the capacity is the team's own.
  const workers = people.filter((p) => can(p.role, 'write'));
  const absences = new Map((await db.select().from(iterationAbsences).where(eq(iterationAbsences.iterationId, it.id))).map((a) => [a.userId, a.days]));
  const potwDays = await potwDaysIn(db, it.teamId, days, timezone);
  const cap = capacity({
    memberIds: workers.map((p) => p.userId),
    pointsPerPerson: it.pointsPerPerson,
    workingDays: days.length,
    absenceDays: Object.fromEntries(absences),
    potwDays,
  });
  const names = new Map(people.map((p) => [p.userId, p.name]));
  const perPerson = cap.perPerson.map((p) => ({
    ...p,
    name: names.get(p.userId) ?? 'Former member',
    absenceDays: absences.get(p.userId) ?? 0,
    potwDays: potwDays[p.userId] ?? 0,
  }));
  return { workingDays: days.length, capacity: { total: cap.total, perPerson } };
}

/** Working days each person is PoTW during the iteration (PoTW at midday local time counts the day). */
async function potwDaysIn(db: Queryable, teamId: string, days: string[], tz: string): Promise<Record<string, number>> {
  const rotation = await loadRotation(db, teamId);
  const out: Record<string, number> = {};
  for (const day of days) {
    const shift = shiftAt(rotation.versions, rotation.overrides, zonedWallTimeToInstant(day, '12:00', tz));
    if (shift) out[shift.userId] = (out[shift.userId] ?? 0) + 1;
  }
  return out;
}
