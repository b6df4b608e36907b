/** Issue 10: with a filter on, column counts say what is shown apart from the real count and limit. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BoardSnapshot, Card } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, openBoard, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

describe('column counts under a filter', () => {
  it('reads "1 shown · 4 cards · limit 4" with the WIP chip on the real count, and goes back when the filter is cleared', async () => {
    const team = await createTeam(t.app, 'Counts');
    const board = team.boards.planned;
    const snap = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`)).body;
    const col = Object.fromEntries(snap.columns.map((c) => [c.name, c.id]));
    const add = async (title: string, column: string) => {
      const res = await team.admin.api.post<Card>(`/api/boards/${board}/cards`, { title, columnId: col[column] });
      expect(res.status).toBe(201);
    };
    for (const title of ['Patch TLS on edge', 'Rotate keys', 'Audit sudoers', 'Renew domain']) await add(title, 'In progress');
    await add('Write the TLS runbook', 'Review');

    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, board);
    const header = (name: string) => page.locator(`[data-column-header="${col[name]}"]`);
    expect(await header('In progress').getByTestId('filtered-count').count()).toBe(0);

    await page.getByRole('searchbox', { name: /Search cards/ }).fill('tls');
    await expect.poll(() => header('In progress').getByTestId('filtered-count').innerText(), SOON).toBe('1 shown · 4 cards · limit 4');
    // The chip is the WIP gauge: the column's real count, at its limit, filter or not.
    expect((await header('In progress').getByTestId('wip-count').innerText()).replace(/\s+/g, '')).toBe('4/4');
    expect(await header('In progress').getByTestId('wip-count').getAttribute('class')).toContain('wip--at');
    expect(await header('Review').getByTestId('filtered-count').innerText()).toBe('1 shown · 1 card · limit 3');
    expect(await header('Done').getByTestId('filtered-count').innerText()).toBe('0 shown · 0 cards');
    expect(await header('In progress').locator('.visually-hidden').innerText()).toContain('4 of 4 cards, WIP limit strict: moves over it are refused, at the limit; the filter shows 1');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => header('In progress').getByTestId('filtered-count').count(), SOON).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
