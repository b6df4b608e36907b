/**
 * Issue 10: axe-core finds no serious or critical violation on any page of the
 * app (demo data, laptop and phone widths) nor in its dialogs and panels, and
 * every page's title says where you are, also after in-app navigation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../helpers/harness.js';
import { seriousViolations } from '../helpers/axe.js';
import { browserSuite, signedInPage, LAPTOP, SOON } from '../helpers/browser.js';
import { demoPages, seedDemoTeam, DEMO_PASSWORD, type AppPage, type DemoTeam } from '../helpers/demo.js';

const PHONE = { width: 390, height: 844 };
// Fifteen pages (or a dozen dialogs), each loaded and scanned, take a while on a busy two-core machine.
const PAGES_TIMEOUT = 240_000;
const DIALOGS_TIMEOUT = 180_000;

let t: TestApp;
let browser: Browser;
let demo: DemoTeam;
browserSuite((suite) => ({ t, browser } = suite), { demoLogin: () => ({ email: 'alex@demo.opsboard.dev', password: DEMO_PASSWORD }) });
beforeAll(async () => {
  demo = await seedDemoTeam(t);
});

async function visit(page: Page, target: AppPage): Promise<void> {
  await page.goto(target.path);
  await page.locator(target.ready).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** Runs axe where the page is now and files what it finds under `where`. */
async function check(page: Page, where: string, found: string[]): Promise<void> {
  for (const v of await seriousViolations(page)) found.push(`${where}: ${v}`);
}

describe('accessibility (axe-core: no serious or critical violations)', () => {
  it('on the log-in and sign-up pages', async () => {
    const context = await browser.newContext({ baseURL: t.baseUrl, viewport: LAPTOP });
    const page = await context.newPage();
    const found: string[] = [];
    await page.goto('/login');
    await page.getByTestId('demo-hint').waitFor();
    expect(await page.title()).toBe('Log in · opsboard');
    await check(page, 'login', found);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    expect(await page.title()).toBe('Create your account · opsboard');
    await check(page, 'signup', found);
    await page.setViewportSize(PHONE);
    await check(page, 'signup on a phone', found);
    expect(found).toEqual([]);
    await context.close();
  });

  for (const [label, viewport] of [
    ['laptop', LAPTOP],
    ['phone', PHONE],
  ] as const) {
    it(`on every signed-in page, ${label} width, each titled for where it is`, async () => {
      const { context, page, problems } = await signedInPage(browser, t.baseUrl, demo.alex, viewport);
      const found: string[] = [];
      const titles: string[] = [];
      for (const target of demoPages(demo)) {
        await visit(page, target);
        await expect.poll(() => page.title(), SOON).toBe(target.title);
        titles.push(await page.title());
        await check(page, target.name, found);
      }
      expect(found).toEqual([]);
      expect(new Set(titles).size).toBe(titles.length);
      expect(problems).toEqual([]);
      await context.close();
    }, PAGES_TIMEOUT);
  }

  it('in the board dialogs and panels: card panel, settings, help, archived cards, move, raise an interrupt, quick add', async () => {
    const { context, page, problems } = await signedInPage(browser, t.baseUrl, demo.alex);
    const found: string[] = [];
    await page.goto(`/boards/${demo.boards.interrupts}`);
    await page.locator('[data-state="live"]').waitFor();

    // A card open in the side panel; the title names the card.
    const first = page.locator('.tile').first();
    const cardTitle = await first.locator('.tile__title').innerText();
    await first.click();
    await page.getByTestId('card-panel').waitFor();
    await expect.poll(() => page.title(), SOON).toMatch(new RegExp(`^#\\d+ ${cardTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · Interrupts · Platform Ops · opsboard$`));
    await page.waitForLoadState('networkidle');
    await check(page, 'card panel', found);
    await page.keyboard.press('Escape');
    await page.getByTestId('card-panel').waitFor({ state: 'detached' });

    for (const tab of ['general', 'columns', 'swimlanes']) {
      await page.goto(`/boards/${demo.boards.planned}?settings=${tab}`);
      await page.getByRole('dialog').waitFor();
      await check(page, `board settings, ${tab}`, found);
    }
    await page.goto(`/boards/${demo.boards.planned}`);
    await page.locator('[data-state="live"]').waitFor();

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'keyboard shortcuts', found);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Archived cards' }).click();
    await page.getByRole('dialog', { name: 'Archived cards' }).waitFor();
    await page.waitForLoadState('networkidle');
    await check(page, 'archived cards', found);
    await page.keyboard.press('Escape');

    await page.locator('.tile').first().focus();
    await page.keyboard.press('m');
    await page.getByRole('dialog').waitFor();
    await check(page, 'move to', found);
    await page.keyboard.press('Escape');

    await page.getByTestId('raise-interrupt').click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'raise an interrupt', found);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: /^Add a card to / }).first().click();
    await page.getByTestId('quick-add-input').waitFor();
    await check(page, 'quick add', found);

    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, DIALOGS_TIMEOUT);

  it('in the team, planning and header dialogs and panels', async () => {
    const { context, page, problems } = await signedInPage(browser, t.baseUrl, demo.alex);
    const found: string[] = [];
    const [team, iterations, iteration, features] = demoPages(demo).filter((p) => ['team', 'iterations', 'iteration', 'features'].includes(p.name));

    await visit(page, team!);
    await page.getByRole('button', { name: 'New board' }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'new board', found);
    await page.keyboard.press('Escape');

    await page.getByTestId('bell').click();
    await page.getByTestId('bell-panel').waitFor();
    await check(page, 'notifications', found);
    await page.keyboard.press('Escape');

    await visit(page, iterations!);
    await page.getByTestId('new-iteration').click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'new iteration', found);
    await page.keyboard.press('Escape');

    await visit(page, iteration!);
    if ((await page.getByTestId('close-iteration').count()) > 0) {
      await page.getByTestId('close-iteration').click();
      await page.getByRole('dialog').waitFor();
      await check(page, 'close iteration', found);
      await page.keyboard.press('Escape');
    }

    await visit(page, features!);
    await page.getByTestId('new-feature').click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'new feature', found);
    await page.keyboard.press('Escape');

    // The phone's header menu and the board's folded filters.
    await page.setViewportSize(PHONE);
    await page.getByTestId('header-menu').click();
    await page.getByRole('navigation', { name: 'Account and settings' }).waitFor();
    await check(page, 'header menu', found);
    await page.keyboard.press('Escape');
    await page.goto(`/boards/${demo.boards.planned}`);
    await page.locator('[data-state="live"]').waitFor();
    await page.getByRole('button', { name: 'Filters' }).click();
    await check(page, 'filters on a phone', found);

    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, DIALOGS_TIMEOUT);
});

