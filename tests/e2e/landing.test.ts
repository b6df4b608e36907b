/**
 * Issue 10, first start: after logging in, someone with one team and no history
 * lands on that team's planned board, not on a list of one team; next time on
 * this device, on the page they last had open. Several teams: the list.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTeam, PASSWORD, type TestApp, type TestUser } from '../helpers/harness.js';
import { browserSuite, LAPTOP, SOON, watchProblems } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

async function logIn(page: Page, user: TestUser): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
}

const path = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;

describe('landing after login', () => {
  it('lands on the only team’s planned board, then on the page last open on this device', async () => {
    const team = await createTeam(t.app, 'Landing');
    const user = team.byRole.member;
    const context = await browser.newContext({ baseURL: t.baseUrl, viewport: LAPTOP });
    const page = await context.newPage();
    const problems: string[] = [];
    watchProblems(page, problems);

    await logIn(page, user);
    await expect.poll(() => path(page), SOON).toBe(`/boards/${team.boards.planned}`);
    await page.locator('[data-ready="true"]').waitFor();

    // Work elsewhere, log out, log in again: back there.
    await page.goto(`/teams/${team.team.id}/potw?view=figures`);
    await page.getByTestId('figures').waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await logIn(page, user);
    await expect.poll(() => path(page), SOON).toBe(`/teams/${team.team.id}/potw?view=figures`);

    // The team list is still there when asked for: landing happens once per login.
    await page.getByRole('link', { name: 'Teams', exact: true }).first().click();
    await expect.poll(() => path(page), SOON).toBe('/teams');
    await page.getByRole('heading', { name: 'Your teams' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the list to someone with several teams and no history', async () => {
    const first = await createTeam(t.app, 'First');
    const second = await first.admin.api.post<{ id: string }>('/api/teams', { name: 'Second' });
    expect(second.status).toBe(201);
    const context = await browser.newContext({ baseURL: t.baseUrl, viewport: LAPTOP });
    const page = await context.newPage();
    await logIn(page, first.admin);
    await page.getByRole('heading', { name: 'Your teams' }).waitFor();
    expect(path(page)).toBe('/');
    expect(await page.locator('.team-list li').count()).toBe(2);
    await context.close();
  });
});
