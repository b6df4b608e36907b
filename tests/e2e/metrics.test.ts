/** Issue 13: the team's metrics page over the demo history draws every chart with data; a cycle-time point opens its card. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_TYPES, type BoardSnapshot, type MetricsReport } from '@opsboard/shared';
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

const CHARTS = ['chart-cfd', 'chart-cycle-time', 'chart-throughput', 'chart-wip-ageing', 'chart-flow-efficiency', 'chart-interrupts', 'chart-dora'];

describe('metrics page', () => {
  it('draws every chart with data on the demo team, and a scatter point opens its card', async () => {
    const { context, page } = await signedInPage(browser, t.baseUrl, demo.alex);
    await page.goto(`/teams/${demo.team.id}/metrics`);
    await page.getByTestId('metrics-page').waitFor();
    for (const id of CHARTS) {
      const chart = page.getByTestId(id);
      await chart.waitFor();
      await expect.poll(() => chart.locator('svg rect, svg circle, svg .chart-band').count(), SOON).toBeGreaterThan(0);
      expect(await chart.locator('.chart__empty').count(), id).toBe(0);
    }
    // The cumulative flow is stacked bands, one per column category; the pointer reads each band and the total.
    const cfd = page.getByTestId('chart-cfd');
    expect(await cfd.locator('.chart-band').count()).toBeGreaterThanOrEqual(3);
    const box = (await cfd.locator('svg.chart__svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    await expect.poll(() => cfd.getByTestId('chart-tooltip').innerText(), SOON).toMatch(/done[\s\S]*Total\s+\d+/i);
    expect(await page.getByTestId('dora-stats').innerText()).toMatch(/Deployments per week\s+\d/);

    await page.getByTestId('forecast-items').fill('8');
    await page.getByTestId('forecast-run').click();
    await page.getByTestId('chart-forecast').waitFor();
    expect(await page.getByTestId('forecast-answer').innerText()).toMatch(/50%: \d{4}-\d{2}-\d{2}/);

    const point = page.getByTestId('chart-cycle-time').getByTestId('scatter-point').first();
    const label = (await point.getAttribute('aria-label'))!;
    const number = /^#(\d+)/.exec(label)![1]!;
    await point.click();
    await page.waitForURL(/\/boards\/[0-9a-f-]+\?card=/);
    await expect.poll(() => page.locator('[role="dialog"]').first().innerText(), SOON).toContain(`#${number}`);
    await context.close();
  });

  it('follows the boards: a card finished elsewhere shows on the open page without a reload', async () => {
    const { context, page } = await signedInPage(browser, t.baseUrl, demo.alex);
    await page.goto(`/teams/${demo.team.id}/metrics`);
    const scatter = page.getByTestId('chart-cycle-time');
    await expect.poll(() => scatter.getByTestId('scatter-point').count(), SOON).toBeGreaterThan(0);
    const finished = async () => Number(/^(\d+) finished cards/.exec((await scatter.locator('svg.chart__svg').getAttribute('aria-label')) ?? '')?.[1]);
    const before = await finished();

    // Another session moves a card in progress on the planned board to Done.
    const board = (await demo.alex.session.get<BoardSnapshot>(`/api/boards/${demo.boards.planned}`)).body;
    const category = new Map(board.columns.map((c) => [c.id, c.category]));
    const done = board.columns.find((c) => c.category === 'done')!;
    const card = board.cards.find((c) => category.get(c.columnId) === 'doing' && !c.archivedAt)!;
    const moved = await demo.alex.session.post(`/api/cards/${card.id}/move`, { toColumnId: done.id, overrideReason: 'finished in the metrics test' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    await expect.poll(finished, SOON).toBe(before + 1);
    await expect.poll(() => scatter.locator(`[data-testid="scatter-point"][aria-label^="#${card.number} "]`).count(), SOON).toBe(1);
    await context.close();
  });

  it('filters narrow the charts, stay in the address across a reload, and a bad range is named', async () => {
    const { context, page } = await signedInPage(browser, t.baseUrl, demo.alex);
    await page.goto(`/teams/${demo.team.id}/metrics`);
    const scatter = page.getByTestId('chart-cycle-time');
    await expect.poll(() => scatter.getByTestId('scatter-point').count(), SOON).toBeGreaterThan(0);
    const finished = async () => Number(/^(\d+) finished cards/.exec((await scatter.locator('svg.chart__svg').getAttribute('aria-label')) ?? '')?.[1]);
    const all = await finished();

    // A card type that some, but not all, finished cards have (the page's default range: the last 12 weeks).
    const from = new Date(Date.now() - 82 * 86_400_000).toISOString().slice(0, 10);
    const count = async (type: string) => (await demo.alex.session.get<MetricsReport>(`/api/teams/${demo.team.id}/metrics?chart=cycleTime&from=${from}&cardType=${type}`)).body.cycleTime!.points.length;
    let chosen: { type: string; n: number } | null = null;
    for (const type of CARD_TYPES) {
      const n = await count(type);
      if (n > 0 && n < all) chosen = { type, n };
      if (chosen) break;
    }
    expect(chosen, 'the demo history has finished cards of more than one type').not.toBeNull();

    await page.getByTestId('metrics-type').selectOption(chosen!.type);
    await expect.poll(finished, SOON).toBe(chosen!.n);
    expect(new URL(page.url()).searchParams.get('type')).toBe(chosen!.type);
    await page.reload();
    await expect.poll(finished, SOON).toBe(chosen!.n);
    expect(await page.getByTestId('metrics-type').inputValue()).toBe(chosen!.type);

    await page.getByTestId('metrics-clear').click();
    await expect.poll(finished, SOON).toBe(all);
    expect(new URL(page.url()).search).toBe('');

    // A custom range starts as the range shown; one that starts after it ends gets the server's 400 naming the
    // field, and the charts keep their last answer.
    await page.getByTestId('metrics-range').selectOption('custom');
    expect(new URL(page.url()).searchParams.get('weeks')).toBe('custom');
    await expect.poll(finished, SOON).toBe(all);
    await page.getByTestId('metrics-from').fill('2099-01-01');
    await expect.poll(() => page.getByTestId('metrics-error').innerText(), SOON).toMatch(/^from: /);
    expect(await finished()).toBe(all);
    await context.close();
  });

  it('the forecast answers each question: N cards, a feature, the backlog down to a card, and how many by a date', async () => {
    const { context, page } = await signedInPage(browser, t.baseUrl, demo.alex);
    await page.goto(`/teams/${demo.team.id}/metrics`);
    await page.getByTestId('chart-cycle-time').waitFor();
    const answer = page.getByTestId('forecast-answer');

    // Down to the third waiting card of the first board listed: three cards to finish.
    await page.getByTestId('forecast-question').selectOption('card');
    const picker = page.getByTestId('forecast-card');
    await expect.poll(() => picker.locator('optgroup').first().locator('option').count(), SOON).toBeGreaterThanOrEqual(3);
    const third = picker.locator('optgroup').first().locator('option').nth(2);
    expect(await third.innerText()).toMatch(/^3\. #\d+ /);
    await picker.selectOption(await third.getAttribute('value'));
    await page.getByTestId('forecast-run').click();
    await expect.poll(() => answer.innerText(), SOON).toMatch(/^3 cards — 50%: \d{4}-\d{2}-\d{2}/);

    // A feature still open: its cards not done yet.
    await page.getByTestId('forecast-question').selectOption('feature');
    const feature = page.getByTestId('forecast-feature').locator('option').nth(1);
    await page.getByTestId('forecast-feature').selectOption(await feature.getAttribute('value'));
    await page.getByTestId('forecast-run').click();
    await expect.poll(() => answer.innerText(), SOON).toMatch(/^\d+ cards? — 50%: (\d{4}-\d{2}-\d{2}|not within)/);

    // How many by a date: counts, at least so many at each likelihood.
    await page.getByTestId('forecast-question').selectOption('date');
    await page.getByTestId('forecast-run').click();
    await expect.poll(() => answer.innerText(), SOON).toMatch(/^By \d{4}-\d{2}-\d{2}, at least — 50%: \d+ cards · 85%: \d+ · 95%: \d+/);
    await page.getByTestId('chart-forecast').waitFor();
    await context.close();
  });
});
