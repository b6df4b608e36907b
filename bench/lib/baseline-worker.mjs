/**
 * The in-bench baseline servers, on their own thread so that (like the product
 * server in its child process) they do not share an event loop with the
 * clients that time them:
 *   GET /pg-cards  Fastify + `pg`: the board's card rows (all columns, same ORDER BY), JSON-serialised by Fastify
 *   GET /memory    bare Fastify: the same snapshot JSON from memory, serialised ahead of time and
 *                  kept as UTF-8 bytes (the product keeps its cached snapshot as bytes too; a JS
 *                  string would cost a 1.5 MB encode on every request)
 *   GET /memory-string  the same, sent as the pre-stringified JS string (informational)
 *   ws server      LISTENs on a channel and forwards each notification to every connected client
 */
import { parentPort, workerData } from 'node:worker_threads';
import Fastify from 'fastify';
import pg from 'pg';
import { WebSocketServer } from 'ws';

/** @type {{ databaseUrl: string, boardId: string, memoryBody: string, channel: string }} */
const { databaseUrl, boardId, memoryBody, channel } = workerData;
const memoryBytes = Buffer.from(memoryBody, 'utf8');

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 0 });
// A baseline that dies with its database connection would read as a slow product; errors surface as failed queries.
pool.on('connect', (client) => client.on('error', () => undefined));
pool.on('error', () => undefined);
const app = Fastify({ logger: false });

const CARDS = 'SELECT * FROM cards WHERE board_id = $1 AND archived_at IS NULL ORDER BY rank, id';
app.get('/pg-cards', async () => (await pool.query(CARDS, [boardId])).rows);
app.get('/memory', async (_request, reply) => reply.type('application/json; charset=utf-8').send(memoryBytes));
app.get('/memory-string', async (_request, reply) => reply.type('application/json; charset=utf-8').send(memoryBody));
await app.listen({ host: '127.0.0.1', port: 0 });
const httpPort = /** @type {import('node:net').AddressInfo} */ (app.server.address()).port;

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise((resolve) => wss.once('listening', resolve));
const wsPort = /** @type {import('node:net').AddressInfo} */ (wss.address()).port;
const listener = new pg.Client({ connectionString: databaseUrl });
listener.on('error', () => undefined);
await listener.connect();
listener.on('notification', (msg) => {
  const data = msg.payload ?? '';
  for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.send(data);
});
await listener.query(`LISTEN ${pg.escapeIdentifier(channel)}`);

parentPort?.on('message', async (m) => {
  if (m !== 'close') return;
  for (const ws of wss.clients) ws.terminate();
  await new Promise((resolve) => wss.close(resolve));
  await listener.end();
  await app.close();
  await pool.end();
  parentPort?.postMessage({ closed: true });
});
parentPort?.postMessage({ httpPort, wsPort });
