/**
 * Issue 15, personal chat notices in the browser: on the account page a person
 * routes the PoTW hand-off to the team chat, gives their chat handle and quiet
 * hours, saves, and finds all of it again after a reload; a handle with a space
 * is refused with the reason beside the form, and nothing changes.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { NotifyPreferencesView } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

describe('notification preferences', () => {
  it('routes the hand-off to chat with a chat handle and quiet hours; a bad handle is refused', async () => {
    const team = await createTeam(t.app, 'Chat crew');
    const me = team.byRole.member;
    const { page, context } = await signedInPage(browser, t.baseUrl, me);
    await page.goto('/account');
    const form = page.getByRole('form', { name: 'Notification preferences' });
    await form.waitFor();

    await form.getByRole('checkbox', { name: 'Person of the Week hand-off: Team chat' }).setChecked(true);
    await form.getByLabel('Chat handle').fill('@priya.n');
    await form.getByRole('checkbox', { name: /^Quiet hours/ }).check();
    await form.getByRole('button', { name: 'Save notification preferences' }).click();
    await expect
      .poll(async () => (await me.api.get<NotifyPreferencesView>('/api/account/notify-preferences')).body.preferences, SOON)
      .toMatchObject({ chatHandle: 'priya.n', quietHours: { start: '22:00', end: '07:00' }, routes: { 'potw.handoff': ['inApp', 'chat'] } });

    await page.reload();
    await form.waitFor();
    expect(await form.getByLabel('Chat handle').inputValue()).toBe('priya.n');
    expect(await form.getByRole('checkbox', { name: 'Person of the Week hand-off: Team chat' }).isChecked()).toBe(true);

    await form.getByLabel('Chat handle').fill('priya n');
    await form.getByRole('button', { name: 'Save notification preferences' }).click();
    await expect.poll(() => form.getByRole('alert').innerText(), SOON).toMatch(/chatHandle: is one word/);
    expect((await me.api.get<NotifyPreferencesView>('/api/account/notify-preferences')).body.preferences.chatHandle).toBe('priya.n');
    await context.close();
  });
});
