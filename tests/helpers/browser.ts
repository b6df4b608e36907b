/**
 * Browser tests drive Debian's Chromium through playwright-core (never a
 * downloaded browser) against the real server started by the harness.
 * Helpers here speak in board terms: a card by its title, a column by its name.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, firefox, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { BoardSnapshot } from '@opsboard/shared';
import { createTestDatabase, startTestApp, type TestApp, type TestAppOptions, type TestUser } from './harness.js';

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Chromium found (tried ${candidates.join(', ')}); install Debian's chromium or set CHROMIUM_PATH.`);
  return found;
}

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No Firefox found (tried ${candidates.join(', ')}); install Debian's firefox-esr or set FIREFOX_PATH.`);
  return found;
}

/** Which engine this run drives: the `browser-firefox` project sets OPSBOARD_TEST_BROWSER=firefox. */
export const engine: 'chromium' | 'firefox' = process.env.OPSBOARD_TEST_BROWSER === 'firefox' ? 'firefox' : 'chromium';

/**
 * Chromium through CDP; Firefox (Debian's ESR, unpatched) through WebDriver BiDi,
 * which playwright-core selects with a `moz-` channel.
 */
export async function launchBrowser(): Promise<Browser> {
  if (engine === 'chromium') return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const browser = await firefox.launch({ channel: 'moz-firefox', executablePath: firefoxPath(), headless: true });
  // Over BiDi, `locator.fill` sets the value through the element's own `value` property,
  // which React's change tracker intercepts, so a controlled input never sees the change
  // (typing key by key works; real people are unaffected). Before React's root listener
  // runs, mark the tracked value stale so React reads the new one. Test plumbing only.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(() => {
      window.addEventListener(
        'input',
        (event) => {
          const tracker = (event.target as { _valueTracker?: { setValue(value: string): void } } | null)?._valueTracker;
          tracker?.setValue('\u0000stale');
        },
        true,
      );
    });
    return context;
  };
  return browser;
}

/**
 * The life of a browser test file: a fresh database, the real server serving the
 * built client on a random port, and one browser; all closed after the file.
 * `ready` hands the app and the browser over once they are up.
 */
export function browserSuite(ready: (suite: { t: TestApp; browser: Browser }) => void, options: Partial<TestAppOptions> = {}): void {
  let close = async (): Promise<void> => {};
  beforeAll(async () => {
    const db = await createTestDatabase();
    const t = await startTestApp({ ...options, database: db.database, listen: true, serveClient: true });
    const browser = await launchBrowser();
    close = async () => {
      await browser.close();
      await t.close();
      await db.close();
    };
    ready({ t, browser });
  });
  afterAll(() => close());
}

export interface UserPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors, for the "no errors" checks. */
  problems: string[];
}

export const LAPTOP = { width: 1440, height: 900 };
/** How long `expect.poll` waits for the page or the server to get there (the default second is tight on a busy CI box). */
export const SOON = { timeout: 5_000, interval: 50 };
export const WALL = { width: 2560, height: 1440 };

/** Watches a page for uncaught exceptions and console errors. */
export function watchProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
}

/** A fresh browser context signed in as `user` (their session cookie), on the given origin. */
export async function signedInPage(browser: Browser, baseUrl: string, user: Pick<TestUser, 'cookie'>, viewport: { width: number; height: number } = LAPTOP): Promise<UserPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  const [name, ...rest] = user.cookie.split('=');
  await context.addCookies([{ name: name!, value: rest.join('='), url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const problems: string[] = [];
  watchProblems(page, problems);
  return { context, page, problems };
}

export async function openBoard(page: Page, boardId: string): Promise<void> {
  await page.goto(`/boards/${boardId}`);
  await page.locator('[data-ready="true"]').waitFor();
  await page.getByTestId('connection-status').and(page.locator('[data-state="live"]')).waitFor();
}

/** The scrolling cell of cards under a column (the first swimlane when there are several); an empty one too. */
export function columnList(page: Page, columnId: string): Locator {
  return page.locator(`.board-grid__cell[data-column-id="${columnId}"] .cell`).first();
}

export function tile(page: Page, title: string): Locator {
  return page.locator('.tile', { has: page.locator('.tile__title', { hasText: title }) });
}

/** Card ids per column, in the order the page shows them. */
export async function pageOrder(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    // tests/ type-checks without DOM.Iterable, hence Array.from rather than spreading NodeLists.
    for (const cell of Array.from(document.querySelectorAll('.board-grid__cell[data-column-id]'))) {
      if (!(cell instanceof HTMLElement)) continue;
      const ids = Array.from(cell.querySelectorAll('[data-tile-id]')).map((el) => (el instanceof HTMLElement ? el.dataset.tileId! : ''));
      out[cell.dataset.columnId!] = [...(out[cell.dataset.columnId!] ?? []), ...ids];
    }
    return out;
  });
}

/** Card ids per column, in rank order, as the server's snapshot has them. */
export function snapshotOrder(snapshot: BoardSnapshot): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(snapshot.columns.map((c) => [c.id, [] as string[]]));
  const sorted = [...snapshot.cards].sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1));
  for (const card of sorted) out[card.columnId]?.push(card.id);
  return out;
}

export async function boardSeq(page: Page): Promise<number> {
  return Number(await page.getByTestId('board-scroll').getAttribute('data-seq'));
}

/** Drags a card with the mouse to just above another card, or to the top of an empty column. */
export async function dragWithMouse(page: Page, from: Locator, to: Locator, where: 'above' | 'top' = 'above'): Promise<void> {
  await holdOver(page, from, to, where);
  await page.mouse.up();
}

/** Picks a card up with the mouse and holds it over a target without dropping (see what the board shows there); `page.mouse.up()` drops it. */
export async function holdOver(page: Page, from: Locator, to: Locator, where: 'above' | 'top' = 'above'): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('drag source or target is not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  // Past the 6 px dead zone first, then over the target in steps like a hand would.
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 12, { steps: 3 });
  const y = where === 'top' ? b.y + 12 : b.y + Math.min(12, b.height / 4);
  await page.mouse.move(b.x + b.width / 2, y, { steps: 12 });
  await page.getByTestId('insertion-line').waitFor();
}

/** Presses Tab until a card tile has focus (keyboard only, as a person would). */
export async function tabToBoard(page: Page, maxTabs = 40): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    // A tile's focusable control is its title.
    if (await page.evaluate(() => document.activeElement?.classList.contains('tile__title') ?? false)) return;
  }
  throw new Error('Tab never reached a card');
}

export async function focusedCardTitle(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement?.classList.contains('tile__title') ? document.activeElement.textContent : null));
}
