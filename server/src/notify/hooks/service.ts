/** A team admin's outgoing hooks: create (URL checked by the SSRF guard), list, delete, test, and each hook's delivery log. */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { CreateHookBody, CreatedHook, HookDelivery, OutgoingHook } from '@opsboard/shared';
import { requireTeam } from '../../auth/access.js';
import type { AppDeps } from '../../context.js';
import { hookDeliveries, outgoingHooks } from '../../db/schema.js';
import { iso } from '../../db/time.js';
import { invalidField, notFound, ok, type Result } from '../../http/result.js';
import { queueDelivery, type HookRow } from './dispatch.js';
import { CHAT_EVENTS } from './format.js';
import { checkHookUrl } from './ssrf.js';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'newId' | 'config'>;

const toHook = (r: HookRow): OutgoingHook => ({ id: r.id, teamId: r.teamId, name: r.name, url: r.url, format: r.format, events: r.events, createdAt: iso(r.createdAt) });

export async function listHooks(deps: Deps, userId: string, teamId: string): Promise<Result<OutgoingHook[]>> {
  const access = await requireTeam(deps.database.db, userId, teamId, 'administer');
  if (!access.ok) return access;
  const rows = await deps.database.db.select().from(outgoingHooks).where(and(eq(outgoingHooks.teamId, teamId), isNull(outgoingHooks.deletedAt))).orderBy(outgoingHooks.createdAt);
  return ok(rows.map(toHook));
}

export async function createHook(deps: Deps, userId: string, teamId: string, body: CreateHookBody): Promise<Result<CreatedHook>> {
  const access = await requireTeam(deps.database.db, userId, teamId, 'administer');
  if (!access.ok) return access;
  if (!body.name.trim()) return invalidField('name', 'must not be blank');
  const problem = await checkHookUrl(body.url, deps.config.webhooksAllowPrivate);
  if (problem) return invalidField('url', problem);
  if (body.format === 'generic' && !body.events) return invalidField('events', 'a generic hook names the event types it wants (or ["*"])');
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const [row] = await deps.database.db
    .insert(outgoingHooks)
    .values({ id: deps.newId(), teamId, name: body.name.trim(), url: body.url, format: body.format, events: body.events ?? [...CHAT_EVENTS], secret, createdBy: userId, createdAt: deps.clock().toISOString() })
    .returning();
  return ok({ hook: toHook(row!), secret });
}

async function ownHook(deps: Deps, userId: string, hookId: string): Promise<Result<HookRow>> {
  const [row] = await deps.database.db.select().from(outgoingHooks).where(and(eq(outgoingHooks.id, hookId), isNull(outgoingHooks.deletedAt)));
  if (!row) return notFound('Hook');
  const access = await requireTeam(deps.database.db, userId, row.teamId, 'administer');
  return access.ok ? ok(row) : access;
}

export async function deleteHook(deps: Deps, userId: string, hookId: string): Promise<Result<{ ok: true }>> {
  const hook = await ownHook(deps, userId, hookId);
  if (!hook.ok) return hook;
  await deps.database.db.update(outgoingHooks).set({ deletedAt: deps.clock().toISOString() }).where(eq(outgoingHooks.id, hookId));
  return ok({ ok: true as const });
}

/** The test button: queues a `hook.test` delivery, sent like any other. */
export async function testHook(deps: Deps, userId: string, hookId: string): Promise<Result<{ deliveryId: string }>> {
  const hook = await ownHook(deps, userId, hookId);
  if (!hook.ok) return hook;
  const now = deps.clock().toISOString();
  const id = await queueDelivery(deps.database.db, deps, hook.value, { streamId: null, seq: null, teamId: hook.value.teamId, type: 'hook.test', payload: { hookId }, at: now }, now);
  return ok({ deliveryId: id! });
}

export async function listDeliveries(deps: Deps, userId: string, hookId: string): Promise<Result<HookDelivery[]>> {
  const hook = await ownHook(deps, userId, hookId);
  if (!hook.ok) return hook;
  const rows = await deps.database.db.select().from(hookDeliveries).where(eq(hookDeliveries.hookId, hookId)).orderBy(desc(hookDeliveries.createdAt), desc(hookDeliveries.id)).limit(100);
  return ok(
    rows.map((r) => ({
      id: r.id,
      eventType: r.eventType,
      status: r.status,
      attempts: r.attempts,
      lastStatus: r.lastStatus,
      lastError: r.lastError,
      nextAttemptAt: iso(r.nextAttemptAt),
      createdAt: iso(r.createdAt),
      deliveredAt: iso(r.deliveredAt),
    })),
  );
}
