/**
 * Issue 13 (KPI table): a PO adds a manual KPI on the metrics page, records this week's value, and sees the
 * status; a built-in source offers its better direction; KPIs changed elsewhere show on the open page at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Kpi } from '@opsboard/shared';
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

  it('a built-in cycle-time KPI defaults to lower is better, and a KPI recorded elsewhere shows on the open page live', async () => {
    const { context, page } = await signedInPage(browser, t.baseUrl, demo.alex);
    await page.goto(`/teams/${demo.team.id}/metrics`);
    await page.getByTestId('kpis').waitFor();
    await page.getByTestId('kpi-add').click();
    await page.getByTestId('kpi-name').fill('Cycle time p85');
    await page.getByTestId('kpi-source').selectOption('cycle-time-p85');
    expect(await page.getByTestId('kpi-direction').inputValue()).toBe('lower');
    await page.getByTestId('kpi-target').fill('10');
    await page.getByTestId('kpi-save').click();
    const built = page.getByTestId('kpi-row-Cycle time p85');
    await built.waitFor();
    // The demo history has finished cards, so there is a current value and a verdict.
    await expect.poll(() => built.getByTestId('kpi-current').innerText(), SOON).toMatch(/^\d/);

    // Another tab (the same person's API session) adds a KPI and records a week: this page follows without a reload.
    const created = await demo.alex.session.post<Kpi>(`/api/teams/${demo.team.id}/kpis`, { name: 'Toil hours', unit: 'h', source: 'manual', direction: 'lower', baseline: 20, target: 10 });
    expect(created.status).toBe(201);
    const toil = page.getByTestId('kpi-row-Toil hours');
    await toil.waitFor({ timeout: 5_000 });
    const monday = (await demo.alex.session.get<{ series: { week: string }[]; kpi: { id: string } }[]>(`/api/teams/${demo.team.id}/kpis`)).body.find((r) => r.kpi.id === created.body.id)!.series.at(-1)!.week;
    expect((await demo.alex.session.put(`/api/kpis/${created.body.id}/entries/${monday}`, { value: 8 })).status).toBe(200);
    await expect.poll(() => toil.getByTestId('kpi-status').innerText(), SOON).toBe('✓ Met');
    await context.close();
  });
});