describe('page titles', () => {
  it('follow in-app navigation: board switcher, PoTW badge and sections, team sections, back', async () => {
    const { context, page } = await signedInPage(browser, t.baseUrl, demo.alex);
    await page.goto(`/boards/${demo.boards.planned}`);
    await page.locator('[data-state="live"]').waitFor();
    await expect.poll(() => page.title(), SOON).toBe('Planned work · Platform Ops · opsboard');

    await page.getByRole('navigation', { name: 'Team boards' }).getByRole('link', { name: 'Interrupts' }).click();
    await expect.poll(() => page.title(), SOON).toBe('Interrupts · Platform Ops · opsboard');
    await page.getByTestId('potw-badge').click();
    await expect.poll(() => page.title(), SOON).toBe('Triage · Platform Ops · opsboard');
    await page.getByRole('navigation', { name: 'Person of the Week sections' }).getByRole('link', { name: 'Rotation' }).click();
    await expect.poll(() => page.title(), SOON).toBe('Rotation · Platform Ops · opsboard');
    await page.getByRole('navigation', { name: 'Team sections' }).getByRole('link', { name: 'Features' }).click();
    await expect.poll(() => page.title(), SOON).toBe('Features · Platform Ops · opsboard');
    await page.goBack();
    await expect.poll(() => page.title(), SOON).toBe('Rotation · Platform Ops · opsboard');
    await context.close();
  });

  it('names a page that does not exist', async () => {
    const { context, page } = await signedInPage(browser, t.baseUrl, demo.alex);
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found · opsboard');
    await context.close();
  });
});
