/**
 * Webhook secrets (per team, created and revoked by an admin, stored hashed)
 * and the two intake endpoints they guard. Alertmanager cannot sign its
 * requests, so the secret travels as a bearer token (or a basic-auth password)
 * and is compared in constant time.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AlertmanagerPayload, GenericWebhookBody, Webhook, WebhookIntakeResult } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { newSecret, safeEqual, sha256 } from '../auth/secrets.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { webhooks } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate } from '../events/unit-of-work.js';
import { invalidField, notFound, ok, refuse, type Result } from '../http/result.js';
import { requireTeam } from '../auth/access.js';
import { alertArrival, alertDedupKey, arrive, genericArrival, genericDedupKey } from './intake.js';
import { resolveBySource } from './resolve.js';

export type WebhookRow = typeof webhooks.$inferSelect;

export function toWebhook(r: WebhookRow, baseUrl: string): Webhook {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    prefix: r.prefix,
    url: `${baseUrl}/api/webhooks/${r.id}`,
    createdAt: iso(r.createdAt),
    lastUsedAt: iso(r.lastUsedAt),
  };
}

export async function listWebhooks(db: Queryable, userId: string, teamId: string, baseUrl: string): Promise<Result<Webhook[]>> {
  const access = await requireTeam(db, userId, teamId, 'administer');
  if (!access.ok) return access;
  const rows = await db.select().from(webhooks).where(and(eq(webhooks.teamId, teamId), isNull(webhooks.revokedAt))).orderBy(asc(webhooks.createdAt));
  return ok(rows.map((r) => toWebhook(r, baseUrl)));
}

export async function createWebhook(
  deps: ServiceDeps,
  auth: AuthInfo,
  teamId: string,
  body: { name: string; kind: 'generic' | 'alertmanager' | 'deployment' },
  baseUrl: string,
): Promise<Result<{ webhook: Webhook; secret: string }>> {
  const name = body.name.trim();
  if (name === '') return invalidField('name', 'must not be blank');
  const secret = newSecret('obh');
  return mutate(deps, { actor: { userId: auth.user.id } }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'administer');
    if (!access.ok) return access;
    const [row] = await w.tx
      .insert(webhooks)
      .values({ id: deps.newId(), teamId, name, kind: body.kind, tokenHash: sha256(secret), prefix: secret.slice(0, 10), createdAt: w.now, createdBy: auth.user.id })
      .returning();
    w.emitTeam(teamId, [{ type: 'webhook.created', subjectId: row!.id, payload: { webhookId: row!.id } }]);
    return ok({ webhook: toWebhook(row!, baseUrl), secret });
  });
}

export async function revokeWebhook(deps: ServiceDeps, auth: AuthInfo, teamId: string, webhookId: string): Promise<Result<null>> {
  return mutate(deps, { actor: { userId: auth.user.id } }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'administer');
    if (!access.ok) return access;
    const rows = await w.tx
      .update(webhooks)
      .set({ revokedAt: w.now })
      .where(and(eq(webhooks.id, webhookId), eq(webhooks.teamId, teamId), isNull(webhooks.revokedAt)))
      .returning({ id: webhooks.id });
    if (rows.length === 0) return notFound('Webhook');
    w.emitTeam(teamId, [{ type: 'webhook.revoked', subjectId: webhookId, payload: { webhookId } }]);
    return ok(null);
  });
}

/** The secret from `Authorization: Bearer <secret>` or basic auth (password), as Alertmanager's http_config sends it. */
export function presentedSecret(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  return null;
}

/** Finds a live webhook and checks its secret in constant time; null for any mismatch, without saying which. */
export async function authenticateWebhook(db: Queryable, webhookId: string, header: string | undefined): Promise<WebhookRow | null> {
  const secret = presentedSecret(header) ?? '';
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, webhookId));
  // Compare even when the hook is unknown, so timing does not tell the two apart.
  const matches = safeEqual(sha256(secret), row?.tokenHash ?? sha256('no such webhook'));
  if (!row || row.revokedAt || !matches) return null;
  return row;
}

/**
 * One generic-hook request: `firing` (the default) raises an interrupt or
 * repeats the open one with the same key; `resolved` marks the interrupt with
 * that key resolved at source (404 when no interrupt has it).
 */
export async function intakeGeneric(deps: ServiceDeps, hook: WebhookRow, body: GenericWebhookBody): Promise<Result<WebhookIntakeResult>> {
  return mutate(deps, { actor: { userId: null } }, async (w) => {
    let out: WebhookIntakeResult;
    if (body.status === 'resolved') {
      if (!body.dedupKey) return invalidField('dedupKey', 'is required to resolve an interrupt');
      const resolved = await resolveBySource(w, hook.teamId, genericDedupKey(body.dedupKey));
      if (!resolved) {
        return refuse('not_found', `No interrupt was raised with dedupKey "${body.dedupKey}"; there is nothing to resolve.`, { field: 'dedupKey', dedupKey: body.dedupKey });
      }
      out = { created: 0, updated: 0, resolved: resolved.changed ? 1 : 0, cardIds: [resolved.interrupt.cardId] };
    } else {
      const arrival = genericArrival(body, hook.id);
      if (!arrival.ok) return arrival;
      const result = await arrive(w, hook.teamId, arrival.value, deps);
      if (!result.ok) return result;
      const created = result.value.kind === 'created' ? 1 : 0;
      out = { created, updated: 1 - created, resolved: 0, cardIds: [result.value.card.id] };
    }
    await w.tx.update(webhooks).set({ lastUsedAt: w.now }).where(eq(webhooks.id, hook.id));
    return ok(out);
  });
}

/** One Alertmanager notification (a batch of alerts) in one transaction: all of it lands or none. */
export async function intakeAlertmanager(deps: ServiceDeps, hook: WebhookRow, payload: AlertmanagerPayload): Promise<Result<WebhookIntakeResult>> {
  return mutate(deps, { actor: { userId: null } }, async (w) => {
    const out: WebhookIntakeResult = { created: 0, updated: 0, resolved: 0, cardIds: [] };
    for (const alert of payload.alerts) {
      if (alert.status === 'resolved') {
        // An alert opsboard never saw (sent before the hook existed, say) resolves nothing; Alertmanager would only retry an error.
        const resolved = await resolveBySource(w, hook.teamId, alertDedupKey(alert));
        if (resolved) {
          if (resolved.changed) out.resolved++;
          out.cardIds.push(resolved.interrupt.cardId);
        }
        continue;
      }
      const result = await arrive(w, hook.teamId, alertArrival(alert, payload, hook.id), deps);
      if (!result.ok) return result;
      out[result.value.kind]++;
      out.cardIds.push(result.value.card.id);
    }
    await w.tx.update(webhooks).set({ lastUsedAt: w.now }).where(eq(webhooks.id, hook.id));
    return ok(out);
  });
}
