/**
 * A websocket client for tests that behaves like a real one: it keeps a board
 * folded from a snapshot plus events, ignores duplicates, and on a gap or a
 * resync request reloads and resubscribes from what it holds.
 */
import WebSocket from 'ws';
import {
  applyBoardEvent,
  stateFromSnapshot,
  stateToSnapshot,
  type BoardEvent,
  type BoardSnapshot,
  type BoardState,
  type ServerMessage,
  type Viewer,
} from '@opsboard/shared';

export interface WsClientOptions {
  baseUrl: string;
  token: string;
  origin?: string;
}

export class WsClient {
  socket: WebSocket | null = null;
  messages: ServerMessage[] = [];
  /** Every event type applied, in order, per stream (for order comparisons). */
  applied: { streamId: string; seq: number; type: string }[] = [];
  boards = new Map<string, BoardState>();
  presence = new Map<string, Viewer[]>();
  duplicates = 0;
  gaps = 0;
  closeCodes: number[] = [];
  private waiters: (() => void)[] = [];

  constructor(private readonly opts: WsClientOptions) {}

  async connect(): Promise<void> {
    const url = `${this.opts.baseUrl.replace(/^http/, 'ws')}/api/ws`;
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${this.opts.token}`, ...(this.opts.origin && { origin: this.opts.origin }) } });
    this.socket = socket;
    socket.on('message', (raw) => this.onMessage(JSON.parse(raw.toString()) as ServerMessage));
    socket.on('close', (code) => {
      this.closeCodes.push(code);
      this.notify();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`handshake refused: ${res.statusCode}`)));
    });
    await this.waitFor(() => this.messages.some((m) => m.type === 'hello'));
  }

  /** Loads the snapshot over HTTP and subscribes from its seq. */
  async openBoard(boardId: string): Promise<void> {
    const snapshot = await this.fetchSnapshot(boardId);
    this.boards.set(boardId, stateFromSnapshot(snapshot));
    this.subscribe(boardId, snapshot.seq);
    await this.waitFor(() => this.messages.some((m) => m.type === 'subscribed' && m.streamId === boardId));
  }

  subscribe(streamId: string, sinceSeq: number): void {
    this.send({ type: 'subscribe', streamId, sinceSeq });
  }

  send(message: unknown): void {
    this.socket!.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  async fetchSnapshot(boardId: string): Promise<BoardSnapshot> {
    const res = await fetch(`${this.opts.baseUrl}/api/boards/${boardId}`, { headers: { authorization: `Bearer ${this.opts.token}` } });
    if (!res.ok) throw new Error(`snapshot ${res.status}`);
    return (await res.json()) as BoardSnapshot;
  }

  seqOf(boardId: string): number {
    return this.boards.get(boardId)?.seq ?? 0;
  }

  snapshotOf(boardId: string): BoardSnapshot {
    return stateToSnapshot(this.boards.get(boardId)!);
  }

  /** Drops the connection without a close handshake, as a network failure would. */
  kill(): void {
    this.socket?.terminate();
  }

  async close(): Promise<void> {
    if (!this.socket || this.socket.readyState === WebSocket.CLOSED) return;
    const s = this.socket;
    await new Promise<void>((resolve) => {
      s.once('close', () => resolve());
      s.close();
    });
  }

  /** Reconnects and resubscribes every board from the seq it holds. */
  async reconnect(): Promise<void> {
    await this.connect();
    for (const [boardId, state] of this.boards) this.subscribe(boardId, state.seq);
  }

  waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`waitFor timed out after ${timeoutMs} ms; last messages: ${JSON.stringify(this.messages.slice(-3))}`));
      }, timeoutMs);
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private onMessage(m: ServerMessage): void {
    this.messages.push(m);
    if (m.type === 'event') {
      const state = this.boards.get(m.streamId);
      if (state) {
        if (m.seq <= state.seq) this.duplicates++;
        else if (m.seq > state.seq + 1) {
          this.gaps++;
          this.subscribe(m.streamId, state.seq);
        } else {
          const event = m.event as BoardEvent;
          this.boards.set(m.streamId, applyBoardEvent(state, event));
          this.applied.push({ streamId: m.streamId, seq: m.seq, type: event.type });
        }
      }
    } else if (m.type === 'resync') {
      void this.fetchSnapshot(m.streamId).then((snapshot) => {
        this.boards.set(m.streamId, stateFromSnapshot(snapshot));
        this.subscribe(m.streamId, snapshot.seq);
      });
    } else if (m.type === 'presence') {
      this.presence.set(m.streamId, m.viewers);
    }
    this.notify();
  }
}
