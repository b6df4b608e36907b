/**
 * Issue 10 in a real browser: the triage keys never act blind (a sentence typed
 * on the empty inbox creates nothing, and text typed ahead never lands in a
 * dialog a key opened), and on a 1440×900 screen the inbox starts high with the
 * selected interrupt's actions in view however long the alert is.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { InterruptItem } from '@opsboard/shared';
import { createTeam, type TestApp, type TestTeam } from '../helpers/harness.js';
import { browserSuite, LAPTOP, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

async function teamWithPotw(name: string): Promise<TestTeam> {
  const team = await createTeam(t.app, name);
  const res = await team.admin.api.put(`/api/teams/${team.team.id}/rotation`, { memberIds: [team.byRole.member.id, team.admin.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' });
  expect(res.status).toBe(200);
  return team;
}

const interrupts = async (team: TestTeam) => (await team.admin.api.get<InterruptItem[]>(`/api/teams/${team.team.id}/interrupts`)).body;

async function openTriage(page: Page, teamId: string): Promise<void> {
  await page.goto(`/teams/${teamId}/potw?view=triage`);
  await page.getByTestId('triage').waitFor();
  await page.getByTestId('triage-live').getByText('Live').waitFor();
}

/** Whether the element is wholly inside the viewport. */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width;
}

describe('triage keys', () => {
  it('creates nothing when a sentence is typed on the empty triage page, and keeps typed-ahead text out of the dialog a key opened', async () => {
    const team = await teamWithPotw('Typing');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.byRole.member);
    await openTriage(page, team.team.id);
    await page.getByTestId('triage-empty').waitFor();

    // The issue: "n" opened Raise mid-sentence and "swered in chat" became an interrupt.
    await page.keyboard.type('I answered in chat');
    await page.keyboard.press('Enter');
    expect(await page.locator('dialog[open]').count()).toBe(0);

    // A sentence that starts with the key itself opens Raise, but the rest of it (and its Enter) does not land there.
    await page.getByRole('heading', { name: 'Person of the Week' }).click();
    await page.keyboard.type('needs a restart');
    await page.keyboard.press('Enter');
    const form = page.getByTestId('raise-form');
    await form.waitFor();
    expect(await form.getByLabel('What is it?').inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count(), SOON).toBe(0);

    // Nothing reached the server, and the page had nothing to triage, accept or close.
    expect(await interrupts(team)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('starts the inbox high on a 1440×900 screen, with the selected alert’s actions in view however long it is', async () => {
    const team = await teamWithPotw('Layout');
    const lines = Array.from({ length: 40 }, (_, i) => `- replica db-${i} is ${i * 3}s behind; check the WAL sender and the links between the racks`).join('\n');
    for (let i = 0; i < 9; i++) {
      const res = await team.byRole.po.api.post(`/api/teams/${team.team.id}/interrupts`, { title: `Replication lag alert ${i}`, severity: 'high', description: i === 0 ? lines : 'Short one.' });
      expect(res.status).toBe(201);
    }
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.byRole.member, LAPTOP);
    await openTriage(page, team.team.id);
    const list = page.getByTestId('triage-list');
    await expect.poll(() => list.getByRole('option').count(), SOON).toBe(9);

    const top = (await list.boundingBox())!.y;
    expect(top).toBeLessThan(340);
    expect(await inView(page, list.getByRole('option').first())).toBe(true);
    const actions = page.getByTestId('triage-detail').getByRole('group', { name: 'Triage actions' });
    expect(await page.getByTestId('triage-detail').innerText()).toContain('replica db-39');
    for (const name of [/^Accept/, /^Escalate/, /^Close/]) expect(await inView(page, actions.getByRole('button', { name }))).toBe(true);

    // The last interrupt selected from the keyboard: still its actions in view.
    await page.keyboard.press('End');
    await expect.poll(() => list.locator('[aria-selected="true"]').innerText(), SOON).toContain('Replication lag alert 8');
    expect(await inView(page, list.locator('[aria-selected="true"]'))).toBe(true);
    expect(await inView(page, actions.getByRole('button', { name: /^Accept/ }))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
