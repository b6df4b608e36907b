import { eq } from 'drizzle-orm';
import { defaultPreferences, NOTIFY_KINDS, validTimezone, type NotifyPreferences, type NotifyPreferencesBody } from '@opsboard/shared';
import type { Queryable } from '../db/database.js';
import { notifyPreferences } from '../db/schema.js';
import { invalidField, ok, type Result } from '../http/result.js';

/** A person's preferences: what they saved over the defaults (a kind added later starts at its default). */
export async function loadPreferences(db: Queryable, userId: string): Promise<NotifyPreferences> {
  const [row] = await db.select().from(notifyPreferences).where(eq(notifyPreferences.userId, userId));
  const base = defaultPreferences(row?.timeZone ?? 'UTC');
  if (!row) return base;
  const routes = { ...base.routes };
  for (const kind of NOTIFY_KINDS) {
    const saved = row.routes[kind];
    if (saved) routes[kind] = saved;
  }
  return { timeZone: row.timeZone, routes, quietHours: row.quietHours ?? null, urgentBreaksQuiet: row.urgentBreaksQuiet, digestAt: row.digestAt };
}

/** Saves a person's preferences whole (private per-person state: no event, nobody else sees it). */
export async function savePreferences(db: Queryable, userId: string, body: NotifyPreferencesBody, now: string): Promise<Result<NotifyPreferences>> {
  if (!validTimezone(body.timeZone)) return invalidField('timeZone', `"${body.timeZone}" is not an IANA time zone such as Europe/Berlin`);
  if (body.quietHours && body.quietHours.start === body.quietHours.end) return invalidField('quietHours', 'start and end must differ');
  const values = { timeZone: body.timeZone, routes: body.routes, quietHours: body.quietHours, urgentBreaksQuiet: body.urgentBreaksQuiet, digestAt: body.digestAt, updatedAt: now };
  await db
    .insert(notifyPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notifyPreferences.userId, set: values });
  return ok(await loadPreferences(db, userId));
}
