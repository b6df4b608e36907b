/** Posts due hook deliveries: signed, over the SSRF guard, with retries and backoff; claims like the e-mail outbox. */
import http from 'node:http';
import https from 'node:https';
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { LookupFunction } from 'node:net';
import type { AppDeps } from '../../context.js';
import { hookDeliveries, outgoingHooks } from '../../db/schema.js';
import { backoffMs } from '../email/outbox.js';
import { resolvePublic } from './ssrf.js';
import { SIGNATURE_HEADER, signatureHeader } from './sign.js';

export interface HookSenderOptions {
  leaseMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string; final: boolean };

/** One POST. DNS is answered by the guard, so the address connected to is the one checked. */
export function post(url: string, body: string, headers: Record<string, string>, allowPrivate: boolean, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    let refused: string | null = null;
    const lookup: LookupFunction = (hostname, options, callback) => {
      void resolvePublic(hostname, allowPrivate).then((r) => {
        if (!r.ok) {
          refused = r.reason;
          callback(new Error(r.reason), '', 4);
        } else if ((options as { all?: boolean }).all) {
          (callback as unknown as (err: null, addresses: { address: string; family: number }[]) => void)(null, [{ address: r.address, family: r.family }]);
        } else callback(null, r.address, r.family);
      });
    };
    const u = new URL(url);
    const req = (u.protocol === 'https:' ? https : http).request(
      u,
      { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'opsboard-hooks', ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup, timeout: timeoutMs },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve({ ok: true, status });
        else resolve({ ok: false, status, error: `HTTP ${status}`, final: false });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve({ ok: false, status: null, error: refused ?? err.message, final: refused !== null }));
    req.end(body);
  });
}

export class HookSender {
  private readonly o: Required<HookSenderOptions>;
  constructor(
    private readonly deps: Pick<AppDeps, 'database' | 'clock' | 'instanceId' | 'config'>,
    options: HookSenderOptions = {},
  ) {
    this.o = { leaseMs: 60_000, baseDelayMs: 30_000, maxDelayMs: 3_600_000, maxAttempts: 8, timeoutMs: 10_000, ...options };
  }

  /** Claims and posts due deliveries once; how many were delivered. */
  async pass(isStopped: () => boolean): Promise<number> {
    const db = this.deps.database.db;
    let delivered = 0;
    while (!isStopped()) {
      const now = this.deps.clock();
      const claimed = await db.transaction(async (tx) => {
        const due = await tx
          .select({ id: hookDeliveries.id })
          .from(hookDeliveries)
          .where(and(eq(hookDeliveries.status, 'pending'), lte(hookDeliveries.nextAttemptAt, now.toISOString()), or(isNull(hookDeliveries.claimedUntil), lte(hookDeliveries.claimedUntil, now.toISOString()))))
          .orderBy(asc(hookDeliveries.nextAttemptAt), asc(hookDeliveries.id))
          .limit(20)
          .for('update', { skipLocked: true });
        if (due.length === 0) return [];
        return tx
          .update(hookDeliveries)
          .set({ claimedBy: this.deps.instanceId, claimedUntil: new Date(now.getTime() + this.o.leaseMs).toISOString() })
          .where(inArray(hookDeliveries.id, due.map((d) => d.id)))
          .returning();
      });
      if (claimed.length === 0) break;
      for (const d of claimed) {
        if (isStopped()) break;
        const [hook] = await db.select().from(outgoingHooks).where(eq(outgoingHooks.id, d.hookId));
        const mine = and(eq(hookDeliveries.id, d.id), eq(hookDeliveries.claimedBy, this.deps.instanceId));
        if (!hook || hook.deletedAt) {
          await db.update(hookDeliveries).set({ status: 'failed', lastError: 'the hook was deleted', claimedBy: null, claimedUntil: null }).where(mine);
          continue;
        }
        const headers: Record<string, string> = { 'opsboard-delivery': d.id, 'opsboard-event': d.eventType };
        if (hook.format === 'generic') headers[SIGNATURE_HEADER] = signatureHeader(hook.secret, d.body, Math.floor(this.deps.clock().getTime() / 1000));
        const outcome = await post(hook.url, d.body, headers, this.deps.config.webhooksAllowPrivate, this.o.timeoutMs);
        const at = this.deps.clock();
        if (outcome.ok) {
          await db.update(hookDeliveries).set({ status: 'delivered', attempts: d.attempts + 1, lastStatus: outcome.status, lastError: null, deliveredAt: at.toISOString(), claimedBy: null, claimedUntil: null }).where(mine);
          delivered++;
        } else {
          const attempts = d.attempts + 1;
          const giveUp = outcome.final || attempts >= this.o.maxAttempts;
          await db
            .update(hookDeliveries)
            .set({
              status: giveUp ? 'failed' : 'pending',
              attempts,
              lastStatus: outcome.status,
              lastError: outcome.error.slice(0, 500),
              nextAttemptAt: new Date(at.getTime() + backoffMs(attempts, this.o.baseDelayMs, this.o.maxDelayMs)).toISOString(),
              claimedBy: null,
              claimedUntil: null,
            })
            .where(mine);
        }
      }
    }
    return delivered;
  }

  /** Hands back claims not tried at shutdown. */
  async release(): Promise<void> {
    await this.deps.database.db
      .update(hookDeliveries)
      .set({ claimedBy: null, claimedUntil: null })
      .where(and(eq(hookDeliveries.claimedBy, this.deps.instanceId), eq(hookDeliveries.status, 'pending')));
  }
}
