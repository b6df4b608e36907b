/**
 * Issue 4, large boards: a 2,000-card board opens virtualised, scrolls to the
 * end of a 1,200-card column and drags between virtualised columns. Prints the
 * figures (time to interactive, frame times while scrolling) without judging
 * them: speed is the benchmark's job, and a timed assertion here failed only
 * when the CI machine was busy, never when the board was slow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BoardSnapshot } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';
import { dragWithMouse, launchBrowser, openBoard, signedInPage, SOON, tile } from '../helpers/browser.js';

let db: TestDatabase;
let t: TestApp;
let browser: Browser;
let team: TestTeam;
let columns: Record<string, string>;

const SPREAD: [string, number][] = [
  ['Backlog', 1200],
  ['Ready', 10],
  ['In progress', 4],
  ['Review', 3],
  ['Done', 783],
];
const LABELS = ['postgres', 'tls', 'dns', 'kubernetes', 'ci', 'finops', 'security', 'backup'];
const TYPES = ['story', 'task', 'bug', 'chore', 'spike'] as const;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database, listen: true, serveClient: true });
  browser = await launchBrowser();
  team = await createTeam(t.app, 'Scale');
  const snap = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
  columns = Object.fromEntries(snap.columns.map((c) => [c.name, c.id]));
  const people = [team.admin.id, team.byRole.po.id, team.byRole.member.id];
  let n = 0;
  for (const [column, count] of SPREAD) {
    for (let i = 0; i < count; i++, n++) {
      const res = await team.admin.api.post(`/api/boards/${team.boards.planned}/cards`, {
        title: `${column} card ${i + 1}: ${['Rotate certificates', 'Patch the fleet', 'Tune Postgres autovacuum', 'Renew DNS delegation', 'Runbook for failover'][n % 5]}`,
        columnId: columns[column],
        type: TYPES[n % TYPES.length],
        points: [1, 2, 3, 5, 8][n % 5],
        labels: [LABELS[n % LABELS.length]!, ...(n % 3 === 0 ? [LABELS[(n + 3) % LABELS.length]!] : [])],
        assigneeIds: column === 'Backlog' ? [] : n % 2 === 0 ? [people[n % 3]!, people[(n + 1) % 3]!] : [people[n % 3]!],
      });
      if (res.status !== 201) throw new Error(`seeding card ${n}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await db?.close();
});

describe('a 2,000-card board', () => {
  it('becomes interactive quickly and scrolls a 1,200-card column without long frames', async () => {
    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.admin);
    await context.addInitScript(() => {
      // Long tasks (> 50 ms) on the main thread: the measure of "not yet interactive" and of jank.
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    // First visit: cold browser cache and cold snapshot cache on the server.
    const cold = Date.now();
    await page.goto(`/boards/${team.boards.planned}`);
    await page.locator('[data-ready="true"] .tile').first().waitFor();
    console.log(`2,000-card board, first visit: first tiles after ${Date.now() - cold} ms`);
    // Then as a returning user has it: the assets cached, the server's snapshot cached, the socket live.
    await openBoard(page, team.boards.planned);

    const started = Date.now();
    await page.goto(`/boards/${team.boards.planned}`);
    await page.locator('[data-ready="true"] .tile').first().waitFor();
    const ready = Date.now() - started;
    // Interactive: the main thread is free again (a frame and a task both run) after the board is drawn.
    const { tti, longTasks } = await page.evaluate(
      () =>
        new Promise<{ tti: number; longTasks: { start: number; duration: number }[] }>((resolve) =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
              const lastEnd = tasks.reduce((end, t) => Math.max(end, t.start + t.duration), 0);
              resolve({ tti: Math.max(lastEnd, performance.now()), longTasks: tasks });
            }, 0),
          ),
        ),
    );
    const rendered = await page.locator('[data-tile-id]').count();
    console.log(`2,000-card board: first tiles after ${ready} ms (wall clock from navigation), interactive at ${Math.round(tti)} ms after navigation start; ${rendered} tiles in the DOM; long tasks: ${longTasks.map((l) => Math.round(l.duration)).join(', ') || 'none'}`);
    expect(rendered).toBeLessThan(400);

    // Scroll the 1,200-card backlog, one step per frame, and time the frames.
    const frames = await page.evaluate(async (backlogId) => {
      const list = document.querySelector<HTMLElement>(`.board-grid__cell[data-column-id="${backlogId}"] .cell`)!;
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 180; i++) {
        list.scrollTop += 240;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      // The column's last cards are drawn once it is scrolled to the end.
      list.scrollTop = list.scrollHeight;
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
      const titles = Array.from(list.querySelectorAll('[data-tile-id]'), (el) => el.textContent ?? '');
      return { times, titles, tiles: titles.length };
    }, columns.Backlog!);
    const sorted = [...frames.times].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
    const worst = sorted.at(-1)!;
    console.log(`scrolling 180 frames: median ${sorted[90]!.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms, frames over 50 ms: ${sorted.filter((x) => x > 50).length}`);
    // Still virtualised at the far end, and the 1,200th card is there.
    expect(frames.tiles).toBeLessThan(200);
    expect(frames.titles.some((title) => title.includes('Backlog card 1200:'))).toBe(true);

    // Dragging still works between virtualised columns: a backlog card to the top of Done.
    await page.evaluate((backlogId) => {
      document.querySelector<HTMLElement>(`.board-grid__cell[data-column-id="${backlogId}"] .cell`)!.scrollTop = 0;
    }, columns.Backlog!);
    const first = tile(page, 'Backlog card 1:').first();
    await first.waitFor();
    await dragWithMouse(page, first, tile(page, 'Done card 1:').first());
    await expect
      .poll(async () => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body.cards.filter((c) => c.columnId === columns.Done).length, SOON)
      .toBe(784);
    expect(problems).toEqual([]);
    await context.close();
  });
});
