/**
 * A pool of websocket subscribers in the bench process, shared by the product
 * measurement and the bare NOTIFY → ws baseline. Each socket timestamps an
 * event message on arrival with a cheap prefix check (no JSON.parse on the hot
 * path); a sample ends when every socket has received the awaited event.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

const EVENT_PREFIX = '{"type":"event",';
const SEQ_KEY = Buffer.from('"seq":');

/** The top-level seq of an event message, or -1 for any other message. @param {Buffer} data */
function eventSeq(data) {
  if (data.length < 32 || data.toString('latin1', 0, EVENT_PREFIX.length) !== EVENT_PREFIX) return -1;
  let i = data.indexOf(SEQ_KEY) + SEQ_KEY.length;
  let seq = 0;
  for (let c = data[i]; c >= 48 && c <= 57; c = data[++i]) seq = seq * 10 + (c - 48);
  return seq;
}

/**
 * @typedef {{ id: number, afterSeq: number, count: number, first: number, last: number, maxSeq: number, resolve: () => void }} Waiter
 * @typedef {{ ws: WebSocket, counted: number, subscribed: null | ((m: { type: string, seq?: number }) => void) }} Sub
 */

export class Subscribers {
  /** @param {string} label */
  constructor(label) {
    this.label = label;
    /** @type {Sub[]} */
    this.subs = [];
    /** @type {Waiter | null} */
    this.waiter = null;
    this.waiters = 0;
    /** @type {string[]} */
    this.problems = [];
  }

  get size() {
    return this.subs.length;
  }

  /**
   * Opens `n` more sockets (a few at a time); with `subscribe`, each sends it
   * and waits for `subscribed`. Resolves with the seq the last one reported.
   * @param {number} n
   * @param {string} url
   * @param {{ headers?: Record<string, string>, subscribe?: { streamId: string, sinceSeq: () => number }, concurrency?: number }} o
   */
  async add(n, url, o = {}) {
    let started = 0;
    let seq = -1;
    const one = async () => {
      for (; started < n; ) {
        started++;
        const s = await this.open(url, o.headers);
        if (o.subscribe) {
          const reply = await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${this.label}: no "subscribed" within 15 s`)), 15_000);
            s.subscribed = (m) => {
              clearTimeout(timer);
              s.subscribed = null;
              if (m.type === 'subscribed') resolve(m);
              else reject(new Error(`${this.label}: subscribe answered ${JSON.stringify(m)}`));
            };
            s.ws.send(JSON.stringify({ type: 'subscribe', streamId: o.subscribe.streamId, sinceSeq: o.subscribe.sinceSeq() }));
          });
          seq = Math.max(seq, /** @type {{ seq: number }} */ (reply).seq);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(n, o.concurrency ?? 20) }, one));
    return seq;
  }

  /** @param {string} url @param {Record<string, string> | undefined} headers @returns {Promise<Sub>} */
  open(url, headers) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers, perMessageDeflate: false });
      /** @type {Sub} */
      const sub = { ws, counted: -1, subscribed: null };
      ws.on('message', (/** @type {Buffer} */ data) => {
        const t = performance.now();
        const seq = eventSeq(data);
        if (seq >= 0) {
          const w = this.waiter;
          if (w && seq > w.afterSeq && sub.counted !== w.id) {
            sub.counted = w.id;
            if (w.count++ === 0) w.first = t;
            w.last = t;
            if (seq > w.maxSeq) w.maxSeq = seq;
            if (w.count === this.subs.length) w.resolve();
          }
          return;
        }
        let msg;
        try {
          msg = JSON.parse(data.toString('utf8'));
        } catch {
          return;
        }
        if (sub.subscribed && ['subscribed', 'rejected', 'resync', 'error'].includes(msg.type)) sub.subscribed(msg);
        else if (['rejected', 'resync', 'error'].includes(msg.type)) this.problems.push(`${msg.type}: ${JSON.stringify(msg).slice(0, 200)}`);
      });
      ws.once('open', () => {
        this.subs.push(sub);
        resolve(sub);
      });
      ws.once('unexpected-response', (_req, res) => reject(new Error(`${this.label}: websocket upgrade answered ${res.statusCode}`)));
      ws.on('error', (err) => reject(err));
      ws.on('close', (code, reason) => {
        if (!this.closing) this.problems.push(`${this.label}: socket closed ${code} ${reason.toString()}`);
      });
    });
  }

  /**
   * Arms a wait for the next event with seq > afterSeq on every socket; call it
   * before triggering the change. Resolves with arrival instants (performance.now()).
   * @param {number} afterSeq
   * @param {number} [timeoutMs]
   * @returns {Promise<{ first: number, last: number, seq: number }>}
   */
  expect(afterSeq, timeoutMs = 10_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`${this.label}: only ${w.count} of ${this.subs.length} subscribers got an event after seq ${afterSeq} within ${timeoutMs} ms`));
      }, timeoutMs);
      /** @type {Waiter} */
      const w = {
        id: ++this.waiters,
        afterSeq,
        count: 0,
        first: 0,
        last: 0,
        maxSeq: -1,
        resolve: () => {
          clearTimeout(timer);
          this.waiter = null;
          resolve({ first: w.first, last: w.last, seq: w.maxSeq });
        },
      };
      this.waiter = w;
    });
  }

  async close() {
    this.closing = true;
    await Promise.all(
      this.subs.map(
        (s) =>
          new Promise((resolve) => {
            if (s.ws.readyState === WebSocket.CLOSED) return resolve(undefined);
            s.ws.once('close', resolve);
            s.ws.close();
            setTimeout(() => {
              s.ws.terminate();
              resolve(undefined);
            }, 2_000).unref();
          }),
      ),
    );
    this.subs = [];
  }
}
