/** Issue 4: drag and drop with the mouse and the keyboard, WIP refusals and warn-policy overrides, against the real server. */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BoardSnapshot, Card } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, columnList, dragWithMouse, focusedCardTitle, holdOver, openBoard, pageOrder, signedInPage, snapshotOrder, tabToBoard, tile, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

/** A team whose planned board has the default columns: Backlog, Ready (10, warn), In progress (4, block), Review (3, warn), Done. */
async function plannedBoard(name: string) {
  const team = await createTeam(t.app, name);
  const snap = await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`);
  const col = Object.fromEntries(snap.body.columns.map((c) => [c.name, c.id])) as Record<'Backlog' | 'Ready' | 'In progress' | 'Review' | 'Done', string>;
  const add = async (title: string, column: keyof typeof col) => {
    const res = await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title, columnId: col[column] });
    if (res.status !== 201) throw new Error(`card ${title}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const snapshot = async () => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
  return { team, col, add, snapshot };
}

async function announcement(page: Page): Promise<string> {
  return page.getByTestId('announcer').innerText();
}

describe('board drag and drop', () => {
  it('moves a card to another column with the mouse, to the position it was dropped at', async () => {
    const { team, col, add, snapshot } = await plannedBoard('Mouse');
    const rotate = await add('Rotate TLS certs', 'Backlog');
    await add('Patch kernels', 'Backlog');
    const renew = await add('Renew domain', 'Ready');
    const dns = await add('DNS cleanup', 'Ready');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, team.boards.planned);

    await dragWithMouse(page, tile(page, 'Rotate TLS certs'), tile(page, 'DNS cleanup'));

    await expect.poll(async () => (await pageOrder(page))[col.Ready], SOON).toEqual([renew.id, rotate.id, dns.id]);
    await expect.poll(async () => snapshotOrder(await snapshot())[col.Ready], SOON).toEqual([renew.id, rotate.id, dns.id]);
    expect(await announcement(page)).toBe("Moved 'Rotate TLS certs' to Ready, position 2 of 3.");
    // Saved: the tile loses its "saving" mark once the server's event is back.
    await expect.poll(() => tile(page, 'Rotate TLS certs').locator('.tile__sync').count(), SOON).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('moves a card with the keyboard only: focus, pick up, arrows, drop', async () => {
    const { team, col, add, snapshot } = await plannedBoard('Keys');
    const first = await add('Upgrade Postgres', 'Backlog');
    await add('Audit sudoers', 'Backlog');
    const ready = await add('Renew domain', 'Ready');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, team.boards.planned);

    await tabToBoard(page);
    expect(await focusedCardTitle(page)).toBe('Upgrade Postgres');
    await page.keyboard.press('ArrowDown');
    expect(await focusedCardTitle(page)).toBe('Audit sudoers');
    await page.keyboard.press('ArrowUp');

    await page.keyboard.press('Space');
    await expect.poll(() => announcement(page), SOON).toContain("Picked up 'Upgrade Postgres' in Backlog, position 1 of 2");
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => announcement(page), SOON).toBe("'Upgrade Postgres' is over Ready, position 1 of 2.");
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => announcement(page), SOON).toBe("'Upgrade Postgres' is over Ready, position 2 of 2.");
    await page.keyboard.press('Space');

    await expect.poll(() => announcement(page), SOON).toBe("Moved 'Upgrade Postgres' to Ready, position 2 of 2.");
    await expect.poll(async () => snapshotOrder(await snapshot())[col.Ready], SOON).toEqual([ready.id, first.id]);
    await expect.poll(async () => (await pageOrder(page))[col.Ready], SOON).toEqual([ready.id, first.id]);

    // Escape cancels: the card stays put and nothing is sent.
    const before = (await snapshot()).seq;
    await page.keyboard.press('Space');
    await expect.poll(() => announcement(page), SOON).toContain("Picked up 'Upgrade Postgres' in Ready");
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => announcement(page), SOON).toContain('is over Backlog');
    await page.keyboard.press('Escape');
    await expect.poll(() => announcement(page), SOON).toBe("Move cancelled. 'Upgrade Postgres' is back in Ready, position 2 of 2.");
    expect((await snapshot()).seq).toBe(before);

    // A fast typist: pick up, move and drop without waiting for anything in between.
    for (const key of ['Space', 'ArrowLeft', 'ArrowUp', 'Space']) await page.keyboard.press(key);
    await expect.poll(async () => snapshotOrder(await snapshot())[col.Backlog]?.[0], SOON).toBe(first.id);
    await expect.poll(() => announcement(page), SOON).toBe("Moved 'Upgrade Postgres' to Backlog, position 1 of 2.");
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a column at its hard WIP limit as refused while dragging, with the reason, and sends nothing on the drop', async () => {
    const { team, col, add, snapshot } = await plannedBoard('Full');
    for (const n of [1, 2, 3, 4]) await add(`Busy ${n}`, 'In progress');
    const card = await add('One more thing', 'Ready');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, team.boards.planned);
    expect(await page.locator(`[data-column-header="${col['In progress']}"] [data-testid="wip-count"]`).textContent()).toBe('4 / 4');
    const requests: string[] = [];
    page.on('request', (r) => r.method() !== 'GET' && requests.push(r.url()));

    await holdOver(page, tile(page, 'One more thing'), tile(page, 'Busy 2'));
    // While the card is in the air: the line, the cell and the header say no, and why.
    const line = page.getByTestId('insertion-line');
    expect(await line.getAttribute('data-drop')).toBe('refused');
    expect(await line.innerText()).toBe("Can't drop here · In progress is full (4 of 4)");
    expect(await columnList(page, col['In progress']).getAttribute('data-drop')).toBe('refused');
    expect(await page.locator(`[data-column-header="${col['In progress']}"]`).getAttribute('class')).toContain('column-header--refused');
    // Other columns stay open, and a screen reader hears the reason too.
    expect(await columnList(page, col.Review).getAttribute('data-drop')).toBe('ok');
    await expect.poll(() => announcement(page), SOON).toContain('It cannot be dropped here: Column "In progress" already holds 4 cards; its WIP limit is 4.');
    const before = (await snapshot()).seq;
    await page.mouse.up();

    const toast = page.getByTestId('toast').filter({ hasText: "Couldn't move 'One more thing'" });
    await toast.waitFor();
    expect(await toast.innerText()).toContain('Column "In progress" already holds 4 cards; its WIP limit is 4. It stays in Ready.');
    expect(await pageOrder(page).then((o) => o[col.Ready])).toEqual([card.id]);
    expect(await columnList(page, col['In progress']).locator('[data-tile-id]').count()).toBe(4);
    // Nothing was sent: no request, no event, no 409 to roll back from.
    expect(requests).toEqual([]);
    expect((await snapshot()).seq).toBe(before);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks for a reason before going over a warn-policy limit, and records it in the history', async () => {
    const { team, col, add, snapshot } = await plannedBoard('Soft');
    for (const n of [1, 2, 3]) await add(`Reviewing ${n}`, 'Review');
    const card = await add('Hotfix for the VPN', 'Ready');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, team.boards.planned);

    await holdOver(page, tile(page, 'Hotfix for the VPN'), tile(page, 'Reviewing 1'));
    // While dragging, the target says it will ask for a reason.
    expect(await page.getByTestId('insertion-line').innerText()).toBe('Asks for a reason · Review would hold 4 of 3');
    expect(await columnList(page, col.Review).getAttribute('data-drop')).toBe('ask');
    await page.mouse.up();
    const dialog = page.getByRole('dialog', { name: 'Over the WIP limit of Review' });
    await dialog.waitFor();
    // Nothing moved yet: the drop waits for the reason.
    expect((await snapshot()).cards.find((c) => c.id === card.id)!.columnId).toBe(col.Ready);
    await dialog.getByRole('textbox').fill('Customer outage in Berlin');
    await dialog.getByRole('button', { name: 'Move over the limit' }).click();

    await expect.poll(async () => (await snapshot()).cards.find((c) => c.id === card.id)?.overrideReason, SOON).toBe('Customer outage in Berlin');
    await expect.poll(async () => (await pageOrder(page))[col.Review]?.[0], SOON).toBe(card.id);
    expect(await tile(page, 'Hotfix for the VPN').getByTestId('override-reason').innerText()).toContain('Customer outage in Berlin');
    expect(await page.locator(`[data-column-header="${col.Review}"] .wip`).getAttribute('class')).toContain('wip--over');

    await tile(page, 'Hotfix for the VPN').click();
    const history = page.getByTestId('card-panel').getByTestId('history');
    await history.getByText('moved it from Ready to Review').waitFor();
    expect(await history.innerText()).toContain('Over the WIP limit because: “Customer outage in Berlin”');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('moves a card with "Move to…" for people who do not drag', async () => {
    const { team, col, add, snapshot } = await plannedBoard('Menu');
    const card = await add('Write the runbook', 'Backlog');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, team.boards.planned);
    await tile(page, 'Write the runbook').focus();
    await page.keyboard.press('m');
    const form = page.getByTestId('move-to-form');
    await form.getByLabel('Done').check();
    await form.getByRole('button', { name: 'Move' }).click();
    await expect.poll(async () => (await snapshot()).cards.find((c) => c.id === card.id)?.columnId, SOON).toBe(col.Done);
    expect(problems).toEqual([]);
    await context.close();
  });
});
