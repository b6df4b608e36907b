/** Issue 2's client shell in a real browser: sign up, create a team, see its boards, invite, tokens. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PASSWORD, signup, type TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage, watchProblems, LAPTOP, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite), { demoLogin: () => ({ email: 'alex@demo.opsboard.dev', password: 'ember-otter-4821-kite' }) });

describe('client shell', () => {
  it('signs up, creates a team and sees its three boards', async () => {
    const context = await browser.newContext({ baseURL: t.baseUrl, viewport: LAPTOP });
    const page = await context.newPage();
    const problems: string[] = [];
    watchProblems(page, problems);

    await page.goto('/');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(await page.getByTestId('demo-hint').innerText()).toContain('alex@demo.opsboard.dev with password ember-otter-4821-kite');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill('Riley Ops');
    await page.getByLabel('E-mail').fill(`riley.${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'Your teams' }).waitFor();
    await page.getByLabel('Team name').fill('Storage Squad');
    await page.getByRole('button', { name: 'Create team' }).click();

    await page.getByRole('heading', { name: 'Storage Squad' }).waitFor();
    const boards = page.getByTestId('board-list').getByRole('link');
    await expect.poll(() => boards.count(), SOON).toBe(3);
    expect(await boards.allInnerTexts()).toEqual([
      expect.stringContaining('Planned work'),
      expect.stringContaining('Interrupts'),
      expect.stringContaining('Self-service & automation'),
    ]);

    // A board opens from the list and the route survives a reload.
    await boards.first().click();
    await page.locator('[data-ready="true"]').waitFor();
    await page.reload();
    await page.locator('[data-ready="true"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Planned work');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('invites an existing account with a role, and shows an API token once', async () => {
    const admin = await signup(t.app, 'Quinn Admin');
    const colleague = await signup(t.app, 'Casey Colleague');
    const team = await admin.api.post<{ id: string }>('/api/teams', { name: 'Network' });

    const context = await browser.newContext({ baseURL: t.baseUrl, viewport: LAPTOP });
    const page = await context.newPage();
    const problems: string[] = [];
    watchProblems(page, problems);
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Log in' }).click();
    // One team and no history on this device: straight to its planned board.
    await page.locator('[data-ready="true"]').waitFor();

    await page.goto(`/teams/${team.body.id}`);
    await page.getByRole('heading', { name: 'Invite people' }).waitFor();
    const invite = page.locator('form', { has: page.getByRole('button', { name: 'Invite' }) });
    await invite.getByLabel('E-mail').fill(colleague.email);
    await invite.getByLabel('Role').selectOption('po');
    await invite.getByRole('button', { name: 'Invite' }).click();
    await page.getByRole('row', { name: /Casey Colleague/ }).waitFor();
    expect(await page.getByLabel('Role of Casey Colleague').inputValue()).toBe('po');

    await page.goto('/account');
    await page.getByLabel('Token name').fill('backup script');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByTestId('new-token').locator('code').innerText();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByRole('row', { name: /backup script/ }).waitFor();
    // Shown once: after a reload only the prefix is listed.
    await page.reload();
    await page.getByRole('row', { name: /backup script/ }).waitFor();
    expect(await page.getByTestId('new-token').count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('an invited e-mail that signs up shows up at once on the open team page, and leaves the pending list', async () => {
    const admin = await signup(t.app, 'Morgan Admin');
    const team = await admin.api.post<{ id: string }>('/api/teams', { name: 'Edge' });
    const email = `robin.${Date.now()}@example.test`;
    expect((await admin.api.post(`/api/teams/${team.body.id}/invitations`, { email, role: 'member' })).status).toBe(201);

    const { context, page, problems } = await signedInPage(browser, t.baseUrl, admin);
    await page.goto(`/teams/${team.body.id}`);
    const waiting = page.getByRole('heading', { name: 'Waiting to sign up' });
    await waiting.waitFor();
    expect(await page.locator('section', { has: waiting }).innerText()).toContain(email);
    // The page follows the team stream once the server counts it as a viewer there.
    await expect.poll(async () => (await t.hub.viewers(team.body.id)).map((v) => v.userId), SOON).toContain(admin.id);

    // Robin signs up elsewhere; nobody reloads this page.
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, name: 'Robin Newcomer', password: PASSWORD } });
    expect(res.statusCode).toBe(201);
    await page.getByRole('row', { name: /Robin Newcomer/ }).waitFor(SOON);
    // The invitation is used up: the pending list (its only entry) goes away.
    await expect.poll(() => waiting.count(), SOON).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });
});
