import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { gzip } from 'node:zlib';
import type { BoardSnapshot } from '@opsboard/shared';
import type { Db } from '../db/database.js';
import { boards, cards, columns, interrupts, lanes, streams, teamMembers } from '../db/schema.js';
import { decide } from '../auth/access.js';
import { notFound, ok, type Result } from '../http/result.js';
import { toBoard, toCard, toColumn, toInterrupt, toLane } from './mappers.js';

interface Cached {
  seq: number;
  body: Buffer;
  /** The same bytes gzipped, made in the background after the first read at this seq. */
  gzip: Buffer | null;
}

export interface SnapshotBytes {
  body: Buffer;
  gzip: Buffer | null;
}

/**
 * Serialized board snapshots keyed by (board, seq). A board's snapshot only
 * changes when its seq does, so a repeated read at the same seq is one small
 * query and a buffer copy (PITFALLS 14). Bounded: least recently read boards go first.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, Cached>();
  constructor(private readonly maxBoards = 64) {}

  get(boardId: string, seq: number): SnapshotBytes | null {
    const hit = this.entries.get(boardId);
    if (!hit || hit.seq !== seq) return null;
    this.entries.delete(boardId);
    this.entries.set(boardId, hit);
    return hit;
  }

  set(boardId: string, seq: number, body: Buffer): void {
    const current = this.entries.get(boardId);
    if (current && current.seq > seq) return;
    const entry: Cached = { seq, body, gzip: null };
    this.entries.delete(boardId);
    this.entries.set(boardId, entry);
    // Big boards compress ~10x; do it off the event loop, once per seq, for the reads that follow.
    if (body.length > 8_192) {
      gzip(body, { level: 6 }, (err, zipped) => {
        if (!err) entry.gzip = zipped;
      });
    }
    while (this.entries.size > this.maxBoards) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** Reads a board's snapshot, consistent with its seq, in one repeatable-read transaction. */
export async function readSnapshot(db: Db, boardId: string): Promise<BoardSnapshot | null> {
  return db.transaction(
    async (tx) => {
      const [head] = await tx
        .select({ board: boards, seq: streams.lastSeq })
        .from(boards)
        .innerJoin(streams, eq(streams.id, boards.id))
        .where(eq(boards.id, boardId));
      if (!head) return null;
      // One connection: the queries run one after another.
      const columnRows = await tx.select().from(columns).where(and(eq(columns.boardId, boardId), isNull(columns.archivedAt))).orderBy(asc(columns.rank), asc(columns.id));
      const laneRows = await tx.select().from(lanes).where(and(eq(lanes.boardId, boardId), isNull(lanes.archivedAt))).orderBy(asc(lanes.rank), asc(lanes.id));
      const cardRows = await tx.select().from(cards).where(and(eq(cards.boardId, boardId), isNull(cards.archivedAt))).orderBy(asc(cards.rank), asc(cards.id));
      const interruptRows = await tx
        .select({ interrupt: interrupts })
        .from(interrupts)
        .innerJoin(cards, eq(cards.id, interrupts.cardId))
        .where(and(eq(cards.boardId, boardId), isNull(cards.archivedAt)))
        .orderBy(asc(interrupts.cardId));
      return {
        board: toBoard(head.board),
        seq: head.seq,
        columns: columnRows.map(toColumn),
        lanes: laneRows.map(toLane),
        cards: cardRows.map(toCard),
        interrupts: interruptRows.map((r) => toInterrupt(r.interrupt)),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The board's seq and the caller's role in one round trip: built once per database handle and prepared by name. */
function boardHeadQuery(db: Db) {
  return db
    .select({ seq: streams.lastSeq, role: teamMembers.role })
    .from(streams)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, streams.teamId), eq(teamMembers.userId, sql.placeholder('userId'))))
    .where(and(eq(streams.id, sql.placeholder('boardId')), eq(streams.kind, 'board')))
    .prepare('opsboard_board_head');
}
const boardHeads = new WeakMap<Db, ReturnType<typeof boardHeadQuery>>();

/** The snapshot as JSON bytes for a member of the board's team; 404 for anyone else. */
export async function snapshotBody(db: Db, cache: SnapshotCache, userId: string, boardId: string): Promise<Result<SnapshotBytes>> {
  let query = boardHeads.get(db);
  if (!query) boardHeads.set(db, (query = boardHeadQuery(db)));
  const [head] = await query.execute({ userId, boardId });
  const access = decide(head?.role ?? null, 'read', 'Board');
  if (!access.ok) return access;
  const cached = cache.get(boardId, head!.seq);
  if (cached) return ok(cached);
  const snapshot = await readSnapshot(db, boardId);
  if (!snapshot) return notFound('Board');
  // The mappers produce exactly the wire shape; plain JSON.stringify is the fastest serializer for it.
  const body = Buffer.from(JSON.stringify(snapshot));
  cache.set(boardId, snapshot.seq, body);
  return ok({ body, gzip: null });
}
