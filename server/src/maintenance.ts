import { lt, or } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from './context.js';
import { mutations, rateLimits, sessions } from './db/schema.js';

const HOUR = 3_600_000;

/**
 * Periodic clean-up of rows that only matter for a while (idempotency results, rate-limit windows,
 * dead sessions), then the scheduled `tasks` the app hands in (recurring cards), each pass.
 */
export function startMaintenance(deps: AppDeps, log: FastifyBaseLogger, everyMs = 10 * 60_000, tasks: readonly (() => Promise<unknown>)[] = []): { stop(): void } {
  const run = async () => {
    const now = deps.clock().getTime();
    try {
      const db = deps.database.db;
      await db.delete(mutations).where(lt(mutations.createdAt, new Date(now - 24 * HOUR).toISOString()));
      await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now - 24 * HOUR).toISOString()));
      await db
        .delete(sessions)
        .where(or(lt(sessions.expiresAt, new Date(now - 7 * 24 * HOUR).toISOString()), lt(sessions.revokedAt, new Date(now - 7 * 24 * HOUR).toISOString())));
    } catch (err) {
      log.warn({ err }, 'maintenance pass failed; will retry');
    }
    for (const task of tasks) {
      try {
        await task();
      } catch (err) {
        log.warn({ err }, 'scheduled task failed; will retry');
      }
    }
  };
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
