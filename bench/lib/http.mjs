/**
 * A minimal keep-alive HTTP/1.1 client on node:http. The same client times the
 * product and every HTTP baseline, so its own overhead cancels out in the ratios.
 * Bodies are collected as bytes and never parsed inside the timed window.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * @typedef {{ status: number, headers: http.IncomingHttpHeaders, body: Buffer, t0: number, t1: number }} Timed
 */

/**
 * @param {string} baseUrl e.g. http://127.0.0.1:3000
 * @param {{ headers?: Record<string, string>, maxSockets?: number }} [opts]
 */
export function httpClient(baseUrl, opts = {}) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 32 });
  const common = opts.headers ?? {};

  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body] JSON-serialised when given
   * @param {Record<string, string>} [extra] headers
   * @returns {Promise<Timed>}
   */
  function request(method, path, body, extra) {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    /** @type {Record<string, string | number>} */
    const headers = { ...common, ...extra };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request({ host: url.hostname, port: url.port, method, path, agent, headers }, (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const t1 = performance.now();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), t0, t1 });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /**
   * A request that must answer `expect`; returns the parsed JSON body.
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @param {{ expect?: number, headers?: Record<string, string> }} [o]
   */
  async function json(method, path, body, o = {}) {
    const res = await request(method, path, body, o.headers);
    const expect = o.expect ?? (method === 'POST' ? 201 : 200);
    if (res.status !== expect) throw new Error(`${method} ${path}: expected ${expect}, got ${res.status}: ${res.body.toString('utf8').slice(0, 500)}`);
    return { value: res.body.length ? JSON.parse(res.body.toString('utf8')) : null, res };
  }

  return { request, json, close: () => agent.destroy() };
}
