import { and, eq } from 'drizzle-orm';
import type { NewBoardEvent, NewPokerEvent, NewTeamEvent } from '@opsboard/shared';
import type { ServiceDeps } from '../context.js';
import type { Tx } from '../db/database.js';
import { mutations } from '../db/schema.js';
import { isDatabaseUnavailable } from '../http/errors.js';
import { isAccessRefusal, refuse, type Result } from '../http/result.js';
import { appendEvents, type NewEvent, type StoredEvent } from './append.js';
import { sameRequest, type IdempotencyKey } from '../http/idempotency.js';

/** Who is changing something: a person, or the system (webhooks, rotation) with no user. */
export interface Actor {
  userId: string | null;
}

export interface WriteContext {
  tx: Tx;
  actor: Actor;
  /** One instant for the whole change: rows and events agree on it. */
  now: string;
  clientMutationId: string | null;
  /**
   * Queue events of a board's stream (the board catalogue in shared/src/events.ts: a wrong
   * name or payload does not compile). Appended at the end of the transaction, one statement per stream.
   */
  emitBoard(boardId: string, teamId: string, events: readonly NewBoardEvent[]): void;
  /** Queue events of a team's stream (its id is the team's), from the team catalogue. */
  emitTeam(teamId: string, events: readonly NewTeamEvent[]): void;
  /** Queue events of a planning poker session's stream (its id is the session's), from the poker catalogue. */
  emitPoker(sessionId: string, teamId: string, events: readonly NewPokerEvent[]): void;
}

export interface MutationOptions {
  actor: Actor;
  /** An Idempotency-Key: a repeat of the same request with it returns the first result and changes nothing. */
  idempotencyKey?: IdempotencyKey | null | undefined;
}

/** `publish` is called after commit with everything the transaction appended, in stream order. */
export type MutationDeps = Pick<ServiceDeps, 'database' | 'clock' | 'publish' | 'willPublish' | 'abandonPublish'>;

class Rollback<T> extends Error {
  constructor(readonly result: Result<T>) {
    super('rollback');
  }
}

const RETRYABLE = new Set(['40001', '40P01']);
function isRetryable(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE.has(code)) return true;
  }
  return false;
}
function isDuplicateKey(err: unknown, constraint: string): boolean {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const c = e as { code?: unknown; constraint?: unknown };
    if (c.code === '23505' && c.constraint === constraint) return true;
  }
  return false;
}

/**
 * Runs one change as one transaction: load, decide, write, append events,
 * commit, then publish. A refusal rolls everything back and is returned as a
 * value. Stream counters are bumped last, in stream-id order, so concurrent
 * writers never deadlock on them.
 */
export async function mutate<T>(deps: MutationDeps, opts: MutationOptions, fn: (w: WriteContext) => Promise<Result<T>>): Promise<Result<T>> {
  const idem = opts.idempotencyKey ?? null;
  const key = idem?.key ?? null;
  const actorId = opts.actor.userId;
  for (let attempt = 0; ; attempt++) {
    let appended: StoredEvent[] = [];
    try {
      const result = await deps.database.db.transaction(async (tx) => {
        const now = deps.clock().toISOString();
        if (idem && actorId) {
          const [previous] = await tx
            .select({ response: mutations.response, method: mutations.method, route: mutations.route, requestHash: mutations.requestHash })
            .from(mutations)
            .where(and(eq(mutations.actorId, actorId), eq(mutations.key, idem.key)));
          if (previous) return replay<T>(tx, previous, idem, (sp) => fn(dryRun(sp, opts.actor, now, idem.key)));
        }
        const queued = new Map<string, { teamId: string; events: NewEvent[] }>();
        const queue = (streamId: string, teamId: string, events: readonly NewEvent[]) => {
          const q = queued.get(streamId) ?? { teamId, events: [] };
          q.events.push(...events);
          queued.set(streamId, q);
        };
        const w: WriteContext = {
          tx,
          actor: opts.actor,
          now,
          clientMutationId: key,
          emitBoard: (boardId, teamId, events) => queue(boardId, teamId, events),
          emitTeam: (teamId, events) => queue(teamId, teamId, events),
          emitPoker: (sessionId, teamId, events) => queue(sessionId, teamId, events),
        };
        const r = await fn(w);
        if (!r.ok) throw new Rollback(r);
        for (const streamId of [...queued.keys()].sort()) {
          const q = queued.get(streamId)!;
          appended.push(...(await appendEvents(tx, streamId, q.events, { teamId: q.teamId, actorId, clientMutationId: key, at: now })));
        }
        if (idem && actorId) {
          await tx
            .insert(mutations)
            .values({ actorId, key: idem.key, method: idem.method, route: idem.route, requestHash: idem.hash, status: 200, response: { value: r.value }, createdAt: now });
        }
        if (appended.length > 0) deps.willPublish?.(appended);
        return r;
      });
      if (appended.length > 0) deps.publish(appended);
      return result;
    } catch (err) {
      if (appended.length > 0) deps.abandonPublish?.(appended);
      appended = [];
      if (err instanceof Rollback) return err.result as Result<T>;
      // A concurrent request with the same key committed first: answer with its result.
      if (key && actorId && isDuplicateKey(err, 'mutations_actor_id_key_pk')) continue;
      if (attempt < 3 && isRetryable(err)) continue;
      throw err;
    }
  }
}

/** A write context whose events go nowhere: for deciding a request again without keeping anything. */
function dryRun(tx: Tx, actor: Actor, now: string, clientMutationId: string): WriteContext {
  return { tx, actor, now, clientMutationId, emitBoard: () => undefined, emitTeam: () => undefined, emitPoker: () => undefined };
}

/**
 * The answer to a key seen before. Another request under the key is refused.
 * The same request is decided again against the current state, inside a
 * savepoint that is always rolled back: a caller who has since lost access
 * (no longer a member, a role without the permission) gets that refusal, not
 * the stored answer; otherwise the first result is returned unchanged.
 */
async function replay<T>(
  tx: Tx,
  previous: { response: unknown; method: string; route: string; requestHash: string },
  idem: IdempotencyKey,
  decideAgain: (sp: Tx) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!sameRequest(previous, idem)) {
    const first = previous.method ? `${previous.method} ${previous.route}` : 'another request';
    return refuse(
      'idempotency_key_reused',
      `This Idempotency-Key was already used for ${first} with other parameters or body; send a new key for a new request.`,
      { header: 'idempotency-key', method: previous.method || null, route: previous.route || null },
    );
  }
  let again: Result<T> | null = null;
  try {
    await tx.transaction(async (sp) => {
      throw new Rollback(await decideAgain(sp));
    });
  } catch (err) {
    if (err instanceof Rollback) again = err.result as Result<T>;
    else if (isRetryable(err) || isDatabaseUnavailable(err)) throw err;
    // Anything else failed after the access checks, which every service makes first: the stored answer stands.
  }
  if (again && !again.ok && isAccessRefusal(again.refusal)) return again;
  // Stored wrapped, so results like `null` replay too.
  return { ok: true, value: (previous.response as { value: T }).value };
}
