/**
 * Password reset by e-mail (only when SMTP is configured): a request always
 * gets the same answer, so it tells nobody whether an address has an account;
 * the token is single use, expires in an hour, and only its hash is stored.
 * Setting the new password ends every session of the account.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppDeps } from '../context.js';
import { passwordResets, sessions, users } from '../db/schema.js';
import { passwordProblem } from '../auth/passwords.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { normaliseEmail } from '../auth/service.js';
import { notifyAccessEnded } from '../events/channels.js';
import { invalidField, ok, refuse, type Result } from '../http/result.js';
import { queueEmail } from './email/outbox.js';

const TTL_MS = 60 * 60_000;

/** Queues the reset e-mail when the address has an account; answers the same either way. */
export async function requestReset(deps: Pick<AppDeps, 'database' | 'clock' | 'newId' | 'config'>, email: string): Promise<Result<{ ok: true }>> {
  if (!deps.config.smtp) return refuse('not_found', 'Password reset by e-mail is not available: this server sends no e-mail. Ask an instance admin.');
  const now = deps.clock();
  const [user] = await deps.database.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, normaliseEmail(email)));
  if (user) {
    const token = newSecret('obr');
    const base = deps.config.publicUrl?.replace(/\/$/, '') ?? '';
    const link = `${base}/reset-password#token=${token}`;
    await deps.database.db.transaction(async (tx) => {
      await tx.insert(passwordResets).values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(now.getTime() + TTL_MS).toISOString(), createdAt: now.toISOString() });
      await queueEmail(tx, deps.newId(), now.toISOString(), {
        userId: user.id,
        to: user.email,
        kind: 'password.reset',
        item: { title: 'Reset your opsboard password', body: `Someone (hopefully you) asked to reset the password of ${user.email}. The link works once, for one hour. If it was not you, ignore this e-mail.\n\nToken: ${token}`, link },
        notBefore: now,
        digest: false,
      });
    });
  }
  return ok({ ok: true as const });
}

/** Sets a new password with a valid token; 400 naming `token` for an unknown, used or expired one. */
/**
 * Sets the new password and ends every session of the account. `ended` hears
 * each ended session at once, so this instance's auth cache forgets it before
 * the answer goes out (other instances hear the NOTIFY).
 */
export async function confirmReset(deps: Pick<AppDeps, 'database' | 'clock' | 'hasher'>, token: string, password: string, ended: (key: `session:${string}`) => void = () => undefined): Promise<Result<{ ok: true }>> {
  const now = deps.clock().toISOString();
  const [row] = await deps.database.db
    .select({ userId: passwordResets.userId, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
  if (!row) return invalidField('token', 'this reset link is unknown, used or expired; ask for a new one');
  const problem = passwordProblem(password, row.email);
  if (problem) return invalidField('password', problem);
  const hash = await deps.hasher.hash(password);
  const used = await deps.database.db.transaction(async (tx) => {
    // Single use even when two requests race: only the one that marks it used goes on.
    const taken = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt)))
      .returning({ userId: passwordResets.userId });
    if (taken.length === 0) return null;
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, row.userId));
    const gone = await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, row.userId), isNull(sessions.revokedAt))).returning({ id: sessions.id });
    for (const { id } of gone) await notifyAccessEnded(tx, `session:${id}`);
    return gone.map((g) => g.id);
  });
  if (used) for (const id of used) ended(`session:${id}`);
  return used ? ok({ ok: true as const }) : invalidField('token', 'this reset link is unknown, used or expired; ask for a new one');
}
