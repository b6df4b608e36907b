/**
 * The guest role in a real browser (issue 10): an admin invites a customer
 * developer as a guest, who signs up, lands on their requests page, raises an
 * interrupt and proposes a story, and sees the PoTW's triage arrive live;
 * the members' pages point them back to their requests.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BoardSnapshot, Card, Feature, Member } from '@opsboard/shared';
import { createTeam, PASSWORD, type TestApp } from '../helpers/harness.js';
import { browserSuite, LAPTOP, signedInPage, SOON, watchProblems } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

const request = (page: Page, title: string) => page.getByTestId('request').filter({ hasText: title });
const statusOf = (page: Page, title: string) => request(page, title).getByTestId('request-status').innerText();

describe('a guest', () => {
  it('is invited, signs up, raises and proposes, and follows the PoTW’s triage live', async () => {
    const team = await createTeam(t.app, 'Customer Desk');
    const potw = team.byRole.member;
    expect(
      (await team.admin.api.put(`/api/teams/${team.team.id}/rotation`, { memberIds: [potw.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' })).status,
    ).toBe(200);
    const email = `casey.${Date.now()}@customer.example`;

    // The admin invites the address as a guest from the team page.
    const admin = await signedInPage(browser, t.baseUrl, team.admin);
    await admin.page.goto(`/teams/${team.team.id}`);
    const invite = admin.page.locator('form', { has: admin.page.getByRole('button', { name: 'Invite' }) });
    await invite.getByLabel('E-mail').fill(email);
    await invite.getByLabel('Role').selectOption('guest');
    await invite.getByRole('button', { name: 'Invite' }).click();
    await admin.page.locator('.plain-list__row', { hasText: email }).getByText('guest').waitFor();

    // The guest signs up and lands on their requests page: no boards, no team page.
    const context = await browser.newContext({ baseURL: t.baseUrl, viewport: LAPTOP });
    const page = await context.newPage();
    const problems: string[] = [];
    watchProblems(page, problems);
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Casey Customer');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('guest-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/teams/${team.team.id}/requests`);
    await page.getByRole('heading', { level: 1, name: 'Customer Desk' }).waitFor();
    await page.getByTestId('requests-live').and(page.locator('[data-live="true"]')).waitFor();

    // Raise an interrupt.
    await page.getByRole('button', { name: 'Raise an interrupt' }).click();
    await page.getByLabel('What is it?').fill('Our staging API returns 502s');
    await page.getByRole('radio', { name: /High/ }).check();
    await page.getByRole('button', { name: 'Raise interrupt' }).click();
    await expect.poll(() => statusOf(page, 'Our staging API returns 502s'), SOON).toContain('Waiting for triage');
    expect(await request(page, 'Our staging API returns 502s').innerText()).toContain(potw.name);

    // Propose a story into the SS&A backlog.
    await page.getByRole('button', { name: 'Propose a story' }).click();
    await page.getByRole('radio', { name: /Self-service & automation/ }).check();
    await page.getByLabel('What would you like?').fill('Let us rotate our own API keys');
    await page.getByRole('button', { name: 'Propose story' }).click();
    await expect.poll(() => statusOf(page, 'Let us rotate our own API keys'), SOON).toContain('Proposed');
    expect(await page.locator('a[href^="/boards/"]').count()).toBe(0);

    // Paired on a feature card (assigned while the page is open), the guest moves it along its board.
    const members = await team.admin.api.get<Member[]>(`/api/teams/${team.team.id}/members`);
    const guestId = members.body.find((m) => m.email === email)!.userId;
    const feature = await team.admin.api.post<Feature>(`/api/teams/${team.team.id}/features`, { name: 'Key rotation', leadId: potw.id });
    const card = await potw.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Rotate keys from the CLI', featureId: feature.body.id, assigneeIds: [potw.id, guestId] });
    expect(card.status).toBe(201);
    const work = page.getByTestId('work').filter({ hasText: 'Rotate keys from the CLI' });
    await work.waitFor();
    expect(await work.innerText()).toContain(potw.name);
    await work.getByLabel(`Move #${card.body.number} to`).selectOption({ label: 'In progress' });
    await work.getByRole('button', { name: 'Move' }).click();
    await expect.poll(() => work.getByTestId('work-status').innerText(), SOON).toContain('In progress');
    const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
    expect(snapshot.cards.find((c) => c.id === card.body.id)?.columnId).toBe(snapshot.columns.find((c) => c.name === 'In progress')!.id);

    // The PoTW triages; the guest's page follows without a reload.
    const interrupts = await potw.api.get<{ card: { id: string; title: string } }[]>(`/api/teams/${team.team.id}/interrupts`);
    const raised = interrupts.body.find((i) => i.card.title === 'Our staging API returns 502s')!;
    expect((await potw.api.post(`/api/interrupts/${raised.card.id}/triage`, { action: 'accept' })).status).toBe(200);
    await expect.poll(() => statusOf(page, 'Our staging API returns 502s'), SOON).toContain('Accepted');
    expect((await potw.api.post(`/api/interrupts/${raised.card.id}/triage`, { action: 'close', resolution: 'Load balancer health check fixed' })).status).toBe(200);
    await expect.poll(() => statusOf(page, 'Our staging API returns 502s'), SOON).toContain('Load balancer health check fixed');
    expect(await statusOf(page, 'Our staging API returns 502s')).toContain('Closed');

    // A board address, or the team page, points the guest back to their requests.
    await page.goto(`/boards/${team.boards.planned}`);
    await page.getByTestId('guest-notice').waitFor();
    await page.getByRole('link', { name: 'Your requests in Customer Desk' }).click();
    await page.getByTestId('guest-page').waitFor();
    await page.goto(`/teams/${team.team.id}`);
    await page.getByTestId('guest-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/teams/${team.team.id}/requests`);

    // The admin sees the guest listed apart, with the role to change.
    await admin.page.reload();
    const guests = admin.page.locator('section', { has: admin.page.getByRole('heading', { name: /^Guests/ }) });
    await guests.getByRole('row', { name: /Casey Customer/ }).waitFor();
    expect(await admin.page.getByLabel('Role of Casey Customer').inputValue()).toBe('guest');

    expect(problems).toEqual([]);
    expect(admin.problems).toEqual([]);
    await context.close();
    await admin.context.close();
  });
});
