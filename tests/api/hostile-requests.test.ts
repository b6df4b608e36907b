/**
 * A battery of hostile requests at /api: malformed URLs, over-long
 * parameters, odd methods, wrong content types, huge headers, requests the
 * HTTP parser itself refuses. Every refusal must be the project's one error
 * shape, never Fastify's or Node's own, and never a 5xx.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let clientDir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  // The built client is served as in production, so its static fallback is part of the battery.
  clientDir = mkdtempSync(path.join(tmpdir(), 'opsboard-client-'));
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>opsboard</title>');
  t = await startTestApp({ database: db.database, listen: true, serveClient: true, config: { clientDir } });
  team = await createTeam(t.app, 'Hostile');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
  rmSync(clientDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends bytes as they are and reads the whole answer (the server closes, or the first response is complete). */
function raw(request: string | Buffer): Promise<Answer> {
  const { port } = new URL(t.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let data = Buffer.alloc(0);
    const done = () => {
      const text = data.toString('latin1');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const contentType = /\r\ncontent-type: *([^\r\n]*)/i.exec(head)?.[1] ?? '';
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? -1);
      const body = rest.join('\r\n\r\n');
      if (status && length >= 0 && Buffer.byteLength(body, 'latin1') < length) return false;
      socket.destroy();
      resolve({ status, contentType, body: length >= 0 ? body.slice(0, length) : body });
      return true;
    };
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      if (/\r\n\r\n/.test(data.toString('latin1'))) done();
    });
    socket.on('end', () => done());
    socket.on('close', () => done());
    socket.on('error', (err) => (data.length > 0 ? done() : reject(err)));
    socket.write(request);
  });
}

