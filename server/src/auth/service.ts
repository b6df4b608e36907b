import { and, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { ApiToken, NewTeamEvent, User } from '@opsboard/shared';
import type { AppDeps, ServiceDeps } from '../context.js';
import { apiTokens, invitations, sessions, teamMembers, users } from '../db/schema.js';
import { iso } from '../db/time.js';
import { invalidField, ok, refuse, type Result } from '../http/result.js';
import { passwordProblem } from './passwords.js';
import { newSecret, sha256 } from './secrets.js';
import { notifyAccessEnded } from '../events/channels.js';
import { mutate } from '../events/unit-of-work.js';
import type { AuthCache } from './cache.js';

export const SESSION_PREFIX = 'obs';
export const TOKEN_PREFIX = 'obt';

type UserRow = typeof users.$inferSelect;

export function toUser(row: Pick<UserRow, 'id' | 'email' | 'name' | 'isInstanceAdmin' | 'createdAt'>): User {
  return { id: row.id, email: row.email, name: row.name, isInstanceAdmin: row.isInstanceAdmin, createdAt: iso(row.createdAt) };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Who a request is from, once its cookie or bearer token checked out. */
export interface AuthInfo {
  user: User;
  via: 'session' | 'token';
  /** Hash of the session secret (the sessions row id), for cookie sessions. */
  sessionId: string | null;
  /** Hash of the API token (its api_tokens.token_hash), for bearer tokens. */
  tokenHash: string | null;
  csrfToken: string | null;
}

/**
 * `session:<id>` or `token:<hash>`: how the credential cache, the access
 * channel and live connections name the credential a request came with.
 */
export function credentialOf(auth: AuthInfo): string {
  if (auth.sessionId) return `session:${auth.sessionId}`;
  if (auth.tokenHash) return `token:${auth.tokenHash}`;
  throw new Error('an authenticated request without a session or a token');
}

export interface NewSession {
  user: User;
  secret: string;
  csrfToken: string;
  expiresAt: string;
}

const addHours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

async function createSession(deps: AppDeps, user: User, userAgent: string | null): Promise<NewSession> {
  const now = deps.clock();
  const secret = newSecret(SESSION_PREFIX);
  const csrfToken = newSecret('csrf');
  const expiresAt = addHours(now, deps.config.sessionMaxDays * 24).toISOString();
  await deps.database.db.insert(sessions).values({
    id: sha256(secret),
    userId: user.id,
    csrfToken,
    userAgent: userAgent?.slice(0, 300) ?? null,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt,
  });
  return { user, secret, csrfToken, expiresAt };
}

export async function signup(
  deps: ServiceDeps,
  input: { email: string; name: string; password: string },
  userAgent: string | null,
): Promise<Result<NewSession>> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  if (name === '') return invalidField('name', 'must not be blank');
  const problem = passwordProblem(input.password, email);
  if (problem) return invalidField('password', problem);
  const db = deps.database.db;

  if (deps.config.signup === 'invite') {
    const [invited] = await db.select({ n: count() }).from(invitations).where(eq(invitations.email, email));
    const [anyUser] = await db.select({ n: count() }).from(users);
    if ((anyUser?.n ?? 0) > 0 && (invited?.n ?? 0) === 0) {
      return refuse('forbidden', 'Sign-up on this instance is by invitation only; ask a team admin to invite this e-mail address.');
    }
  }

  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) return alreadyExists();

  const passwordHash = await deps.hasher.hash(input.password);
  const id = deps.newId();
  const created = await mutate(deps, { actor: { userId: id } }, async (w): Promise<Result<UserRow>> => {
    // The first account on an empty instance administers it; the lock makes "first" unambiguous.
    await w.tx.execute(sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`);
    const [{ n } = { n: 0 }] = await w.tx.select({ n: count() }).from(users);
    const inserted = await w.tx
      .insert(users)
      .values({ id, email, name, passwordHash, isInstanceAdmin: n === 0, createdAt: w.now })
      .onConflictDoNothing()
      .returning();
    const row = inserted[0];
    if (!row) return alreadyExists();
    // Pending invitations turn into memberships, each announced on its team's stream like any other join.
    const pending = await w.tx.delete(invitations).where(eq(invitations.email, email)).returning();
    for (const inv of pending) {
      const joined = await w.tx
        .insert(teamMembers)
        .values({ teamId: inv.teamId, userId: id, role: inv.role, createdAt: w.now })
        .onConflictDoNothing()
        .returning();
      const events: NewTeamEvent[] = [{ type: 'invitation.accepted', subjectId: inv.id, payload: { invitationId: inv.id, userId: id } }];
      if (joined.length > 0) {
        events.push({ type: 'member.added', subjectId: id, payload: { member: { userId: id, name: row.name, email: row.email, role: inv.role, joinedAt: w.now } } });
      }
      w.emitTeam(inv.teamId, events);
    }
    return ok(row);
  });
  if (!created.ok) return created;
  return ok(await createSession(deps, toUser(created.value), userAgent));
}

const alreadyExists = () => refuse('already_exists', 'An account with this e-mail address already exists; log in instead.', { field: 'email' });

/** A real argon2 hash of a throwaway password, so unknown e-mails cost the same time as wrong passwords. */
let dummyHash: Promise<string> | null = null;

export async function login(deps: AppDeps, input: { email: string; password: string }, userAgent: string | null): Promise<Result<NewSession>> {
  const email = normaliseEmail(input.email);
  const [row] = await deps.database.db.select().from(users).where(eq(users.email, email));
  if (!row) {
    dummyHash ??= deps.hasher.hash('opsboard-timing-equaliser');
    await deps.hasher.verify(await dummyHash, input.password);
    return refuse('invalid_credentials', 'E-mail or password is wrong.');
  }
  if (!(await deps.hasher.verify(row.passwordHash, input.password))) {
    return refuse('invalid_credentials', 'E-mail or password is wrong.');
  }
  return ok(await createSession(deps, toUser(row), userAgent));
}

/** How often a session's last-seen time is written back: idle expiry needs minutes, not every request. */
const TOUCH_AFTER_MS = 60_000;

export type SessionCheck = { ok: true; auth: AuthInfo } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

export async function resolveSession(deps: AppDeps, secret: string, cache?: AuthCache): Promise<SessionCheck> {
  if (!secret.startsWith(`${SESSION_PREFIX}_`) || secret.length > 100) return { ok: false, reason: 'unknown' };
  const id = sha256(secret);
  const cached = cache?.get(`session:${id}`, deps.clock().getTime());
  if (cached) return { ok: true, auth: cached };
  const [row] = await deps.database.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.session.revokedAt) return { ok: false, reason: 'revoked' };
  const now = deps.clock();
  const lastSeen = new Date(iso(row.session.lastSeenAt));
  if (new Date(iso(row.session.expiresAt)) <= now || addHours(lastSeen, deps.config.sessionIdleHours) <= now) {
    return { ok: false, reason: 'expired' };
  }
  let seen = lastSeen;
  if (now.getTime() - lastSeen.getTime() > TOUCH_AFTER_MS) {
    await deps.database.db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
    seen = now;
  }
  const auth: AuthInfo = { user: toUser(row.user), via: 'session', sessionId: id, tokenHash: null, csrfToken: row.session.csrfToken };
  cache?.set(`session:${id}`, auth, now.getTime(), new Date(iso(row.session.expiresAt)).getTime(), addHours(seen, deps.config.sessionIdleHours).getTime());
  return { ok: true, auth };
}

export async function resolveApiToken(deps: AppDeps, secret: string, cache?: AuthCache): Promise<AuthInfo | null> {
  if (!secret.startsWith(`${TOKEN_PREFIX}_`) || secret.length > 100) return null;
  const hash = sha256(secret);
  const cached = cache?.get(`token:${hash}`, deps.clock().getTime());
  if (cached) return cached;
  const [row] = await deps.database.db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hash));
  if (!row || row.token.revokedAt) return null;
  const now = deps.clock();
  if (row.token.expiresAt && new Date(iso(row.token.expiresAt)) <= now) return null;
  const lastUsed = row.token.lastUsedAt ? new Date(iso(row.token.lastUsedAt)).getTime() : 0;
  if (now.getTime() - lastUsed > TOUCH_AFTER_MS) {
    await deps.database.db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.token.id));
  }
  const auth: AuthInfo = { user: toUser(row.user), via: 'token', sessionId: null, tokenHash: hash, csrfToken: null };
  cache?.set(`token:${hash}`, auth, now.getTime(), row.token.expiresAt ? new Date(iso(row.token.expiresAt)).getTime() : Number.POSITIVE_INFINITY);
  return auth;
}

/**
 * Which of these credentials (`session:<id>`, `token:<hash>`) would still
 * authenticate a request now: not revoked, not expired, a session not idle
 * for too long. Open websockets are checked against it, so one outlives
 * neither its credential's revocation nor its expiry.
 */
export async function stillValid(deps: AppDeps, credentials: readonly string[]): Promise<Set<string>> {
  const now = deps.clock();
  const sessionIds = credentials.filter((c) => c.startsWith('session:')).map((c) => c.slice('session:'.length));
  const tokenHashes = credentials.filter((c) => c.startsWith('token:')).map((c) => c.slice('token:'.length));
  const valid = new Set<string>();
  if (sessionIds.length > 0) {
    const rows = await deps.database.db.select().from(sessions).where(and(inArray(sessions.id, sessionIds), isNull(sessions.revokedAt)));
    for (const s of rows) {
      const live = new Date(iso(s.expiresAt)) > now && addHours(new Date(iso(s.lastSeenAt)), deps.config.sessionIdleHours) > now;
      if (live) valid.add(`session:${s.id}`);
    }
  }
  if (tokenHashes.length > 0) {
    const rows = await deps.database.db.select().from(apiTokens).where(and(inArray(apiTokens.tokenHash, tokenHashes), isNull(apiTokens.revokedAt)));
    for (const t of rows) if (!t.expiresAt || new Date(iso(t.expiresAt)) > now) valid.add(`token:${t.tokenHash}`);
  }
  return valid;
}

/** Ends sessions and closes their live connections on every instance (this one's cache forgets them at once). */
async function endSessions(deps: AppDeps, where: SQL | undefined, cache: AuthCache | undefined): Promise<boolean> {
  const ids = await deps.database.db.transaction(async (tx) => {
    const rows = await tx.update(sessions).set({ revokedAt: deps.clock().toISOString() }).where(where).returning({ id: sessions.id });
    for (const { id } of rows) await notifyAccessEnded(tx, `session:${id}`);
    return rows.map((r) => r.id);
  });
  for (const id of ids) cache?.drop(`session:${id}`);
  return ids.length > 0;
}

export async function revokeSession(deps: AppDeps, userId: string, sessionId: string, cache?: AuthCache): Promise<boolean> {
  return endSessions(deps, and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)), cache);
}

export async function listSessions(deps: AppDeps, userId: string, currentId: string | null) {
  const now = deps.clock();
  const rows = await deps.database.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .orderBy(sql`${sessions.lastSeenAt} DESC`);
  return rows
    .filter((s) => new Date(iso(s.expiresAt)) > now && addHours(new Date(iso(s.lastSeenAt)), deps.config.sessionIdleHours) > now)
    .map((s) => ({
      id: s.id.slice(0, 16),
      current: s.id === currentId,
      userAgent: s.userAgent,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(s.expiresAt),
    }));
}

/** Revokes one of the caller's sessions by the short id `listSessions` shows. */
export async function revokeSessionByShortId(deps: AppDeps, userId: string, shortId: string, cache?: AuthCache): Promise<boolean> {
  if (!/^[0-9a-f]{16}$/.test(shortId)) return false;
  return endSessions(deps, and(eq(sessions.userId, userId), isNull(sessions.revokedAt), sql`left(${sessions.id}, 16) = ${shortId}`), cache);
}

function toToken(row: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: iso(row.createdAt),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
  };
}

export async function createApiToken(
  deps: AppDeps,
  userId: string,
  input: { name: string; expiresInDays?: number | undefined },
): Promise<Result<{ token: ApiToken; secret: string }>> {
  const name = input.name.trim();
  if (name === '') return invalidField('name', 'must not be blank');
  const secret = newSecret(TOKEN_PREFIX);
  const now = deps.clock();
  const [row] = await deps.database.db
    .insert(apiTokens)
    .values({
      id: deps.newId(),
      userId,
      name,
      tokenHash: sha256(secret),
      prefix: secret.slice(0, 10),
      createdAt: now.toISOString(),
      expiresAt: input.expiresInDays ? addHours(now, input.expiresInDays * 24).toISOString() : null,
    })
    .returning();
  return ok({ token: toToken(row!), secret });
}

export async function listApiTokens(deps: AppDeps, userId: string): Promise<ApiToken[]> {
  const rows = await deps.database.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(apiTokens.createdAt);
  return rows.map(toToken);
}

export async function revokeApiToken(deps: AppDeps, userId: string, tokenId: string, cache?: AuthCache): Promise<boolean> {
  const hashes = await deps.database.db.transaction(async (tx) => {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: deps.clock().toISOString() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ hash: apiTokens.tokenHash });
    for (const { hash } of rows) await notifyAccessEnded(tx, `token:${hash}`);
    return rows.map((r) => r.hash);
  });
  for (const hash of hashes) cache?.drop(`token:${hash}`);
  return hashes.length > 0;
}

export async function hasUsers(deps: AppDeps): Promise<boolean> {
  const rows = await deps.database.db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

/**
 * Changes the caller's password after checking the current one; every other
 * session of theirs ends (the one making the change stays logged in).
 */
export async function changePassword(
  deps: AppDeps,
  userId: string,
  currentSessionId: string | null,
  input: { currentPassword: string; newPassword: string },
  cache?: AuthCache,
): Promise<Result<{ ok: true }>> {
  const [row] = await deps.database.db.select({ passwordHash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, userId));
  if (!row || !(await deps.hasher.verify(row.passwordHash, input.currentPassword))) return invalidField('currentPassword', 'is not your current password');
  const problem = passwordProblem(input.newPassword, row.email);
  if (problem) return invalidField('newPassword', problem);
  const passwordHash = await deps.hasher.hash(input.newPassword);
  await deps.database.db.update(users).set({ passwordHash }).where(eq(users.id, userId));
  const others = currentSessionId === null ? undefined : sql`${sessions.id} <> ${currentSessionId}`;
  await endSessions(deps, and(eq(sessions.userId, userId), isNull(sessions.revokedAt), others), cache);
  return ok({ ok: true as const });
}
