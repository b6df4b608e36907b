/**
 * Issue 10: on the planning screen a row drags by its whole body, not only by
 * a small grip; nothing on the page gets selected while dragging; a click on
 * the row's title still opens the card, and the keyboard still drags by the grip.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { addCalendarDays, type BoardSnapshot, type Card, type Iteration, type IterationDetail } from '@opsboard/shared';
import { createTeam, type TestApp, type TestTeam } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

async function setup(name: string): Promise<{ team: TestTeam; it: Iteration; cards: Card[] }> {
  const team = await createTeam(t.app, name);
  const snap = await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`);
  const backlog = snap.body.columns.find((c) => c.category === 'backlog')!.id;
  const cards: Card[] = [];
  for (const title of ['Patch the kernel fleet-wide', 'Rotate the LDAP bind password', 'Retire the old bastion host']) {
    const res = await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title, points: 2, columnId: backlog });
    cards.push(res.body);
  }
  const start = addCalendarDays(new Date().toISOString().slice(0, 10), 7);
  const it = (await team.byRole.po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { name: 'Sprint Drag', startDate: start })).body;
  return { team, it, cards };
}

const row = (page: Page, title: string) => page.getByTestId('backlog-panel').locator('[data-plan-card]', { hasText: title });
const selection = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');
const inIteration = async (team: TestTeam, id: string) => (await team.admin.api.get<IterationDetail>(`/api/iterations/${id}`)).body.cards.map((c) => c.title);

/** Presses on a point of `from`, moves in steps as a hand would, and reports the selection mid-drag before letting go over `to`. */
async function dragFrom(page: Page, from: { x: number; y: number }, to: Locator): Promise<{ midSelection: string; dragging: boolean }> {
  const b = await to.boundingBox();
  if (!b) throw new Error('drop target is not visible');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 10, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 200), { steps: 12 });
  const midSelection = await selection(page);
  const dragging = await page.evaluate(() => document.documentElement.classList.contains('plan-dragging'));
  await page.mouse.up();
  return { midSelection, dragging };
}

describe('planning rows drag by their body', () => {
  it('drags a row by its title text and by its body into the iteration, selecting nothing on the way', async () => {
    const { team, it } = await setup('Body drag');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.byRole.po);
    await page.goto(`/teams/${team.team.id}/iterations`);
    const panel = page.getByTestId('iteration-panel');
    await row(page, 'Patch the kernel').waitFor();

    // Press on the row's empty space beside the points, where a press-and-move used to select text across the page.
    const meta = row(page, 'Rotate the LDAP').locator('.plan-card__meta');
    const mb = (await meta.boundingBox())!;
    const first = await dragFrom(page, { x: mb.x + mb.width - 8, y: mb.y + mb.height / 2 }, panel);
    expect(first.midSelection).toBe('');
    expect(first.dragging).toBe(true);
    await expect.poll(() => inIteration(team, it.id), SOON).toEqual(['Rotate the LDAP bind password']);
    expect(await selection(page)).toBe('');

    // Press on the middle of the title text (a link), far from the grip.
    const title = row(page, 'Patch the kernel').locator('.plan-card__title');
    const tb = (await title.boundingBox())!;
    const second = await dragFrom(page, { x: tb.x + tb.width * 0.6, y: tb.y + tb.height / 2 }, panel);
    expect(second).toEqual({ midSelection: '', dragging: true });
    await expect.poll(async () => (await inIteration(team, it.id)).sort(), SOON).toEqual(['Patch the kernel fleet-wide', 'Rotate the LDAP bind password']);
    // The drag ended on no link: the page stayed where it was.
    expect(new URL(page.url()).pathname).toBe(`/teams/${team.team.id}/iterations`);

    // And back: a row in the iteration drags by its body to the backlog.
    const back = panel.locator('[data-plan-card]', { hasText: 'Rotate the LDAP' }).locator('.plan-card__meta');
    const bb = (await back.boundingBox())!;
    await dragFrom(page, { x: bb.x + bb.width - 8, y: bb.y + bb.height / 2 }, page.getByTestId('backlog-panel'));
    await expect.poll(() => inIteration(team, it.id), SOON).toEqual(['Patch the kernel fleet-wide']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('still opens the card on a click of its title, still adds by the button, and still drags with the keyboard by the grip', async () => {
    const { team, it, cards } = await setup('Row clicks');
    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.byRole.po);
    await page.goto(`/teams/${team.team.id}/iterations`);
    await row(page, 'Retire the old bastion').waitFor();

    await page.getByRole('button', { name: "Add 'Rotate the LDAP bind password' to Sprint Drag" }).click();
    await expect.poll(() => inIteration(team, it.id), SOON).toEqual(['Rotate the LDAP bind password']);

    await page.getByRole('button', { name: "Drag 'Patch the kernel fleet-wide' into the iteration" }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await inIteration(team, it.id)).sort(), SOON).toEqual(['Patch the kernel fleet-wide', 'Rotate the LDAP bind password']);

    await row(page, 'Retire the old bastion').getByRole('link', { name: 'Retire the old bastion host' }).click();
    await expect.poll(() => page.url(), SOON).toContain(`/boards/${team.boards.planned}?card=${cards[2]!.id}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