function get(target: string, headers: Record<string, string> = {}): Promise<Answer> {
  const lines = Object.entries({ host: '127.0.0.1', authorization: `Bearer ${team.admin.token}`, connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return raw(`GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
}

function send(method: string, target: string, headers: Record<string, string>, body = ''): Promise<Answer> {
  const all = { host: '127.0.0.1', authorization: `Bearer ${team.admin.token}`, connection: 'close', 'content-length': String(Buffer.byteLength(body)), ...headers };
  const lines = Object.entries(all).map(([k, v]) => `${k}: ${v}`);
  return raw(`${method} ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
}

/** The one error shape: `{ "error": { "code", "message", "details"? } }` as JSON, and nothing else; a 4xx unless told otherwise. */
function expectErrorShape(what: string, answer: Answer, status?: number): void {
  if (status === undefined) {
    expect(answer.status, `${what}: status`).toBeGreaterThanOrEqual(400);
    expect(answer.status, `${what}: ${answer.body}`).toBeLessThan(500);
  } else {
    expect(answer.status, `${what}: ${answer.body}`).toBe(status);
  }
  expect(answer.contentType, `${what}: content type`).toMatch(/^application\/json/);
  let parsed: unknown;
  expect(() => (parsed = JSON.parse(answer.body)), `${what}: ${answer.body}`).not.toThrow();
  const body = parsed as { error?: Record<string, unknown> };
  expect(Object.keys(body), `${what}: ${answer.body}`).toEqual(['error']);
  expect(typeof body.error?.code, `${what}: ${answer.body}`).toBe('string');
  expect(typeof body.error?.message, `${what}: ${answer.body}`).toBe('string');
  for (const key of Object.keys(body.error ?? {})) expect(['code', 'message', 'details'], `${what}: ${answer.body}`).toContain(key);
}

const long = (n: number) => 'a'.repeat(n);

describe('hostile requests at /api get the one error shape', () => {
  it('malformed percent-encodings in the path: 400', async () => {
    for (const bad of ['%FF', '%ED%A0%80', '%', '%E0%A4%A', '%C0%AF']) {
      const answer = await get(`/api/cards/${bad}`);
      expectErrorShape(bad, answer);
      expect(answer.status, bad).toBe(400);
      expectErrorShape(`${bad} deeper`, await get(`/api/cards/${bad}/history`));
    }
  });

  it('a parameter over 200 characters, and a 10,000-character segment: not the static-file fallback', async () => {
    for (const target of [
      `/api/cards/${long(201)}`,
      `/api/cards/${long(201)}/history`,
      `/api/teams/${long(300)}/members`,
      `/api/${long(10_000)}`,
      `/api/cards/${long(10_000)}`,
      `/api/boards/${long(10_000)}/events?since=0`,
    ]) {
      const answer = await get(target);
      expectErrorShape(target.slice(0, 40), answer);
      expect([400, 404, 414], target.slice(0, 40)).toContain(answer.status);
    }
    const post = await send('POST', `/api/cards/${long(10_000)}/move`, { 'content-type': 'application/json' }, '{}');
    expectErrorShape('long POST', post);
  });

  it('methods nobody routes, and ones the HTTP parser refuses', async () => {
    for (const method of ['PROPFIND', 'TRACE', 'OPTIONS', 'PUT', 'MKCOL']) expectErrorShape(method, await send(method, '/api/teams', {}));
    expectErrorShape('FOO', await send('FOO', '/api/teams', {}));
    expectErrorShape('lower-case get', await raw('get /api/teams HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'));
  });

  it('bodies in content types the API does not take: 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonp']) {
      const answer = await send('POST', '/api/teams', { 'content-type': type }, 'name=x');
      expectErrorShape(type, answer);
      expect(answer.status, type).toBe(415);
    }
    expectErrorShape('no content type', await send('POST', '/api/teams', {}, '{"name":"x"}'));
    expectErrorShape('a bad content length', await raw(`POST /api/teams HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: abc\r\nconnection: close\r\n\r\n{}`));
    expectErrorShape('two content lengths', await raw(`POST /api/teams HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 2\r\ncontent-length: 3\r\nconnection: close\r\n\r\n{}`));
  });

  it('huge headers and a huge URL: refused by the HTTP parser, still in the one shape', async () => {
    const huge = await get('/api/teams', { 'x-padding': long(20_000) });
    expectErrorShape('huge header', huge);
    expect(huge.status).toBe(431);
    expectErrorShape('huge URL', await get(`/api/teams?q=${long(20_000)}`));
    const many: Record<string, string> = {};
    for (let i = 0; i < 300; i++) many[`x-h${i}`] = long(60);
    expectErrorShape('many headers', await get('/api/teams', many));
  });

  it('requests the HTTP parser cannot read at all', async () => {
    expectErrorShape('bad header name', await raw('GET /api/teams HTTP/1.1\r\nhost: x\r\nbad header: 1\r\n\r\n'));
    expectErrorShape('control character in a header', await raw('GET /api/teams HTTP/1.1\r\nhost: x\r\nx-a: a\u0001b\r\n\r\n'));
    expectErrorShape('bad request line', await raw('GET\r\n\r\n'));
    expectErrorShape('bad chunk', await raw('POST /api/teams HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\ncontent-type: application/json\r\n\r\nzz\r\n'));
  });

  it('the websocket endpoint without an upgrade, the docs and unknown routes under /api', async () => {
    for (const target of ['/api/ws', '/api/docs/nope', '/api/docs/static/nope.js', '/api/nope', '/api/teams/../../etc/passwd', '/api/%2e%2e/%2e%2e/etc/passwd']) {
      const answer = await get(target);
      if (answer.status >= 400) expectErrorShape(target, answer);
      else expect(answer.status, target).toBeLessThan(400);
    }
  });

  it('outside /api the app shell still answers page URLs, however long', async () => {
    const page = await get(`/boards/${long(10_000)}`, { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>opsboard</title>');
  });
});

describe('shutting down', () => {
  it('a request that arrives while the server closes gets 503 with retry-after, in the one shape', async () => {
    const closingApp = await startTestApp({ database: db.database, listen: true });
    const { port } = new URL(closingApp.baseUrl);
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    const body = JSON.stringify({ name: 'Closing' });
    // The first request is in flight (the server said 100 Continue) when the close begins.
    socket.write(
      `POST /api/teams HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${team.admin.token}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nexpect: 100-continue\r\n\r\n`,
    );
    await until(() => received.includes('100 Continue'));
    const closed = closingApp.close();
    await new Promise((r) => setImmediate(r));
    // Its body, then a second request pipelined behind it on the same connection.
    socket.write(`${body}GET /api/health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`);
    await until(() => /HTTP\/1\.1 503[\s\S]*\r\n\r\n\{.*\}$/.test(received));
    socket.destroy();
    await closed;
    const second = received.slice(received.lastIndexOf('HTTP/1.1 503'));
    const [head = '', text = ''] = second.split('\r\n\r\n');
    expect(head).toMatch(/\r\nretry-after: \d+/i);
    expectErrorShape('while closing', { status: 503, contentType: /content-type: *([^\r\n]*)/i.exec(head)?.[1] ?? '', body: text }, 503);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'unavailable' } });
  });
});

async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
