/**
 * Board settings end to end: an admin creates a board from the team page and
 * shapes it (columns, limits, the done column, a swimlane, the per-person
 * limit, order); a member on the same board sees each change arrive live and
 * has no Settings button; the server's refusals show where they belong; the
 * board is archived and restored from the team page.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Board, BoardSnapshot, Card } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, engine, openBoard, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

const columnNames = (page: Page) => page.locator('.column-header__name').allInnerTexts();
const wipOf = async (page: Page, column: string) =>
  (await page.locator('[data-column-header]', { has: page.getByRole('heading', { name: column, exact: true }) }).getByTestId('wip-count').textContent())?.replace(/\s+/g, ' ').trim();
const row = (dialog: Locator, kind: 'Column' | 'Swimlane', name: string) => dialog.getByRole('form', { name: `${kind} ${name}`, exact: true });
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

describe('board settings', () => {
  it('creates and shapes a board from the UI; a second browser sees it live; archive and restore from the team page', async () => {
    const team = await createTeam(t.app, 'Shape');
    const admin = await signedInPage(browser, t.baseUrl, team.admin);
    const member = await signedInPage(browser, t.baseUrl, team.byRole.member);
    const page = admin.page;

    // New board from the team page; it opens on its columns' settings.
    await page.goto(`/teams/${team.team.id}`);
    await page.getByRole('button', { name: 'New board' }).click();
    const create = page.getByTestId('new-board-form');
    await create.getByLabel('Board name').fill('Database migrations');
    await create.getByRole('radio', { name: /Self-service & automation/ }).check();
    await create.getByRole('button', { name: 'Create board' }).click();
    await page.locator('[data-ready="true"]').waitFor();
    const boardId = /\/boards\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    expect(new URL(page.url()).searchParams.get('settings')).toBe('columns');
    const dialog = page.getByRole('dialog', { name: 'Board settings' });
    await dialog.getByRole('tab', { name: /Columns \(5\)/, selected: true }).waitFor();
    const snapshot = async () => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${boardId}`)).body;
    expect((await snapshot()).board).toMatchObject({ name: 'Database migrations', kind: 'selfservice' });

    // The member on the same board: no Settings button, and every change below arrives without a reload.
    await openBoard(member.page, boardId);
    expect(await member.page.getByRole('button', { name: 'Settings' }).count()).toBe(0);
    expect(await columnNames(member.page)).toEqual(['Backlog', 'Ready', 'In progress', 'Review', 'Done']);

    // Add a column with a blocking WIP limit.
    const add = dialog.getByRole('form', { name: 'Add a column' });
    await add.getByLabel('Name').fill('Waiting on vendor');
    await add.getByLabel('Category').selectOption({ label: 'In progress' });
    await add.getByLabel('WIP limit').fill('2');
    await add.getByLabel('Policy').selectOption('block');
    await add.getByRole('button', { name: 'Add column' }).click();
    await expect.poll(() => columnNames(member.page), SOON).toEqual(['Backlog', 'Ready', 'In progress', 'Review', 'Done', 'Waiting on vendor']);
    await expect.poll(() => wipOf(member.page, 'Waiting on vendor'), SOON).toBe('0 / 2');
    // Focus stays in the add form for the next one.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-add-name'))).toBe(true);

    // Change an existing column: rename, tighter blocking limit, and make it the done column; one save.
    const review = row(dialog, 'Column', 'Review');
    await review.getByLabel('Name').fill('Verified');
    await review.getByLabel('Category').selectOption({ label: 'Done' });
    await review.getByLabel('WIP limit').fill('1');
    await review.getByLabel('Policy').selectOption('block');
    await review.getByRole('button', { name: 'Save' }).click();
    await row(dialog, 'Column', 'Verified').getByText('done column').waitFor();
    expect((await snapshot()).columns.find((c) => c.name === 'Verified')).toMatchObject({ category: 'done', wipLimit: 1, wipPolicy: 'block' });
    await expect.poll(() => wipOf(member.page, 'Verified'), SOON).toBe('0 / 1');

    // A bad limit is caught beside its field; nothing is sent.
    const ready = row(dialog, 'Column', 'Ready');
    await ready.getByLabel('WIP limit').fill('0');
    await ready.getByRole('button', { name: 'Save' }).click();
    await ready.getByText('A limit is from 1 to 999; leave it empty for no limit.').waitFor();
    await ready.getByLabel('WIP limit').fill('6');

    // Reorder with the keyboard: focus stays on the button while the row moves.
    // Keys go to the window in front (Firefox activates a focused button with Enter only there).
    await page.bringToFront();
    await row(dialog, 'Column', 'Waiting on vendor').getByRole('button', { name: 'Move Waiting on vendor up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => columnNames(member.page), SOON).toEqual(['Backlog', 'Ready', 'In progress', 'Verified', 'Waiting on vendor', 'Done']);
    await row(dialog, 'Column', 'Backlog').getByRole('button', { name: 'Move Backlog down' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => columnNames(member.page), SOON).toEqual(['Ready', 'Backlog', 'In progress', 'Verified', 'Waiting on vendor', 'Done']);
    expect(await focusedLabel(page)).toBe('Move Backlog down');
    expect((await snapshot()).columns.map((c) => c.name)).toEqual(['Ready', 'Backlog', 'In progress', 'Verified', 'Waiting on vendor', 'Done']);

    // Archiving a column that holds a card: the server's refusal, under that row.
    await team.admin.api.post<Card>(`/api/boards/${boardId}/cards`, { title: 'Move the audit tables', columnId: (await snapshot()).columns[0]!.id });
    await row(dialog, 'Column', 'Ready').getByRole('button', { name: 'Archive Ready' }).click();
    await row(dialog, 'Column', 'Ready').getByRole('alert').getByText('The column still holds 1 card; move or archive them first.').waitFor();
    expect((await snapshot()).columns.map((c) => c.name)).toContain('Ready');

    // An empty one goes, is listed as archived, and comes back at the end.
    await row(dialog, 'Column', 'Waiting on vendor').getByRole('button', { name: 'Archive Waiting on vendor' }).click();
    await expect.poll(() => columnNames(member.page), SOON).toEqual(['Ready', 'Backlog', 'In progress', 'Verified', 'Done']);
    const archivedColumns = dialog.getByTestId('archived-columns');
    await archivedColumns.getByText('Archived columns (1)').click();
    await archivedColumns.getByRole('button', { name: 'Restore Waiting on vendor' }).click();
    await expect.poll(() => columnNames(member.page), SOON).toEqual(['Ready', 'Backlog', 'In progress', 'Verified', 'Done', 'Waiting on vendor']);
    // Focus follows the restored row.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('aria-label')), SOON).toBe('Column Waiting on vendor');

    // A swimlane with its own limit.
    await dialog.getByRole('tab', { name: /Swimlanes/ }).click();
    const addLane = dialog.getByRole('form', { name: 'Add a swimlane' });
    await addLane.getByLabel('Name').fill('Expedite');
    await addLane.getByLabel('WIP limit').fill('1');
    await addLane.getByRole('button', { name: 'Add swimlane' }).click();
    await member.page.locator('.lane-header', { hasText: 'Expedite' }).waitFor();
    expect(await member.page.locator('.lane-header', { hasText: 'Expedite' }).innerText()).toContain('0 / 1');
    expect((await snapshot()).lanes).toEqual([expect.objectContaining({ name: 'Expedite', wipLimit: 1, wipPolicy: 'block' })]);

    // Closing with an edit not saved asks first; keeping it loses nothing.
    await addLane.getByLabel('Name').fill('Standard');
    await page.keyboard.press('Escape');
    const unsaved = dialog.getByRole('group', { name: 'Unsaved changes' });
    expect(await unsaved.innerText()).toContain('the new swimlane');
    await unsaved.getByRole('button', { name: 'Keep editing' }).click();
    expect(await addLane.getByLabel('Name').inputValue()).toBe('Standard');
    await addLane.getByLabel('Name').fill('');

    // The board: rename and a per-person limit (the suggested 2).
    await dialog.getByRole('tab', { name: 'Board' }).click();
    await dialog.getByLabel('Board name').fill('DB migrations');
    await dialog.getByLabel('Limit the cards one person holds in progress').check();
    expect(await dialog.getByLabel('Cards per person').inputValue()).toBe('2');
    await dialog.getByRole('button', { name: 'Save board settings' }).click();
    await expect.poll(() => member.page.getByRole('heading', { level: 1 }).innerText(), SOON).toBe('DB migrations');
    expect(await member.page.getByTestId('person-limit').innerText()).toContain('2 per person');
    expect((await snapshot()).board).toMatchObject({ name: 'DB migrations', personWipLimit: 2, personWipPolicy: 'block' });

    // Archive the board: confirm, land on the team page; the member's board says so live.
    await dialog.getByRole('button', { name: 'Archive board…' }).click();
    await dialog.getByRole('group', { name: 'Confirm archiving' }).getByRole('button', { name: 'Archive board' }).click();
    await page.getByRole('heading', { name: 'Shape', level: 1 }).waitFor();
    await member.page.getByTestId('archived-board').waitFor();
    expect(await member.page.getByRole('button', { name: 'Add a card to Ready' }).count()).toBe(0);
    const archivedBoards = page.getByTestId('archived-boards');
    await archivedBoards.getByText('Archived boards (1)').click();
    expect(await page.getByTestId('board-list').getByRole('link').allInnerTexts()).not.toContainEqual(expect.stringContaining('DB migrations'));
    await archivedBoards.getByRole('button', { name: 'Restore DB migrations' }).click();
    await expect.poll(() => page.getByTestId('board-list').getByRole('link').allInnerTexts(), SOON).toContainEqual(expect.stringContaining('DB migrations'));
    const boards = (await team.admin.api.get<Board[]>(`/api/teams/${team.team.id}/boards`)).body;
    expect(boards.find((b) => b.id === boardId)?.archivedAt).toBeNull();
    await member.page.getByTestId('archived-board').waitFor({ state: 'detached' });

    // The one refusal (archiving the column with a card) is an expected 409 (Chromium logs it
    // as a console error, Firefox does not); nothing else may go wrong.
    expect(admin.problems.filter((p) => p.includes('409'))).toHaveLength(engine === 'chromium' ? 1 : 0);
    expect([...admin.problems.filter((p) => !p.includes('409')), ...member.problems]).toEqual([]);
    await admin.context.close();
    await member.context.close();
  });
});
