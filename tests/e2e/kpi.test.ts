/** Issue 13 (KPI table): a PO adds a manual KPI on the metrics page, records this week's value, and sees the status. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';
import { seedDemoTeam, type DemoTeam } from '../helpers/demo.js';

let t: TestApp;
let browser: Browser;
let demo: DemoTeam;
browserSuite((suite) => ({ t, browser } = suite));
beforeAll(async () => {
  demo = await seedDemoTeam(t);
});

describe('KPIs on the metrics page', () => {
  it('creates a manual KPI, records a value and shows met with text', async () => {
    const { context, page } = await signedInPage(browser, t.baseUrl, demo.alex);
    await page.goto(`/teams/${demo.team.id}/metrics`);
    await page.getByTestId('kpis').waitFor();
    await page.getByTestId('kpi-add').click();
    await page.getByTestId('kpi-name').fill('Pages answered');
    await page.getByTestId('kpi-target').fill('5');
    await page.getByTestId('kpi-save').click();
    const row = page.getByTestId('kpi-row-Pages answered');
    await row.waitFor();
    expect(await row.getByTestId('kpi-status').innerText()).toBe('No data');
    await row.getByTestId('kpi-entry').fill('7');
    await row.getByTestId('kpi-record').click();
    await expect.poll(() => row.getByTestId('kpi-status').innerText(), SOON).toBe('✓ Met');
    expect(await row.getByTestId('kpi-current').innerText()).toBe('7');
    await context.close();
  });
});
