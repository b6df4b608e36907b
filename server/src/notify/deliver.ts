/**
 * Hands one notice for one person to the channels their preferences choose:
 * the in-app list (pushed live), the e-mail outbox (when SMTP is configured).
 * Runs inside the transaction of the change that caused the notice.
 */
import { eq } from 'drizzle-orm';
import { routeNotification, type NotifyKind } from '@opsboard/shared';
import type { AppDeps } from '../context.js';
import type { Tx } from '../db/database.js';
import { notifications, users } from '../db/schema.js';
import { notifyUser } from '../events/channels.js';
import { queueEmail } from './email/outbox.js';
import { loadPreferences } from './preferences.js';

export interface Notice {
  userId: string;
  teamId: string;
  kind: NotifyKind;
  title: string;
  body: string;
  cardId: string | null;
  /** Path inside the app (e.g. /cards/…), made absolute with OPSBOARD_PUBLIC_URL in e-mail. */
  path?: string | null;
}

export interface Delivered {
  notificationId: string | null;
  emailId: string | null;
  /** The person wants this in the team's chat (the chat hook mentions them). */
  chat: boolean;
}

export async function deliverNotice(tx: Tx, deps: Pick<AppDeps, 'config' | 'newId'>, now: string, n: Notice): Promise<Delivered> {
  const prefs = await loadPreferences(tx, n.userId);
  const route = routeNotification(prefs, n.kind, new Date(now));
  let notificationId: string | null = null;
  let emailId: string | null = null;
  if (route.inApp) {
    notificationId = deps.newId();
    await tx.insert(notifications).values({ id: notificationId, userId: n.userId, teamId: n.teamId, kind: n.kind, title: n.title, body: n.body, cardId: n.cardId, createdAt: now });
    await notifyUser(tx, n.userId, notificationId);
  }
  if (route.email && deps.config.smtp) {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, n.userId));
    if (user) {
      emailId = deps.newId();
      const base = deps.config.publicUrl?.replace(/\/$/, '') ?? null;
      const link = base && n.path ? `${base}${n.path}` : null;
      await queueEmail(tx, emailId, now, { userId: n.userId, to: user.email, kind: n.kind, item: { title: n.title, body: n.body, link }, notBefore: route.email.notBefore, digest: route.email.digest });
    }
  }
  return { notificationId, emailId, chat: route.chat };
}
