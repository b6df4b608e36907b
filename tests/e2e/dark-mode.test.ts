/** Dark mode follows the system setting, and a toggle on the account page overrides it, remembered across reloads. */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('dark mode', () => {
  it('follows the system, then the toggle, and keeps the choice after a reload', async () => {
    const team = await createTeam(t.app, 'Night');
    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.admin);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${t.baseUrl}/account`);
    await page.getByRole('heading', { name: 'Appearance' }).waitFor();
    expect(await theme(page)).toBe('dark');
    const dark = await background(page);

    const toggle = page.getByTestId('theme-toggle');
    await toggle.getByRole('button', { name: 'Light' }).click();
    expect(await theme(page)).toBe('light');
    expect(await background(page)).not.toBe(dark);
    expect(await toggle.getByRole('button', { name: 'Light' }).getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await page.getByRole('heading', { name: 'Appearance' }).waitFor();
    expect(await theme(page)).toBe('light');

    await page.getByTestId('theme-toggle').getByRole('button', { name: 'System' }).click();
    expect(await theme(page)).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => theme(page)).toBe('light');
    expect(problems).toEqual([]);
    await context.close();
  });
});
