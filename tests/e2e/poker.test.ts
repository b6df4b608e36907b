/**
 * Issue 11, planning poker in the browser: three people vote with the keyboard or a click, the facilitator
 * reveals and accepts, and the card shows its points; a PO saves the team's own deck (another PO's page
 * follows live) and queues cards from a feature and from a search, then queues more into the running session.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BoardSnapshot, Card, Feature, PokerSession, TeamPokerDeck } from '@opsboard/shared';
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

  it("a PO saves the team's deck and queues a feature's cards and a searched card; more are queued into the session", async () => {
    const team = await createTeam(t.app, 'Deck room');
    const board = team.boards.planned;
    const snap = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`)).body;
    const doing = snap.columns.find((c) => c.category === 'doing')!.id;
    const feature = (await team.admin.api.post<Feature>(`/api/teams/${team.team.id}/features`, { name: 'Object storage backups' })).body;
    const add = async (title: string, extra: Record<string, unknown> = {}) => (await team.admin.api.post<Card>(`/api/boards/${board}/cards`, { title, ...extra })).body;
    const first = await add('Pick the bucket layout');
    const second = await add('Write the restore runbook');
    for (const c of [first, second]) expect((await team.admin.api.patch(`/api/cards/${c.id}`, { featureId: feature.id, version: c.version })).status).toBe(200);
    await add('Rotate the on-call pager');
    const failover = await add('Failover drill for the database', { columnId: doing });
    const later = await add('Tidy the alert routing');

    const [po, admin] = await Promise.all([signedInPage(browser, t.baseUrl, team.byRole.po), signedInPage(browser, t.baseUrl, team.admin)]);
    await admin.page.goto(`/teams/${team.team.id}/poker`);
    await admin.page.getByRole('heading', { name: 'Start a session' }).waitFor();
    await po.page.goto(`/teams/${team.team.id}/poker`);
    const p = po.page;
    await p.getByTestId('poker-picker').getByText('Pick the bucket layout').waitFor();

    // The team's own deck, saved once: an admin's open page offers it at once.
    await p.getByLabel('Deck').selectOption('custom');
    await p.locator('input[aria-describedby="custom-deck-help"]').fill('S=1, M=3, L=8');
    await p.getByRole('button', { name: "Save as the team's deck" }).click();
    await p.getByRole('button', { name: "This is the team's deck" }).waitFor();
    expect((await team.admin.api.get<TeamPokerDeck>(`/api/teams/${team.team.id}/poker/deck`)).body.cards).toEqual([
      { label: 'S', points: 1 },
      { label: 'M', points: 3 },
      { label: 'L', points: 8 },
    ]);
    await expect.poll(() => admin.page.getByLabel('Deck').locator('option[value="custom"]').textContent(), SOON).toBe("The team's deck (S, M, L)");

    // A feature's backlog, ticked at once; then a card found by a search in another column.
    const picker = p.getByTestId('poker-picker');
    await picker.getByLabel('Only the backlog of a feature').selectOption(feature.id);
    await expect.poll(() => picker.locator('.poker__pick-row').count(), SOON).toBe(2);
    await picker.getByRole('button', { name: 'Tick all 2 shown' }).click();
    await picker.getByLabel("Find the team's cards").fill('failover');
    await picker.locator('.poker__pick-row', { hasText: 'Failover drill for the database' }).getByRole('checkbox').check();
    expect(await picker.locator('legend').textContent()).toBe('Cards to estimate (3 picked)');
    await p.getByLabel('Name', { exact: true }).fill('Backups refinement');
    await p.getByTestId('poker-start').click();

    await p.getByTestId('poker-session').waitFor();
    await expect.poll(() => p.getByTestId('poker-queue').locator('li').allTextContents(), SOON).toEqual([
      expect.stringContaining('Pick the bucket layout'),
      expect.stringContaining('Write the restore runbook'),
      expect.stringContaining('Failover drill for the database'),
    ]);
    expect(await p.getByRole('group', { name: 'Your vote' }).getByRole('button').allTextContents()).toEqual(['S', 'M', 'L', '?', '☕']);

    // More cards into the running session: queued ones are shown as already in it.
    await p.getByRole('button', { name: 'Queue more cards' }).click();
    const more = p.getByRole('region', { name: 'Queue more cards' });
    await more.getByLabel("Find the team's cards").fill('alert routing');
    await more.locator('.poker__pick-row', { hasText: 'Tidy the alert routing' }).getByRole('checkbox').check();
    await more.getByLabel("Find the team's cards").fill('');
    await expect.poll(() => more.locator('.poker__pick-row', { hasText: 'Pick the bucket layout' }).textContent(), SOON).toContain('already in this session');
    await p.getByTestId('poker-queue-more').click();
    await expect.poll(() => p.getByTestId('poker-queue').locator('li').count(), SOON).toBe(4);
    const session = (await team.admin.api.get<PokerSession[]>(`/api/teams/${team.team.id}/poker`)).body[0]!;
    const full = (await team.admin.api.get<PokerSession>(`/api/poker/${session.id}`)).body;
    expect(full.items.map((i) => i.cardId)).toEqual([first.id, second.id, failover.id, later.id]);

    for (const x of [po, admin]) expect(x.problems).toEqual([]);
    for (const x of [po, admin]) await x.context.close();
  });
});
