/**
 * Issue 5's admin side in a real browser: start the rotation (with issue 15's acknowledge timeout),
 * and create an Alertmanager webhook whose secret is shown once and works.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { InterruptItem, RotationInfo, Webhook } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

describe('PoTW admin', () => {
  it('sets the rotation (order, day, time, zone, ack timeout) and creates a webhook whose secret is shown once', async () => {
    const team = await createTeam(t.app, 'Ops');
    const admin = await signedInPage(browser, t.baseUrl, team.admin);
    const page = admin.page;
    await page.goto(`/teams/${team.team.id}/potw?view=rotation`);
    const form = page.getByTestId('rotation-form');
    await form.waitFor();
    expect(await page.getByTestId('on-duty').innerText()).toContain('Nobody yet');

    // The starting point is everyone who can triage, by name; the viewer is not offered.
    const order = form.getByTestId('rotation-order');
    expect(await order.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('Ops Admin'), expect.stringContaining('Ops member'), expect.stringContaining('Ops po')]);
    await form.getByRole('button', { name: 'Move Ops po up' }).click();
    await form.getByRole('button', { name: 'Move Ops po up' }).click();
    await form.getByRole('button', { name: 'Remove' }).nth(2).click(); // Ops member, now last
    await form.getByLabel('Hand-off day').selectOption('2');
    await form.getByLabel('Hand-off time').fill('10:30');
    await form.getByLabel('Time zone').fill('Europe/Berlin');
    // Escalation to acknowledge: 15 minutes is offered; 0 is refused in the field, and nothing is saved.
    const ack = form.getByLabel('Escalate untriaged critical interrupts after (minutes)');
    expect(await ack.inputValue()).toBe('15');
    await ack.fill('0');
    await form.getByRole('button', { name: 'Start the rotation' }).click();
    await expect.poll(() => form.innerText(), SOON).toContain('Give whole minutes from 1 to 1440');
    expect((await team.admin.api.get<RotationInfo>(`/api/teams/${team.team.id}/rotation`)).body.settings).toBeNull();
    await ack.fill('20');
    await form.getByRole('button', { name: 'Start the rotation' }).click();

    await expect.poll(async () => (await team.admin.api.get<RotationInfo>(`/api/teams/${team.team.id}/rotation`)).body.settings, SOON).toEqual({
      memberIds: [team.byRole.po.id, team.admin.id],
      handoffWeekday: 2,
      handoffTime: '10:30',
      timezone: 'Europe/Berlin',
      ackTimeoutMinutes: 20,
    });
    await expect.poll(() => page.getByTestId('ack-timeout-summary').innerText(), SOON).toContain('escalates after 20 min');
    await expect.poll(() => page.getByTestId('potw-now').innerText(), SOON).toBe('Ops po');
    expect(await page.getByTestId('potw-next').innerText()).toContain('Ops Admin');
    expect(await page.getByTestId('upcoming-shifts').innerText()).toContain('Tue');

    // Webhooks: create an Alertmanager hook; the dialog shows the secret and a ready receiver.
    await page.getByRole('link', { name: 'Webhooks' }).click();
    const hookForm = page.getByTestId('webhook-form');
    await hookForm.getByLabel('Name').fill('prod alertmanager');
    await hookForm.getByLabel('Alertmanager').check();
    await hookForm.getByRole('button', { name: 'Create webhook' }).click();
    const secret = await page.getByTestId('webhook-secret').innerText();
    const url = await page.getByTestId('webhook-url').innerText();
    expect(secret.length).toBeGreaterThan(20);
    expect(await page.getByTestId('receiver-snippet').innerText()).toContain(`credentials: "${secret}"`);

    // The secret works: a real Alertmanager payload lands in the inbox, assigned to the PoTW.
    const sent = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        version: '4',
        status: 'firing',
        alerts: [{ status: 'firing', labels: { alertname: 'DiskFull', instance: 'nas-01' }, annotations: { summary: 'Disk 97% full' }, startsAt: new Date().toISOString(), fingerprint: 'e2e-disk' }],
      }),
    });
    expect(sent.status).toBe(200);
    const items = (await team.admin.api.get<InterruptItem[]>(`/api/teams/${team.team.id}/interrupts?status=untriaged`)).body;
    expect(items.map((i) => [i.interrupt.source, i.interrupt.assignedPotwId])).toEqual([['alertmanager', team.byRole.po.id]]);

    // Shown once: closed, the list has the hook without its secret, and a reload does not bring it back.
    await page.getByRole('button', { name: 'I have copied the secret' }).click();
    const list = page.getByTestId('webhook-list');
    await list.getByRole('row', { name: /prod alertmanager/ }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(secret);
    await page.reload();
    await page.getByTestId('webhook-list').getByRole('row', { name: /prod alertmanager/ }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(secret);
    const hooks = (await team.admin.api.get<Webhook[]>(`/api/teams/${team.team.id}/webhooks`)).body;
    expect(hooks.map((h) => h.name)).toEqual(['prod alertmanager']);

    expect(admin.problems).toEqual([]);
    await admin.context.close();
  });
});
