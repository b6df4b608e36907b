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
  return { timeZone: row.timeZone, routes, quietHours: row.quietHours ?? null, urgentBreaksQuiet: row.urgentBreaksQuiet, digestAt: row.digestAt, chatHandle: row.chatHandle ?? null };
}

/** Saves a person's preferences whole (private per-person state: no event, nobody else sees it). */
export async function savePreferences(db: Queryable, userId: string, body: NotifyPreferencesBody, now: string): Promise<Result<NotifyPreferences>> {
  if (!validTimezone(body.timeZone)) return invalidField('timeZone', `"${body.timeZone}" is not an IANA time zone such as Europe/Berlin`);
  if (body.quietHours && body.quietHours.start === body.quietHours.end) return invalidField('quietHours', 'start and end must differ');
  if (body.chatHandle != null && !/^@?[A-Za-z0-9][A-Za-z0-9._-]*$/.test(body.chatHandle)) {
    return invalidField('chatHandle', 'is one word as your chat shows it: letters, digits, dots, dashes or underscores, such as U024BE7LH or priya.n');
  }
  // A handle is kept as typed, without a leading @ (the message adds what its chat needs); left out, it stays as saved.
  const chatHandle = body.chatHandle === undefined ? undefined : (body.chatHandle?.replace(/^@/, '') ?? null);
  const values = {
    timeZone: body.timeZone,
    routes: body.routes,
    quietHours: body.quietHours,
    urgentBreaksQuiet: body.urgentBreaksQuiet,
    digestAt: body.digestAt,
    ...(chatHandle !== undefined && { chatHandle }),
    updatedAt: now,
  };
  await db
    .insert(notifyPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notifyPreferences.userId, set: values });
  return ok(await loadPreferences(db, userId));
}
