/**
 * Issue 6: the PO plans an iteration (button, mouse and keyboard drag), sees
 * the SS&A warning appear and clear, starts it, follows the burndown live and
 * closes it with carry-over.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { addCalendarDays, type BoardSnapshot, type Card, type Iteration, type IterationDetail } from '@opsboard/shared';
import { createTeam, type TestApp, type TestTeam } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

async function columns(team: TestTeam, board: string) {
  const snap = await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`);
  const byCategory = (c: string) => snap.body.columns.find((x) => x.category === c)!.id;
  return { backlog: byCategory('backlog'), done: byCategory('done') };
}

async function addCard(team: TestTeam, board: string, columnId: string, title: string, points: number, assigneeIds: string[] = []): Promise<Card> {
  const res = await team.admin.api.post<Card>(`/api/boards/${board}/cards`, { title, columnId, points, assigneeIds });
  if (res.status !== 201) throw new Error(`card ${title}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function openIterations(page: Page, teamId: string): Promise<void> {
  await page.goto(`/teams/${teamId}/iterations`);
  await page.getByTestId('iterations-page').waitFor();
}

/** Drags a card row by its handle onto a panel with the mouse, in steps as a hand would. */
async function dragRow(page: Page, handle: Locator, onto: Locator): Promise<void> {
  const a = await handle.boundingBox();
  const b = await onto.boundingBox();
  if (!a || !b) throw new Error('drag source or target is not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 8, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 200), { steps: 12 });
  await page.mouse.up();
}

const ssa = (page: Page) => page.getByTestId('ssa-indicator');

describe('iteration planning', () => {
  it('plans an iteration and warns about SS&A until a second person is on it', async () => {
    const team = await createTeam(t.app, 'Planning');
    const planned = await columns(team, team.boards.planned);
    const ss = await columns(team, team.boards.selfservice);
    const member = team.byRole.member;
    await addCard(team, team.boards.planned, planned.backlog, 'Patch kernels', 5);
    await addCard(team, team.boards.planned, planned.backlog, 'Rotate certificates', 3);
    await addCard(team, team.boards.selfservice, ss.backlog, 'Automate LDAP onboarding', 3, [member.id]);
    await addCard(team, team.boards.selfservice, ss.backlog, 'One-click restarts from chat', 2);

    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.byRole.po);
    await openIterations(page, team.team.id);
    await page.getByText('No iteration is planned or running.').waitFor();

    // A new iteration: two weeks by default, starting after today.
    await page.getByTestId('new-iteration').click();
    const form = page.getByTestId('new-iteration-form');
    expect(await form.getByLabel('Name').inputValue()).toBe('Iteration 1');
    await form.getByLabel('Goal').fill('Kernels patched, onboarding automated');
    const start = await form.getByLabel('Starts').inputValue();
    expect(await form.getByLabel('Ends').inputValue()).toBe(addCalendarDays(start, 11));
    await form.getByRole('button', { name: 'Plan iteration' }).click();
    const panel = page.getByTestId('iteration-panel');
    await panel.getByRole('heading', { name: 'Iteration 1' }).waitFor();
    expect(await panel.innerText()).toContain('Kernels patched, onboarding automated');

    // By button: planned work only, so nobody is on SS&A — the warning shows before the start.
    await page.getByRole('button', { name: "Add 'Patch kernels' to Iteration 1" }).click();
    await expect.poll(() => panel.innerText(), SOON).toContain('Patch kernels');
    await expect.poll(() => ssa(page).getAttribute('data-ok'), SOON).toBe('false');
    expect(await ssa(page).innerText()).toContain('SS&A needs a pair');
    expect(await ssa(page).innerText()).toContain('Nobody is on self-service & automation work');

    // By mouse: the SS&A card one person holds. Still fewer than a pair.
    await page.getByRole('tab', { name: /Self-service/ }).click();
    await dragRow(page, page.getByRole('button', { name: "Drag 'Automate LDAP onboarding' into the iteration" }), panel);
    await expect.poll(() => ssa(page).getAttribute('data-count'), SOON).toBe('1');
    expect(await ssa(page).getAttribute('data-ok')).toBe('false');
    expect(await ssa(page).innerText()).toContain('Only 1 person is on self-service & automation work');

    // By keyboard: space picks up, right arrow aims at the iteration, space drops.
    await page.getByRole('button', { name: "Drag 'One-click restarts from chat' into the iteration" }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('announcer').innerText(), SOON).toContain('Over Iteration 1');
    await page.keyboard.press('Space');
    await expect.poll(() => panel.innerText(), SOON).toContain('One-click restarts from chat');
    expect(await ssa(page).getAttribute('data-ok')).toBe('false');

    // A second person on SS&A work clears the warning.
    const row = panel.locator('[data-plan-card]', { hasText: 'One-click restarts from chat' });
    await row.locator('summary').click();
    await row.getByRole('checkbox', { name: team.byRole.admin.name }).check();
    await expect.poll(() => ssa(page).getAttribute('data-ok'), SOON).toBe('true');
    expect(await ssa(page).innerText()).toContain('2 people (a pair) are on self-service & automation work');

    // And it comes back when that person leaves again.
    await row.getByRole('checkbox', { name: team.byRole.admin.name }).uncheck();
    await expect.poll(() => ssa(page).getAttribute('data-ok'), SOON).toBe('false');

    // The capacity bar counts the planned points.
    expect(await page.getByTestId('capacity').innerText()).toContain('10 of');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('starts an iteration, shows the burndown live, and closes it carrying unfinished cards over', async () => {
    const team = await createTeam(t.app, 'Running');
    const planned = await columns(team, team.boards.planned);
    const po = team.byRole.po;
    const kernels = await addCard(team, team.boards.planned, planned.backlog, 'Patch kernels', 5, [po.id]);
    const certs = await addCard(team, team.boards.planned, planned.backlog, 'Rotate certificates', 3, [po.id]);
    // Started a few days ago so the burndown has days to draw; the next one is already planned.
    const today = new Date().toISOString().slice(0, 10);
    const first = await po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { name: 'Sprint A', startDate: addCalendarDays(today, -3), endDate: addCalendarDays(today, 8) });
    const next = await po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { name: 'Sprint B', startDate: addCalendarDays(today, 9), endDate: addCalendarDays(today, 20) });
    expect([first.status, next.status]).toEqual([201, 201]);
    expect((await po.api.post(`/api/iterations/${first.body.id}/cards`, { cardIds: [kernels.id, certs.id] })).status).toBe(200);

    const { page, problems, context } = await signedInPage(browser, t.baseUrl, po);
    await openIterations(page, team.team.id);
    await page.getByTestId('start-iteration').click();
    const dialog = page.getByRole('dialog', { name: 'Start Sprint A?' });
    expect(await dialog.innerText()).toContain('8 points are committed');
    await dialog.getByRole('button', { name: /Start/ }).click();
    await page.getByTestId('toast').filter({ hasText: 'Sprint A started' }).waitFor();
    // Planning moves on to the next planned iteration, which cannot start while Sprint A runs.
    await expect.poll(() => page.getByTestId('iteration-panel').innerText(), SOON).toContain('Sprint A is still running');

    await page.getByTestId('iteration-list').getByRole('link', { name: 'Sprint A' }).click();
    const iterationPage = page.getByTestId('iteration-page');
    await iterationPage.waitFor();
    const burndown = page.getByTestId('burndown');
    await burndown.locator('svg[role="img"]').waitFor();
    expect(await burndown.locator('svg[role="img"]').getAttribute('aria-label')).toContain('Committed 8 points');
    expect(await burndown.locator('[data-series="remaining"] path').count()).toBeGreaterThan(0);
    expect(await burndown.locator('[data-series="ideal"] path').count()).toBe(1);

    // Finishing a card elsewhere shows here without a reload.
    expect((await po.api.post(`/api/cards/${kernels.id}/move`, { toColumnId: planned.done })).status).toBe(200);
    await expect.poll(() => page.getByTestId('stages').locator('.stage--done').innerText(), SOON).toContain('Patch kernels');
    await expect.poll(() => burndown.locator('svg[role="img"]').getAttribute('aria-label'), SOON).toContain('3 points remain');

    // The keyboard reads the chart point by point.
    await burndown.locator('svg[role="img"]').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => burndown.getByTestId('chart-tooltip').innerText(), SOON).toContain('Remaining');

    // Close: the unfinished card goes to Sprint B.
    await page.getByTestId('close-iteration').click();
    const close = page.getByTestId('close-form');
    expect(await close.innerText()).toContain('Rotate certificates');
    await close.getByLabel('Sprint B').check();
    await close.getByRole('button', { name: 'Close Sprint A' }).click();
    await expect.poll(() => iterationPage.getAttribute('data-state'), SOON).toBe('closed');
    const carry = page.getByTestId('carry-over');
    await carry.waitFor();
    expect(await carry.innerText()).toContain('1 card (3 pts) carried over to Sprint B');
    expect(await carry.innerText()).toContain('Rotate certificates');

    const after = await po.api.get<IterationDetail>(`/api/iterations/${next.body.id}`);
    expect(after.body.cards.map((c) => c.id)).toEqual([certs.id]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
