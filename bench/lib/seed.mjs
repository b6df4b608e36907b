/** Seeds the product through its own API: one user + API token, one team, one 6-column board, N cards. */
import { httpClient } from './http.mjs';

export const COLUMNS = [
  { name: 'Backlog', category: 'backlog' },
  { name: 'Ready', category: 'todo' },
  // The moves go between these two. A `block` limit that is never reached keeps
  // the WIP check (column lock + count) on the path. The API caps limits at 999;
  // with 2,000 cards over 6 columns the two hold ~667 cards together.
  { name: 'Doing A', category: 'doing', wipLimit: 999, wipPolicy: 'block' },
  { name: 'Doing B', category: 'doing', wipLimit: 999, wipPolicy: 'block' },
  { name: 'Review', category: 'doing' },
  { name: 'Done', category: 'done' },
];

const WORDS = ['rotate', 'TLS', 'certificates', 'on', 'the', 'edge', 'proxies', 'and', 'update', 'runbook', 'for', 'Postgres', 'failover', 'alerting', 'Terraform', 'module'];

/** A card title and description of a realistic size (deterministic). @param {number} i */
function cardText(i) {
  const pick = (/** @type {number} */ k) => WORDS[(i * 7 + k * 3) % WORDS.length];
  const title = `OPS-${i}: ${[0, 1, 2, 3, 4, 5].map(pick).join(' ')}`;
  const description = `Context: ${[6, 7, 8, 9, 10, 11, 12, 13].map(pick).join(' ')}. Done when the runbook is updated.`;
  return { title, description };
}

/**
 * @param {string} base server URL
 * @param {{ cards: number, concurrency: number }} o
 */
export async function seed(base, o) {
  const anon = httpClient(base);
  const email = `bench-${Date.now()}@example.test`;
  const signup = await anon.request('POST', '/api/auth/signup', { email, name: 'Bench User', password: 'bench-password-Correct-Horse-42' });
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${signup.body.toString('utf8')}`);
  const { user, csrfToken } = JSON.parse(signup.body.toString('utf8'));
  const setCookie = signup.headers['set-cookie'] ?? [];
  const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
  const token = await anon.json('POST', '/api/auth/tokens', { name: 'bench' }, { headers: { cookie, 'x-csrf-token': csrfToken } });
  anon.close();
  const secret = token.value.secret;
  if (typeof secret !== 'string') throw new Error(`no token secret in ${JSON.stringify(token.value)}`);

  const api = httpClient(base, { headers: { authorization: `Bearer ${secret}` } });
  const team = (await api.json('POST', '/api/teams', { name: 'Bench team' })).value;
  const board = (await api.json('POST', `/api/teams/${team.id}/boards`, { kind: 'planned', name: 'Bench board', columns: COLUMNS })).value;
  const snapshot = (await api.json('GET', `/api/boards/${board.id}`)).value;
  const columns = snapshot.columns;
  if (columns.length !== COLUMNS.length) throw new Error(`expected ${COLUMNS.length} columns, got ${columns.length}`);

  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= o.cards) return;
      const column = columns[i % columns.length];
      await api.json('POST', `/api/boards/${board.id}/cards`, { ...cardText(i), columnId: column.id, labels: ['ops'] });
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  api.close();
  return { user, secret, teamId: team.id, boardId: board.id, columns };
}
