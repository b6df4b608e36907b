/** Checklists on cards and the Definition of Done blocking done, in the browser against the real server. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Board, BoardSnapshot, Card } from '@opsboard/shared';
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
});
