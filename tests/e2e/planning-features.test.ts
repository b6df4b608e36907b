/** Issues 6 and 10: features with a lead — the PO creates one, the lead edits it and sets pairs, cards show pairs too, others see it live; the pairing matrix counts the pairs. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BoardSnapshot, Card, Iteration } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

describe('features', () => {
  it('lets the PO create a feature, its lead edit it and set pairs, and shows it all live', async () => {
    const team = await createTeam(t.app, 'Features');
    const { po, member, viewer, admin } = team.byRole;
    const it1 = await po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { name: 'Sprint 1', startDate: '2030-01-07' });
    expect(it1.status).toBe(201);

    const poPage = await signedInPage(browser, t.baseUrl, po);
    await poPage.page.goto(`/teams/${team.team.id}/features`);
    await poPage.page.getByTestId('new-feature').click();
    const form = poPage.page.getByTestId('feature-form');
    await form.getByLabel('Name').fill('Self-service DNS');
    await form.getByLabel('Goal').fill('Developers change **internal** DNS records themselves.');
    await form.getByLabel('Customer').fill('Product engineering');
    await form.getByLabel('Status').selectOption('active');
    await form.getByLabel('Feature lead').selectOption({ label: member.name });
    await form.getByRole('button', { name: 'Create feature' }).click();
    const row = poPage.page.getByTestId('feature-list').locator('tr', { hasText: 'Self-service DNS' });
    await row.waitFor();
    expect(await row.innerText()).toContain(member.name);

    // A card of the feature, finished: progress counts its points.
    const featureId = (await row.getAttribute('data-feature-id'))!;
    const snap = await admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.selfservice}`);
    const done = snap.body.columns.find((c) => c.category === 'done')!.id;
    const card = await admin.api.post<Card>(`/api/boards/${team.boards.selfservice}/cards`, { title: 'DNS request form', points: 5, featureId, columnId: done });
    expect(card.status).toBe(201);
    await expect.poll(() => row.innerText(), SOON).toContain('5 / 5 pts');

    // The lead (a member) edits it; the PO's open page follows without a reload.
    const lead = await signedInPage(browser, t.baseUrl, member);
    await lead.page.goto(`/features/${featureId}`);
    await lead.page.getByTestId('feature-page').waitFor();
    expect(await lead.page.locator('.feature-goal strong').innerText()).toBe('internal');
    expect(await lead.page.getByTestId('feature-page').innerText()).toContain('DNS request form');
    await lead.page.getByRole('button', { name: 'Edit' }).click();
    await lead.page.getByTestId('feature-form').getByLabel('Customer').fill('Every dev team');
    await lead.page.getByTestId('feature-form').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.innerText(), SOON).toContain('Every dev team');

    // Two people on one of its cards are a pair: the page shows it, not "No pairs yet".
    const pairs = lead.page.getByTestId('pairs');
    expect(await pairs.innerText()).toContain('No pairs yet');
    expect((await admin.api.patch(`/api/cards/${card.body.id}`, { version: card.body.version, assigneeIds: [member.id, admin.id] })).status).toBe(200);
    const loose = pairs.getByTestId('pairs-group').filter({ hasText: 'Not in an iteration' });
    await expect.poll(() => loose.innerText(), SOON).toContain(`on #${card.body.number}`);
    expect(await loose.innerText()).toMatch(new RegExp(`${admin.name} & ${member.name}|${member.name} & ${admin.name}`));

    // The lead sets a pair for Sprint 1; the matrix counts it.
    await pairs.getByRole('button', { name: 'Add a pair' }).click();
    await pairs.getByLabel('Pair 1, first person').selectOption({ label: member.name });
    await pairs.getByLabel('Pair 1, second person').selectOption({ label: po.name });
    await pairs.getByRole('button', { name: 'Save pairs' }).click();
    await expect.poll(() => pairs.locator('.pairs__list').innerText(), SOON).toContain(`${member.name} & ${po.name}`);
    const matrix = lead.page.getByTestId('pairing-matrix');
    await expect.poll(() => matrix.locator('td[title]').filter({ hasText: '1' }).count(), SOON).toBe(2);

    // A viewer reads but cannot change anything.
    const reader = await signedInPage(browser, t.baseUrl, viewer);
    await reader.page.goto(`/features/${featureId}`);
    await reader.page.getByTestId('feature-page').waitFor();
    expect(await reader.page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await reader.page.getByRole('button', { name: 'Add a pair' }).count()).toBe(0);

    for (const p of [poPage, lead, reader]) {
      expect(p.problems).toEqual([]);
      await p.context.close();
    }
  });
});
