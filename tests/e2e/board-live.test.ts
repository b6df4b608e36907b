/** Issue 4, live: two people on one board, presence, and a dropped connection that catches up without losing anything. */
import { describe, expect, it } from 'vitest';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import type { BoardSnapshot, Card } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { boardSeq, browserSuite, dragWithMouse, openBoard, pageOrder, signedInPage, snapshotOrder, tile, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

async function setup(name: string) {
  const team = await createTeam(t.app, name);
  const board = team.boards.planned;
  const snap = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`)).body;
  const col = Object.fromEntries(snap.columns.map((c) => [c.name, c.id]));
  const add = async (title: string, column: string) => (await team.admin.api.post<Card>(`/api/boards/${board}/cards`, { title, columnId: col[column] })).body;
  const snapshot = async () => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`)).body;
  return { team, board, col, add, snapshot };
}

const viewersOf = (page: Page) => page.getByTestId('presence').getByRole('img').getAttribute('aria-label');

describe('live board', () => {
  it('shows a move made in one browser in the other within a second, and both people as present', async () => {
    const { team, board, col, add } = await setup('Pair');
    const card = await add('Rotate TLS certs', 'Backlog');
    await add('Patch kernels', 'Ready');
    const alex = await signedInPage(browser, t.baseUrl, team.admin);
    const sam = await signedInPage(browser, t.baseUrl, team.byRole.member);
    await openBoard(alex.page, board);
    await openBoard(sam.page, board);

    for (const { page } of [alex, sam]) {
      await expect.poll(() => viewersOf(page), SOON).toMatch(/Viewing now: .*Pair Admin.*Pair member|Viewing now: .*Pair member.*Pair Admin/);
    }

    await dragWithMouse(alex.page, tile(alex.page, 'Rotate TLS certs'), tile(alex.page, 'Patch kernels'));
    const dropped = Date.now();
    await sam.page.locator(`.board-grid__cell[data-column-id="${col.Ready}"] [data-tile-id="${card.id}"]`).waitFor({ timeout: 1000 });
    const latency = Date.now() - dropped;
    expect(latency).toBeLessThan(1000);
    // The other person's change flashes so the eye catches it.
    expect(await sam.page.locator(`[data-tile-id="${card.id}"] .tile__flash`).count()).toBe(1);
    console.log(`live move reached the second browser in ${latency} ms`);

    expect([...alex.problems, ...sam.problems]).toEqual([]);
    await alex.context.close();
    await sam.context.close();
  });

  it('survives a dropped connection: banner, queued change, reconnect, catch-up to the server snapshot', async () => {
    const { team, board, col, add, snapshot } = await setup('Flaky');
    const cards: Card[] = [];
    for (const n of [1, 2, 3, 4, 5, 6]) cards.push(await add(`Backlog item ${n}`, 'Backlog'));
    const mine = await add('Mine to move', 'Ready');

    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.admin);
    let down = false;
    const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
    await page.routeWebSocket(/\/api\/ws$/, (ws) => {
      if (down) {
        ws.close({ code: 1012, reason: 'network down' });
        return;
      }
      const server = ws.connectToServer();
      open.add({ page: ws, server });
    });
    await openBoard(page, board);

    // The network goes away: the socket drops and HTTP fails.
    down = true;
    await context.setOffline(true);
    for (const ws of open) {
      await ws.page.close({ code: 1012, reason: 'network down' });
      await ws.server.close();
    }
    open.clear();
    const banner = page.getByTestId('connection-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Connection lost');

    // A change made while offline is kept and shown, not lost.
    await dragWithMouse(page, tile(page, 'Mine to move'), tile(page, 'Backlog item 1'));
    await expect.poll(() => banner.innerText(), SOON).toContain('Your change is kept here');
    expect(await tile(page, 'Mine to move').locator('.tile__sync').count()).toBe(1);

    // Meanwhile someone else keeps moving cards.
    const other = team.byRole.member;
    for (const [i, c] of cards.entries()) {
      const to = i % 2 === 0 ? col['Ready'] : col['Done'];
      const res = await other.api.post(`/api/cards/${c.id}/move`, { toColumnId: to });
      expect(res.status).toBe(200);
    }

    // The network comes back: the page reconnects, catches up and sends the queued move.
    down = false;
    await context.setOffline(false);
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(async () => (await snapshot()).cards.find((c) => c.id === mine.id)?.columnId, { timeout: 10_000 }).toBe(col.Backlog);
    const server = await snapshot();
    await expect.poll(() => boardSeq(page), { timeout: 10_000 }).toBe(server.seq);
    expect(await pageOrder(page)).toEqual(snapshotOrder(server));
    await expect.poll(() => page.locator('.tile__sync').count(), SOON).toBe(0);

    // Offline means failed requests in the console; nothing else may go wrong.
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|WebSocket|Failed to fetch/.test(p))).toEqual([]);
    await context.close();
  });
});
