import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { iso } from '../db/time.js';

export interface RateLimitDecision {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * A fixed-window counter kept in the database, so the limit holds across
 * every instance behind a load balancer (an in-memory store would multiply it).
 */
export async function hitRateLimit(db: Db, key: string, limit: number, windowSeconds: number, now: Date): Promise<RateLimitDecision> {
  const nowIso = now.toISOString();
  const windowStartFloor = new Date(now.getTime() - windowSeconds * 1000).toISOString();
  const result = await db.execute<{ count: number; window_start: string }>(sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${nowIso}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start <= ${windowStartFloor} THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.window_start <= ${windowStartFloor} THEN ${nowIso}::timestamptz ELSE rate_limits.window_start END
    RETURNING count, window_start::text AS window_start
  `);
  const row = result.rows[0]!;
  const started = new Date(iso(row.window_start)).getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((started + windowSeconds * 1000 - now.getTime()) / 1000));
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds };
}
