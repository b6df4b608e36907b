/** Issue 11, planning poker in three browsers: everyone votes with the keyboard or a click, the facilitator reveals and accepts, and the card shows its points. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BoardSnapshot, Card, PokerSession } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

describe('planning poker', () => {
  it('three people vote, the facilitator reveals and accepts, and the card gets its points', async () => {
    const team = await createTeam(t.app, 'Poker room');
    const board = team.boards.planned;
    const card = (
      await team.admin.api.post<Card>(`/api/boards/${board}/cards`, { title: 'Move backups to object storage', description: 'Why now.\n\n## Acceptance\nRestores in under an hour', labels: ['backup'] })
    ).body;
    const session = (await team.admin.api.post<PokerSession>(`/api/teams/${team.team.id}/poker`, { name: 'Refinement', deck: 'fibonacci', cardIds: [card.id] })).body;

    const people = [team.admin, team.byRole.po, team.byRole.member];
    const pages = await Promise.all(people.map((u) => signedInPage(browser, t.baseUrl, u)));
    for (const { page } of pages) {
      await page.goto(`/poker/${session.id}`);
      await page.getByTestId('poker-current-card').waitFor();
    }
    const [facilitator, po, member] = pages.map((p) => p.page) as [(typeof pages)[0]['page'], (typeof pages)[0]['page'], (typeof pages)[0]['page']];
    // The card in full: its acceptance notes and labels.
    await expect.poll(() => member.getByTestId('poker-current-card').textContent(), SOON).toMatch(/Restores in under an hour/);
    expect(await member.getByTestId('poker-current-card').textContent()).toContain('backup');

    // Everyone is listed as they join.
    for (const page of [facilitator, po, member]) await expect.poll(() => page.getByTestId('poker-people').locator('li').count(), SOON).toBe(3);

    // Votes: digits on the keyboard, or a click on the deck.
    await facilitator.keyboard.press('5');
    await po.getByRole('button', { name: '8', exact: true }).click();
    await member.keyboard.press('5');

    // Each sees who has voted, and nobody's value before the reveal.
    for (const page of [facilitator, po, member]) {
      await expect.poll(() => page.locator('[data-testid="poker-people"] li[data-voted="yes"]').count(), SOON).toBe(3);
      expect(await page.getByTestId('poker-results').count()).toBe(0);
    }
    expect(await po.getByRole('button', { name: '8', exact: true }).getAttribute('aria-pressed')).toBe('true');

    // The facilitator reveals with r: every browser shows all votes, the median and who should explain.
    await facilitator.keyboard.press('r');
    for (const page of [facilitator, po, member]) {
      await page.getByTestId('poker-results').waitFor();
      expect(await page.getByTestId('poker-median').textContent()).toBe('5');
      expect(await page.getByTestId('poker-agreement').textContent()).toBe('nearly agreed'); // 5 and 8 are neighbouring cards
      expect(await page.getByTestId('poker-results').textContent()).toMatch(/Poker room po \(highest\)/);
    }
    // Only the facilitator has the controls.
    expect(await po.getByRole('button', { name: /Accept/ }).count()).toBe(0);

    // Accept with a: the suggestion (5) lands on the card, seen by everyone and by the API.
    await facilitator.keyboard.press('a');
    for (const page of [facilitator, po, member]) {
      await expect.poll(() => page.getByTestId('poker-queue').textContent(), SOON).toMatch(/estimated 5/);
    }
    await expect
      .poll(async () => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`)).body.cards.find((c) => c.id === card.id)?.points, SOON)
      .toBe(5);

    // On the board, the card shows its points.
    await member.goto(`/boards/${board}`);
    await member.locator('[data-ready="true"]').waitFor();
    await expect.poll(() => member.locator(`[data-tile-id="${card.id}"] .tile__points`).textContent(), SOON).toBe('5');

    for (const p of pages) expect(p.problems).toEqual([]);
    for (const p of pages) await p.context.close();
  });
});
