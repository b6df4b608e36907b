/** Issue 6: the PO ranks the backlog with the mouse, the keyboard and "move to top / bottom"; a member cannot and is told why. */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BoardSnapshot, Card } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, dragWithMouse, focusedCardTitle, holdOver, openBoard, pageOrder, signedInPage, snapshotOrder, tabToBoard, tile, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

/** A planned board whose backlog holds Alpha (3 pts), Bravo (5 pts), Charlie (unestimated), in that order. */
async function backlog(name: string) {
  const team = await createTeam(t.app, name);
  const board = team.boards.planned;
  const snap = await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`);
  const backlogId = snap.body.columns.find((c) => c.category === 'backlog')!.id;
  const add = async (title: string, points: number | null) => {
    const res = await team.admin.api.post<Card>(`/api/boards/${board}/cards`, { title, columnId: backlogId, points });
    if (res.status !== 201) throw new Error(`card ${title}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  // Each new card is appended at the bottom, so this is also the rank order.
  const alpha = await add('Alpha', 3);
  const bravo = await add('Bravo', 5);
  const charlie = await add('Charlie', null);
  const order = async () => snapshotOrder((await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`)).body)[backlogId];
  return { team, board, backlogId, alpha, bravo, charlie, order };
}

const announcement = (page: Page) => page.getByTestId('announcer').innerText();

describe('backlog ranking', () => {
  it('shows the ready count at the top of the backlog', async () => {
    const { team, board, backlogId } = await backlog('Ready count');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.byRole.po);
    await openBoard(page, board);
    const header = page.locator(`[data-column-header="${backlogId}"]`);
    expect(await header.getByTestId('ready-points').innerText()).toContain('2 ready · 8 pts');
    // The PO ranks, so no "PO ranks" note for them.
    expect(await header.getByText('PO ranks').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the PO reorder with the mouse', async () => {
    const { team, board, backlogId, alpha, bravo, charlie, order } = await backlog('Mouse rank');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.byRole.po);
    await openBoard(page, board);

    await dragWithMouse(page, tile(page, 'Charlie'), tile(page, 'Alpha'));

    await expect.poll(order, SOON).toEqual([charlie.id, alpha.id, bravo.id]);
    await expect.poll(async () => (await pageOrder(page))[backlogId], SOON).toEqual([charlie.id, alpha.id, bravo.id]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the PO reorder with the keyboard, and move a card to the top or bottom in one press', async () => {
    const { team, board, alpha, bravo, charlie, order } = await backlog('Keyboard rank');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.byRole.po);
    await openBoard(page, board);

    await tabToBoard(page);
    expect(await focusedCardTitle(page)).toBe('Alpha');
    await page.keyboard.press('Space');
    await expect.poll(() => announcement(page), SOON).toContain("Picked up 'Alpha' in Backlog, position 1 of 3");
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => announcement(page), SOON).toBe("'Alpha' is over Backlog, position 3 of 3.");
    await page.keyboard.press('Space');
    await expect.poll(order, SOON).toEqual([bravo.id, charlie.id, alpha.id]);

    // "Move to top" from the card panel.
    await tile(page, 'Charlie').click();
    await page.getByTestId('card-panel').getByTestId('rank-top').click();
    await expect.poll(order, SOON).toEqual([charlie.id, bravo.id, alpha.id]);

    // "To the bottom" from the Move to… dialog, reached with the keyboard.
    await page.keyboard.press('Escape');
    await tile(page, 'Charlie').focus();
    await page.keyboard.press('m');
    await page.getByTestId('rank-actions').getByRole('button', { name: 'To the bottom' }).click();
    await expect.poll(order, SOON).toEqual([bravo.id, alpha.id, charlie.id]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('does not let a member reorder, and says why', async () => {
    const { team, board, backlogId, alpha, bravo, charlie, order } = await backlog('Member rank');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.byRole.member);
    await openBoard(page, board);
    // Shown once the team (and so the member's role) has loaded.
    await expect.poll(() => page.locator(`[data-column-header="${backlogId}"]`).getByText('PO ranks').count(), SOON).toBe(1);

    // A drag is tried: the backlog shows as refused while the card is in the air, and the drop sends nothing.
    const requests: string[] = [];
    page.on('request', (r) => r.method() !== 'GET' && requests.push(r.url()));
    await holdOver(page, tile(page, 'Charlie'), tile(page, 'Alpha'));
    expect(await page.getByTestId('insertion-line').innerText()).toBe("Can't drop here · Only the PO reorders the backlog");
    expect(await page.locator(`[data-column-header="${backlogId}"]`).getAttribute('class')).toContain('column-header--refused');
    await page.mouse.up();
    const toast = page.getByTestId('toast').filter({ hasText: "Couldn't move 'Charlie'" });
    await toast.waitFor();
    expect(await toast.innerText()).toContain('Only the product owner (po or admin) reorders the backlog');
    expect((await pageOrder(page))[backlogId]).toEqual([alpha.id, bravo.id, charlie.id]);
    expect(await order()).toEqual([alpha.id, bravo.id, charlie.id]);
    expect(requests).toEqual([]);

    // The move menu offers no ranking and explains it.
    await tile(page, 'Alpha').focus();
    await page.keyboard.press('m');
    const form = page.getByTestId('move-to-form');
    expect(await form.getByTestId('rank-actions').count()).toBe(0);
    expect(await form.innerText()).toContain('Only the product owner (or an admin) reorders the backlog');
    expect(await form.getByRole('button', { name: 'Move', exact: true }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
