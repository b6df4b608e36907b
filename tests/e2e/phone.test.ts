/**
 * Issue 10 on a phone (390×844, touch): no page is wider than the screen, the
 * header is compact with its secondary items in a menu, the board shows one
 * column at a time and snaps, a long-press drags a card and a swipe scrolls.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { BoardSnapshot } from '@opsboard/shared';
import type { TestApp } from '../helpers/harness.js';
import { browserSuite, snapshotOrder, watchProblems, SOON } from '../helpers/browser.js';
import { demoPages, loginAsAlex, seedDemoTeam, type DemoTeam } from '../helpers/demo.js';

const PHONE = { width: 390, height: 844 };

let t: TestApp;
let browser: Browser;
let demo: DemoTeam;
browserSuite((suite) => ({ t, browser } = suite));
beforeAll(async () => {
  demo = await seedDemoTeam(t);
});

/**
 * What sticks out past the right edge of the screen: elements whose box ends beyond it, unless a box
 * that clips them (a scroller such as the board or a table's region) itself ends within the screen.
 */
function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const clippedInside = (el: Element): boolean => {
      let position = getComputedStyle(el).position;
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const style = getComputedStyle(a);
        // Only the boxes an element's containing block passes through clip it.
        const contains = position === 'fixed' ? style.transform !== 'none' : position === 'absolute' ? style.position !== 'static' || style.transform !== 'none' : true;
        if (!contains) continue;
        if (style.overflowX !== 'visible' && a.getBoundingClientRect().right <= window.innerWidth + 0.5) return true;
        position = style.position;
      }
      return false;
    };
    const outside: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right <= window.innerWidth + 0.5 || clippedInside(el)) continue;
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      outside.push(`${el.tagName.toLowerCase()}${cls} ends at ${Math.round(box.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, outside: outside.slice(0, 10) };
  });
}

/** A phone (touch, a mobile viewport) signed in as Alex; uncaught errors land in `problems`. */
async function phonePage(cookie = demo.alex.cookie): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void>; problems: string[] }> {
  const context = await browser.newContext({ baseURL: t.baseUrl, viewport: PHONE, hasTouch: true, isMobile: true });
  const [name, ...rest] = cookie.split('=');
  await context.addCookies([{ name: name!, value: rest.join('='), url: t.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const problems: string[] = [];
  watchProblems(page, problems);
  return { page, cdp: await context.newCDPSession(page), close: () => context.close(), problems };
}

/** A finger, through the browser's own input pipeline (so a swipe really scrolls). */
function finger(cdp: CDPSession) {
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  return {
    async path(from: { x: number; y: number }, to: { x: number; y: number }, holdMs: number, steps = 12): Promise<void> {
      await send('touchStart', from.x, from.y);
      if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));
      for (let i = 1; i <= steps; i++) {
        await send('touchMove', from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
        await new Promise((r) => setTimeout(r, 16));
      }
    },
    end: () => send('touchEnd'),
  };
}

async function openBoardOnPhone(page: Page, boardId: string): Promise<void> {
  await page.goto(`/boards/${boardId}`);
  await page.locator('[data-state="live"]').waitFor();
}

describe('on a phone (390 px)', () => {
  it('no page is wider than the screen, with the header menu and the board filters open too', async () => {
    const { page, close, problems } = await phonePage();
    const wide: string[] = [];
    const note = async (where: string) => {
      const o = await overflow(page);
      if (o.scrollWidth > o.innerWidth || o.outside.length > 0) wide.push(`${where}: page ${o.scrollWidth} px wide; ${o.outside.join(', ')}`);
    };
    for (const target of demoPages(demo)) {
      await page.goto(target.path);
      await page.locator(target.ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await note(target.name);
    }
    await page.getByTestId('header-menu').click();
    await note('header menu open');
    await openBoardOnPhone(page, demo.boards.planned);
    await page.getByRole('button', { name: 'Filters' }).click();
    await note('board filters open');
    await page.locator('.tile').first().click();
    await page.getByTestId('card-panel').waitFor();
    await note('card panel open');
    expect(wide).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  }, 240_000);

  it('keeps log out on screen, in the header menu', async () => {
    // Its own session: logging out ends it.
    const { page, close } = await phonePage((await loginAsAlex(t)).cookie);
    await page.goto('/teams');
    await page.locator('.team-list').waitFor();
    // The row holds the brand, the bell and the menu; log out (which used to sit off-screen) is in the menu.
    expect(await page.getByRole('button', { name: 'Log out' }).filter({ visible: true }).count()).toBe(0);
    await page.getByTestId('header-menu').click();
    const logout = page.getByRole('navigation', { name: 'Account and settings' }).getByRole('button', { name: 'Log out' });
    const box = await logout.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await logout.click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await close();
  });

  it('shows one board column at a time under a compact header, and a sideways swipe snaps to the next column', async () => {
    const { page, cdp, close } = await phonePage();
    await openBoardOnPhone(page, demo.boards.planned);
    const scroller = page.getByTestId('board-scroll');
    const headers = page.locator('.column-header');
    const firstColumn = (await headers.nth(0).boundingBox())!;
    const secondColumn = (await headers.nth(1).boundingBox())!;
    expect(firstColumn.x).toBeGreaterThanOrEqual(0);
    expect(firstColumn.x + firstColumn.width).toBeLessThanOrEqual(PHONE.width);
    expect(secondColumn.x).toBeGreaterThanOrEqual(PHONE.width - 24);
    // The first card starts well up the screen (the header and filters used to take 371 px).
    const firstCard = (await page.locator('.tile').first().boundingBox())!;
    expect(firstCard.y).toBeLessThan(320);

    // Swiped on the column's header: a swipe that starts on a card is covered by the long-press test
    // below, and here the card's 250 ms long press must not win on a loaded test machine.
    const y = firstColumn.y + firstColumn.height / 2;
    const hand = finger(cdp);
    // Well past half a column, so the snap goes forward even if a loaded machine drops a move event.
    await hand.path({ x: 340, y }, { x: 40, y }, 0, 15);
    await hand.end();
    const step = secondColumn.x - firstColumn.x;
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft), SOON).toBeCloseTo(step, -1);
    // A swipe is not a drag: nothing was lifted, nothing moved.
    expect(await page.locator('.tile--ghost').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await close();
  });

  it('moves a card with a long-press drag, and a quick swipe on a card does not move it', async () => {
    const { page, cdp, close } = await phonePage();
    const boardId = demo.boards.selfservice;
    const before = (await demo.alex.session.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
    const backlog = before.columns.find((c) => c.category === 'backlog')!;
    const order = snapshotOrder(before)[backlog.id]!;
    expect(order.length).toBeGreaterThanOrEqual(3);
    await openBoardOnPhone(page, boardId);
    const cell = page.locator(`.board-grid__cell[data-column-id="${backlog.id}"]`);
    const card = (i: number) => cell.locator(`[data-tile-id="${order[i]}"] .tile`);
    const from = (await card(0).boundingBox())!;
    const below = (await card(2).boundingBox())!;
    const hand = finger(cdp);

    // A quick vertical swipe from the first card scrolls (or does nothing); the card stays first.
    await hand.path({ x: from.x + from.width / 2, y: from.y + 30 }, { x: from.x + from.width / 2, y: from.y + 200 }, 0, 8);
    await hand.end();
    expect(await page.locator('.tile--ghost').count()).toBe(0);
    await cell.locator('.cell').evaluate((el) => {
      el.scrollTop = 0;
    });

    // Hold still past the long-press delay, then drag it below the third card and let go.
    const start = { x: from.x + from.width / 2, y: from.y + 30 };
    await hand.path(start, start, 450, 1);
    expect(await page.locator('.tile--ghost').count()).toBe(1);
    await hand.path(start, { x: start.x, y: below.y + below.height - 8 }, 0, 14);
    await page.getByTestId('insertion-line').waitFor();
    await hand.end();

    const expected = [order[1], order[2], order[0], ...order.slice(3)];
    await expect
      .poll(async () => snapshotOrder((await demo.alex.session.get<BoardSnapshot>(`/api/boards/${boardId}`)).body)[backlog.id], SOON)
      .toEqual(expected);
    await close();
  }, 120_000);
});
