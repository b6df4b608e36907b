/** Issue 4: swimlanes, quick-add, filters and the card panel, against the real server. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BoardSnapshot, Card, Lane } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, dragWithMouse, openBoard, signedInPage, tile, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

async function setup(name: string) {
  const team = await createTeam(t.app, name);
  const board = team.boards.interrupts;
  const snap = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`)).body;
  const col = Object.fromEntries(snap.columns.map((c) => [c.name, c.id]));
  const add = async (title: string, column: string, extra: Record<string, unknown> = {}) => {
    const res = await team.admin.api.post<Card>(`/api/boards/${board}/cards`, { title, columnId: col[column], ...extra });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const card = async (id: string) => (await team.admin.api.get<{ card: Card }>(`/api/cards/${id}`)).body.card;
  return { team, board, col, add, card };
}

describe('board editing', () => {
  it('drags a card from one swimlane to another', async () => {
    const { team, board, add, card } = await setup('Lanes');
    const expedite = (await team.admin.api.post<Lane>(`/api/boards/${board}/lanes`, { name: 'Expedite' })).body;
    const standard = (await team.admin.api.post<Lane>(`/api/boards/${board}/lanes`, { name: 'Standard' })).body;
    const urgent = await add('Certificate expires tonight', 'Inbox', { laneId: standard.id });
    await add('Disk full on build host', 'Inbox', { laneId: expedite.id });
    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, board);
    await page.getByRole('heading', { name: 'Expedite' }).waitFor();

    await dragWithMouse(page, tile(page, 'Certificate expires tonight'), tile(page, 'Disk full on build host'));
    await expect.poll(async () => (await card(urgent.id)).laneId, SOON).toBe(expedite.id);
    expect(await page.locator(`[data-cell$=":${expedite.id}"] [data-tile-id]`).count()).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('adds cards at the top of a column with quick-add', async () => {
    const { team, board, col, add } = await setup('Quick');
    await add('Already here', 'Inbox');
    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, board);
    await page.getByRole('button', { name: 'Add a card to Inbox' }).click();
    const input = page.getByTestId('quick-add-input');
    await input.fill('Grafana dashboard is blank');
    await input.press('Enter');
    await input.fill('Request: VPN access for a contractor');
    await input.press('Enter');
    await input.press('Escape');
    await expect
      .poll(async () => {
        const snap = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`)).body;
        return snap.cards.filter((c) => c.columnId === col.Inbox).sort((a, b) => (a.rank < b.rank ? -1 : 1)).map((c) => [c.title, c.type]);
      }, SOON)
      .toEqual([
        ['Request: VPN access for a contractor', 'interrupt'],
        ['Grafana dashboard is blank', 'interrupt'],
        ['Already here', 'interrupt'],
      ]);
    await expect.poll(() => page.locator(`[data-cell^="${col.Inbox}:"] .tile__number`).allInnerTexts(), SOON).toHaveLength(3);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('filters by search, person and label, and keeps the filter in the address', async () => {
    const { team, board, add } = await setup('Filter');
    const member = team.byRole.member;
    await add('Postgres replica lag', 'Inbox', { labels: ['postgres'], assigneeIds: [member.id] });
    await add('DNS record for grafana', 'Inbox', { labels: ['dns'] });
    await add('Rotate Postgres passwords', 'Accepted', { labels: ['postgres', 'security'] });
    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, board);

    await page.getByRole('searchbox').fill('postgres');
    await expect.poll(() => page.locator('.tile').count(), SOON).toBe(2);
    expect(page.url()).toContain('q=postgres');
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Filter member' });
    await expect.poll(() => page.locator('.tile__title').allInnerTexts(), SOON).toEqual(['Postgres replica lag']);
    await page.reload();
    await page.locator('[data-ready="true"]').waitFor();
    await expect.poll(() => page.locator('.tile__title').allInnerTexts(), SOON).toEqual(['Postgres replica lag']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Label', { exact: true }).selectOption('security');
    await expect.poll(() => page.locator('.tile__title').allInnerTexts(), SOON).toEqual(['Rotate Postgres passwords']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('edits a card in the side panel: title, assignees, blocked reason, description with preview', async () => {
    const { team, board, add, card } = await setup('Panel');
    const c = await add('Vendor ticket: SAN firmware', 'Inbox');
    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, board);
    await tile(page, 'Vendor ticket: SAN firmware').click();
    const panel = page.getByTestId('card-panel');
    await panel.waitFor();

    const title = panel.getByLabel('Title');
    await title.fill('Vendor ticket: SAN firmware bug');
    await title.press('Enter');
    await panel.locator('summary').click();
    await panel.getByLabel('Panel member').check();
    await panel.getByLabel('Blocked', { exact: true }).check();
    await panel.getByLabel('Why is it blocked?').fill('Vendor promised a patch by Friday');
    await panel.getByLabel('Why is it blocked?').blur();
    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('Description (Markdown)').fill('**Ticket** 4711\n\n- [ ] escalate on Monday');
    await panel.getByRole('tab', { name: 'Preview' }).click();
    await panel.locator('.markdown--preview strong', { hasText: 'Ticket' }).waitFor();
    await panel.getByRole('button', { name: 'Save' }).click();

    await expect
      .poll(async () => {
        const now = await card(c.id);
        return { title: now.title, assignees: now.assigneeIds, blocked: now.blocked, reason: now.blockedReason, description: now.description };
      }, SOON)
      .toEqual({ title: 'Vendor ticket: SAN firmware bug', assignees: [team.byRole.member.id], blocked: true, reason: 'Vendor promised a patch by Friday', description: '**Ticket** 4711\n\n- [ ] escalate on Monday' });
    await panel.getByTestId('history').getByText('changed title from').waitFor();
    // The tile shows the new state too.
    expect(await tile(page, 'Vendor ticket: SAN firmware bug').locator('.tile__blocked').innerText()).toContain('Vendor promised a patch by Friday');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('links a card to a card on another board, archives it and restores it', async () => {
    const { team, board, add, card } = await setup('Links');
    const c = await add('DNS records by hand again', 'Inbox');
    const planned = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.selfservice}`)).body;
    const target = (await team.admin.api.post<Card>(`/api/boards/${team.boards.selfservice}/cards`, { title: 'Self-service DNS record requests', columnId: planned.columns[0]!.id })).body;
    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, board);
    await tile(page, 'DNS records by hand again').click();
    const panel = page.getByTestId('card-panel');
    await panel.getByRole('button', { name: 'Add link' }).click();
    await panel.getByLabel('Link type').selectOption('relates');
    await panel.getByLabel('Find a card by title or number').fill('self-service dns');
    await panel.getByRole('button', { name: /Self-service DNS record requests/ }).click();
    await expect.poll(async () => (await card(c.id)).links, SOON).toEqual([{ kind: 'relates', cardId: target.id }]);
    await panel.getByRole('link', { name: /Self-service DNS record requests/ }).waitFor();

    page.once('dialog', (d) => void d.accept());
    await panel.getByRole('button', { name: 'Archive' }).click();
    await expect.poll(async () => (await card(c.id)).archivedAt !== null, SOON).toBe(true);
    await tile(page, 'DNS records by hand again').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Archived cards' }).click();
    await page.getByRole('dialog', { name: 'Archived cards' }).getByRole('button', { name: 'Restore' }).click();
    await tile(page, 'DNS records by hand again').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a viewer look but not change: no drag, no quick-add, read-only panel', async () => {
    const { team, board, add } = await setup('Viewer');
    await add('Look, do not touch', 'Inbox');
    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.byRole.viewer);
    await openBoard(page, board);
    expect(await page.getByRole('button', { name: /Add a card/ }).count()).toBe(0);
    const card = tile(page, 'Look, do not touch');
    expect(await card.locator('.tile__title').getAttribute('aria-roledescription')).toBe('card');
    await card.focus();
    await page.keyboard.press('Space');
    expect(await page.getByTestId('insertion-line').count()).toBe(0);
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('card-panel');
    await panel.waitFor();
    expect(await panel.getByLabel('Column').isDisabled()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Archive' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
