/** Checklists on cards and the Definition of Done blocking done, in the browser against the real server. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Board, BoardSnapshot, Card, CardTechnologies, Technology } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, columnList, dragWithMouse, holdOver, openBoard, signedInPage, tile, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

describe('checklists and the Definition of Done', () => {
  it('a card with its Definition of Done unticked asks for a reason at Done; ticked and checked off, it goes in', async () => {
    const team = await createTeam(t.app, 'Dod');
    const boardId = team.boards.planned;
    const snap = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
    const col = Object.fromEntries(snap.columns.map((c) => [c.name, c.id])) as Record<string, string>;
    const dod = await team.admin.api.put<Board>(`/api/boards/${boardId}/definition-of-done`, { criteria: [{ text: 'Runbook updated' }] });
    expect(dod.status).toBe(200);
    const created = await team.admin.api.post<Card>(`/api/boards/${boardId}/cards`, { title: 'Rotate the CA', columnId: col.Review, checklist: ['Issue new intermediate'] });
    expect(created.status).toBe(201);
    const snapshot = async () => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, boardId);
    expect(await tile(page, 'Rotate the CA').getByTestId('tile-checklist').innerText()).toContain('0/1');

    // While dragging: Done says it will ask for a reason, and why.
    await holdOver(page, tile(page, 'Rotate the CA'), columnList(page, col.Done!), 'top');
    expect(await page.getByTestId('insertion-line').innerText()).toBe('Asks for a reason · Definition of Done not met');
    expect(await columnList(page, col.Done!).getAttribute('data-drop')).toBe('ask');
    await page.mouse.up();
    const dialog = page.getByRole('dialog', { name: 'Definition of Done not met for Done' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('"Runbook updated" not ticked');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await snapshot()).cards.find((c) => c.id === created.body.id)!.columnId).toBe(col.Review);

    // Tick the DoD and the checklist in the card panel; the tile follows live.
    await tile(page, 'Rotate the CA').click();
    const panel = page.getByTestId('card-panel');
    await panel.getByTestId('dod-section').getByLabel('Runbook updated', { exact: true }).check();
    await panel.getByTestId('checklist-section').getByLabel('Issue new intermediate', { exact: true }).check();
    await panel.getByTestId('checklist-new').fill('Tell the on-call');
    await panel.getByTestId('checklist-new').press('Enter');
    await expect.poll(() => tile(page, 'Rotate the CA').getByTestId('tile-checklist').innerText(), SOON).toContain('1/2');
    await panel.getByTestId('checklist-section').getByLabel('Tell the on-call', { exact: true }).check();
    await expect.poll(() => tile(page, 'Rotate the CA').getByTestId('tile-checklist').innerText(), SOON).toContain('2/2');
    await panel.getByRole('button', { name: 'Close the card' }).click();

    await dragWithMouse(page, tile(page, 'Rotate the CA'), columnList(page, col.Done!), 'top');
    await expect.poll(async () => (await snapshot()).cards.find((c) => c.id === created.body.id)?.columnId, SOON).toBe(col.Done);
    expect((await snapshot()).cards.find((c) => c.id === created.body.id)!.overrideReason).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a tick shows at once while the server is slow to answer, two quick technology choices both land, and a refused tick springs back with the reason', async () => {
    const team = await createTeam(t.app, 'Ticks');
    const boardId = team.boards.planned;
    expect((await team.admin.api.put<Board>(`/api/boards/${boardId}/definition-of-done`, { criteria: [{ text: 'Alerts tuned' }] })).status).toBe(200);
    const created = await team.admin.api.post<Card>(`/api/boards/${boardId}/cards`, { title: 'Upgrade Kafka', checklist: ['Drain brokers', 'Roll one by one'] });
    expect(created.status).toBe(201);
    const techs: Technology[] = [];
    for (const name of ['Kafka', 'ZooKeeper']) techs.push((await team.admin.api.post<Technology>(`/api/teams/${team.team.id}/technologies`, { name })).body);
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, boardId);
    await tile(page, 'Upgrade Kafka').click();
    const panel = page.getByTestId('card-panel');

    // Every answer about this card held back for 1.5 s: the boxes must not wait for it.
    let hold = true;
    await page.route(`**/api/cards/${created.body.id}/**`, async (route) => {
      if (hold && route.request().method() !== 'GET') await new Promise((r) => setTimeout(r, 1_500));
      await route.continue();
    });
    const dod = panel.getByTestId('dod-section').getByLabel('Alerts tuned', { exact: true });
    await dod.click();
    expect(await dod.isChecked()).toBe(true);
    await expect.poll(() => dod.isDisabled(), SOON).toBe(false);
    const drain = panel.getByTestId('checklist-section').getByLabel('Drain brokers', { exact: true });
    await drain.click();
    expect(await drain.isChecked()).toBe(true);
    expect(await panel.getByTestId('checklist-progress').innerText()).toContain('1/2');
    // The server has both once their answers arrive, and the boxes stay ticked throughout.
    const card = async () => (await team.admin.api.get<{ card: Card }>(`/api/cards/${created.body.id}`)).body.card;
    await expect.poll(async () => (await card()).checklist.filter((i) => i.done).length, { timeout: 8_000 }).toBe(1);
    expect((await card()).dodChecked).toHaveLength(1);
    expect(await dod.isChecked()).toBe(true);
    expect(await drain.isChecked()).toBe(true);

    // Two technologies chosen in quick succession, each answer slow: both show at once and both are saved.
    const section = panel.getByTestId('card-technologies');
    await section.getByRole('button', { name: 'Choose' }).click();
    await section.getByLabel('Kafka', { exact: true }).click();
    await section.getByLabel('ZooKeeper', { exact: true }).click();
    expect(await section.getByLabel('Kafka', { exact: true }).isChecked()).toBe(true);
    expect(await section.getByLabel('ZooKeeper', { exact: true }).isChecked()).toBe(true);
    const saved = async () => (await team.admin.api.get<CardTechnologies>(`/api/cards/${created.body.id}/technologies`)).body.technologies.map((x) => x.name).sort();
    await expect.poll(saved, { timeout: 8_000 }).toEqual(['Kafka', 'ZooKeeper']);

    // A tick the server refuses comes back unticked, with the reason by the list.
    hold = false;
    await page.route(`**/api/cards/${created.body.id}/checklist/**`, (route) =>
      route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message: 'The card changed; try again' } }) }),
    );
    const roll = panel.getByTestId('checklist-section').getByLabel('Roll one by one', { exact: true });
    await roll.click();
    await expect.poll(() => roll.isChecked(), SOON).toBe(false);
    await expect.poll(() => panel.getByTestId('checklist-section').innerText(), SOON).toContain('The card changed; try again');
    expect((await card()).checklist.filter((i) => i.done).map((i) => i.text)).toEqual(['Drain brokers']);
    expect(problems.filter((p) => !p.includes('409'))).toEqual([]);
    await context.close();
  });
});
