/** Issue 15 in a real browser: the command palette finds a card by its blocked reason and runs actions; the board's search box searches full text. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Card } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, openBoard, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

async function setup(name: string) {
  const team = await createTeam(t.app, name);
  const board = team.boards.planned;
  const add = async (body: Record<string, unknown>) => {
    const res = await team.admin.api.post<Card>(`/api/boards/${board}/cards`, body);
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const blocked = await add({ title: 'Upgrade the control plane', blocked: true, blockedReason: 'waiting for the etcd quorum fix' });
  await add({ title: 'Clean up old dashboards' });
  return { team, board, blocked };
}

describe('command palette', () => {
  it('opens with Ctrl-K, finds a card by its blocked reason, and Enter opens the card', async () => {
    const { team, board, blocked } = await setup('Palette');
    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.byRole.member);
    await page.goto(`/teams/${team.team.id}`);
    await page.getByRole('heading', { level: 1, name: 'Palette' }).waitFor();
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Search cards, boards, teams, people and actions' });
    await expect.poll(() => input.evaluate((el) => el === document.activeElement), SOON).toBe(true);
    await page.keyboard.type('etcd quor');
    const option = page.getByRole('option', { name: /#\d+ Upgrade the control plane/ });
    await option.waitFor();
    await expect.poll(() => option.getAttribute('aria-selected'), SOON).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.getByTestId('card-panel').waitFor();
    expect(page.url()).toContain(`/boards/${board}`);
    expect(page.url()).toContain(`card=${blocked.id}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('runs an action: "Raise an interrupt" on a board opens its form; Escape closes the palette', async () => {
    const { team, board } = await setup('Actions');
    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.byRole.member);
    await openBoard(page, board);
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox', { name: 'Search cards, boards, teams, people and actions' });
    await input.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count(), SOON).toBe(0);
    await page.keyboard.press('Control+k');
    await input.waitFor();
    await page.keyboard.type('raise');
    await page.getByRole('option', { name: /Raise an interrupt/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.getByTestId('raise-form').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('board search box', () => {
  it('finds a card by the words of its blocked reason (full-text search on the server)', async () => {
    const { team, board } = await setup('Board search');
    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.byRole.member);
    await openBoard(page, board);
    await expect.poll(() => page.locator('.tile__title').count(), SOON).toBe(2);
    await page.getByRole('searchbox').fill('etcd');
    await expect.poll(() => page.locator('.tile__title').allInnerTexts(), SOON).toEqual(['Upgrade the control plane']);
    await page.getByRole('searchbox').fill('dashboards');
    await expect.poll(() => page.locator('.tile__title').allInnerTexts(), SOON).toEqual(['Clean up old dashboards']);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('saved filters', () => {
  it('a po saves the current filter for the team; a member picks it from the filter bar', async () => {
    const { team, board } = await setup('Saved filters');
    const po = await signedInPage(browser, t.baseUrl, team.byRole.po);
    await openBoard(po.page, board);
    await po.page.getByRole('searchbox').fill('etcd');
    await expect.poll(() => po.page.locator('.tile__title').allInnerTexts(), SOON).toEqual(['Upgrade the control plane']);
    await po.page.getByRole('button', { name: 'Save filter' }).click();
    const form = po.page.getByTestId('save-filter-form');
    await form.getByLabel('Name').fill('Waiting on etcd');
    await form.getByLabel('Who sees it').selectOption('team');
    await form.getByRole('button', { name: 'Save filter' }).click();
    await expect.poll(() => po.page.locator('dialog[open]').count(), SOON).toBe(0);

    const member = await signedInPage(browser, t.baseUrl, team.byRole.member);
    await openBoard(member.page, board);
    await expect.poll(() => member.page.locator('.tile__title').count(), SOON).toBe(2);
    await member.page.getByLabel('Saved filters', { exact: true }).selectOption({ label: 'Waiting on etcd' });
    await expect.poll(() => member.page.locator('.tile__title').allInnerTexts(), SOON).toEqual(['Upgrade the control plane']);
    expect(member.page.url()).toContain('q=etcd');
    expect(po.problems).toEqual([]);
    expect(member.problems).toEqual([]);
    await po.context.close();
    await member.context.close();
  });
});

