/**
 * Standup mode in the browser: the view walks a board with the keyboard
 * (done side first), a blocked card stands out, "since the last standup"
 * lists what changed, a 40-card board fits 1920×1080 without scrolling, and
 * a follower's view moves with the facilitator, and the board on the wall
 * follows every change live.
 */
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BoardSnapshot, Card } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { seriousViolations } from '../helpers/axe.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((s) => ({ t, browser } = s));

const FULL_HD = { width: 1920, height: 1080 };

const focusedTitle = (page: Page) => page.locator('[data-testid="standup-focus"] .standup-focus__title').textContent();

it('walks a board with the keyboard, done side first, highlights a blocked card and lists what changed since the last standup', async () => {
  const team = await createTeam(t.app, 'Walk');
  const api = team.admin.api;
  const snap = (await api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
  const col = (category: string) => snap.columns.find((c) => c.category === category)!.id;
  const post = async (body: Record<string, unknown>) => (await api.post<Card>(`/api/boards/${team.boards.planned}/cards`, body)).body;
  await post({ title: 'Ready to start', columnId: col('todo'), assigneeIds: [team.byRole.member.id] });
  await post({ title: 'Waiting on the vendor', columnId: col('doing'), blocked: true, blockedReason: 'vendor ticket open', assigneeIds: [team.admin.id] });
  const shipped = await post({ title: 'Shipped the runbook', columnId: col('doing') });
  expect((await api.post(`/api/cards/${shipped.id}/move`, { toColumnId: col('done') })).status).toBe(200);

  const { page, problems } = await signedInPage(browser, t.baseUrl, team.admin, FULL_HD);
  await page.goto(`/boards/${team.boards.planned}`);
  await page.getByTestId('standup-link').click();
  await page.getByTestId('standup-board').waitFor();

  // Since the last working day: the finished card and the added ones.
  const since = page.getByTestId('standup-since');
  await expect.poll(() => since.getByTestId('since-finished').textContent(), SOON).toContain('Shipped the runbook');
  expect(await since.getByTestId('since-added').textContent()).toContain('Waiting on the vendor');

  // The blocked card stands out on the board.
  const blocked = page.locator('[data-testid="standup-tile"][data-blocked]');
  await expect.poll(() => blocked.count(), SOON).toBe(1);
  expect(await blocked.textContent()).toContain('Waiting on the vendor');
  expect(await blocked.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(255, 255, 255)');

  // Right to left: done, then in progress, then to do.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => focusedTitle(page), SOON).toContain('Shipped the runbook');
  await page.keyboard.press('j');
  await expect.poll(() => focusedTitle(page), SOON).toContain('Waiting on the vendor');
  expect(await page.getByTestId('standup-focus').textContent()).toContain('Blocked: vendor ticket open');
  expect(await page.locator('[data-testid="standup-tile"][aria-current="step"]').getAttribute('data-blocked')).toBe('true');
  await page.keyboard.press('j');
  await expect.poll(() => focusedTitle(page), SOON).toContain('Ready to start');
  await page.keyboard.press('k');
  await expect.poll(() => focusedTitle(page), SOON).toContain('Waiting on the vendor');

  // The wall is never stale: a card added and one unblocked elsewhere show at once.
  await post({ title: 'Raised during the standup', columnId: col('todo') });
  await expect.poll(() => page.getByTestId('standup-board').innerText(), SOON).toContain('Raised during the standup');
  const vendor = (await api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body.cards.find((c) => c.title === 'Waiting on the vendor')!;
  expect((await api.patch(`/api/cards/${vendor.id}`, { version: vendor.version, blocked: false })).status).toBe(200);
  await expect.poll(() => blocked.count(), SOON).toBe(0);

  // Space pauses the timer.
  await page.keyboard.press(' ');
  await expect.poll(() => page.getByTestId('standup-timer').getAttribute('data-paused'), SOON).toBe('true');
  expect(await seriousViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

it('a 40-card board fits 1920×1080 without scrolling and the header stays on one line', async () => {
  const team = await createTeam(t.app, 'Forty');
  const api = team.admin.api;
  const snap = (await api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
  const active = snap.columns.filter((c) => c.category !== 'backlog');
  const people = [team.admin.id, team.byRole.po.id, team.byRole.member.id];
  // No limits in the way of the seeding: 20 cards go into the first column alone.
  for (const c of active) if (c.wipLimit !== null) expect((await api.patch(`/api/columns/${c.id}`, { wipLimit: null })).status).toBe(200);
  for (let i = 0; i < 40; i++) {
    const res = await api.post(`/api/boards/${team.boards.planned}/cards`, {
      title: `Card ${i + 1}: ${['Rotate the certificates on the edge proxies', 'Patch the fleet', 'Tune autovacuum'][i % 3]}`,
      columnId: active[i < 20 ? 0 : i % active.length]!.id,
      assigneeIds: i % 2 === 0 ? [people[i % 3]!, people[(i + 1) % 3]!] : [people[i % 3]!],
      blocked: i % 9 === 0,
    });
    expect(res.status).toBe(201);
  }
  const { page, problems } = await signedInPage(browser, t.baseUrl, team.admin, FULL_HD);
  await page.goto(`/teams/${team.team.id}/standup?board=${team.boards.planned}`);
  await expect.poll(() => page.getByTestId('standup-tile').count(), SOON).toBe(40);
  const fit = await page.evaluate(() => {
    const root = document.scrollingElement!;
    const header = document.querySelector('[data-testid="standup-header"]')!;
    const tiles = Array.from(document.querySelectorAll('[data-testid="standup-tile"]')).map((el) => el.getBoundingClientRect());
    return {
      scrollH: root.scrollHeight,
      clientH: root.clientHeight,
      scrollW: root.scrollWidth,
      clientW: root.clientWidth,
      headerH: header.getBoundingClientRect().height,
      headerLine: parseFloat(getComputedStyle(header).fontSize) * 2.6,
      allInside: tiles.every((r) => r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth),
    };
  });
  expect(fit.scrollH).toBeLessThanOrEqual(fit.clientH);
  expect(fit.scrollW).toBeLessThanOrEqual(fit.clientW);
  expect(fit.allInside).toBe(true);
  expect(fit.headerH).toBeLessThan(fit.headerLine);
  expect(problems).toEqual([]);
});

it('a follower’s view follows the facilitator, can leave to browse and rejoin', async () => {
  const team = await createTeam(t.app, 'Follow');
  const api = team.admin.api;
  const snap = (await api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
  const doing = snap.columns.find((c) => c.category === 'doing')!.id;
  for (const title of ['First in progress', 'Second in progress']) expect((await api.post(`/api/boards/${team.boards.planned}/cards`, { title, columnId: doing })).status).toBe(201);

  const lead = await signedInPage(browser, t.baseUrl, team.byRole.member, FULL_HD);
  const follower = await signedInPage(browser, t.baseUrl, team.byRole.viewer, FULL_HD);
  await lead.page.goto(`/teams/${team.team.id}/standup`);
  await lead.page.getByTestId('standup-start').click();
  await lead.page.locator('[data-facilitating]').waitFor();
  await follower.page.goto(`/teams/${team.team.id}/standup`);
  await follower.page.getByTestId('standup-following').waitFor();

  await lead.page.keyboard.press('ArrowRight');
  await expect.poll(() => focusedTitle(lead.page), SOON).toContain('First in progress');
  await expect.poll(() => focusedTitle(follower.page), SOON).toContain('First in progress');
  await lead.page.keyboard.press('ArrowRight');
  await expect.poll(() => focusedTitle(follower.page), SOON).toContain('Second in progress');

  // The follower walks back on their own: they leave, and the facilitator's moves no longer pull them.
  await follower.page.keyboard.press('k');
  await expect.poll(() => focusedTitle(follower.page), SOON).toContain('First in progress');
  await follower.page.getByTestId('standup-rejoin').waitFor();
  await follower.page.getByTestId('standup-rejoin').click();
  await expect.poll(() => focusedTitle(follower.page), SOON).toContain('Second in progress');

  await lead.page.getByTestId('standup-finish').click();
  await expect.poll(async () => (await api.get<{ recent: unknown[] }>(`/api/teams/${team.team.id}/standups`)).body.recent.length, SOON).toBe(1);
  expect(lead.problems).toEqual([]);
  expect(follower.problems).toEqual([]);
});
