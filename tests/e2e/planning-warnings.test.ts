/**
 * Issue 10: planning says so when it goes over capacity or off the calendar.
 * Starting over capacity and early needs each warning answered and records
 * the confirmation; closing shows what the carry-over does to the next
 * iteration; an overdue iteration is marked and offers to close.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addCalendarDays, type BoardSnapshot, type Card, type Iteration, type IterationDetail } from '@opsboard/shared';
import { createTeam, type TestApp, type TestTeam, type TestUser } from '../helpers/harness.js';
import { browserSuite, openBoard, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

const today = () => new Date().toISOString().slice(0, 10);

async function backlogCards(team: TestTeam, points: number[], prefix: string): Promise<Card[]> {
  const snap = await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`);
  const backlog = snap.body.columns.find((c) => c.category === 'backlog')!.id;
  const out: Card[] = [];
  for (const [i, p] of points.entries()) {
    const res = await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: `${prefix} ${i + 1}`, points: p, columnId: backlog });
    if (res.status !== 201) throw new Error(`card: ${res.status} ${JSON.stringify(res.body)}`);
    out.push(res.body);
  }
  return out;
}

async function iteration(po: TestUser, team: TestTeam, body: Record<string, unknown>): Promise<Iteration> {
  const res = await po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, body);
  if (res.status !== 201) throw new Error(`iteration: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Two of the three workers away for the whole iteration: capacity is one person's points. */
async function onePersonCapacity(team: TestTeam, it: Iteration): Promise<void> {
  const res = await team.byRole.po.api.patch(`/api/iterations/${it.id}`, { absences: [{ userId: team.admin.id, days: 10 }, { userId: team.byRole.member.id, days: 10 }] });
  expect(res.status).toBe(200);
}

/** Starts an iteration through the API, confirming whatever it asks (for setting up a running iteration). */
async function startConfirmed(po: TestUser, id: string): Promise<void> {
  const first = await po.api.post<{ error?: { details?: { confirm?: unknown } } }>(`/api/iterations/${id}/start`, {});
  if (first.status === 200) return;
  const again = await po.api.post(`/api/iterations/${id}/start`, { confirm: first.body.error?.details?.confirm });
  expect(again.status, JSON.stringify(again.body)).toBe(200);
}

const openPlanning = async (page: Page, teamId: string) => {
  await page.goto(`/teams/${teamId}/iterations`);
  await page.getByTestId('iterations-page').waitFor();
};

describe('planning warnings', () => {
  it('starting over capacity and ahead of its dates needs both answered, and the confirmation shows on the iteration page', async () => {
    const team = await createTeam(t.app, 'Start checks');
    const po = team.byRole.po;
    const start = addCalendarDays(today(), 14);
    const it = await iteration(po, team, { name: 'Sprint Early', startDate: start, endDate: addCalendarDays(start, 11) });
    await onePersonCapacity(team, it);
    const cards = await backlogCards(team, [8, 5, 2], 'Early story');
    expect((await po.api.post(`/api/iterations/${it.id}/cards`, { cardIds: cards.map((c) => c.id) })).status).toBe(200);

    const { page, problems, context } = await signedInPage(browser, t.baseUrl, po);
    await openPlanning(page, team.team.id);
    await page.getByTestId('start-iteration').click();
    const form = page.getByTestId('start-form');
    const over = form.getByTestId('start-over-capacity');
    expect(await over.innerText()).toContain('15 of 8 points');
    expect(await over.innerText()).toContain('7 over');
    expect(await form.getByTestId('start-dates').innerText()).toContain('which starts in 14 days');
    const go = form.getByRole('button', { name: 'Start anyway' });
    expect(await go.isDisabled()).toBe(true);

    await over.getByRole('checkbox', { name: 'Start 7 points over capacity (15 of 8)' }).check();
    expect(await go.isDisabled()).toBe(true);
    await form.getByRole('radio', { name: /Move the dates to today/ }).check();
    await form.getByLabel(/Why start this way/).fill('The kernel CVE cannot wait two weeks.');
    await go.click();
    await page.getByTestId('toast').filter({ hasText: 'Sprint Early started' }).waitFor();

    const started = (await po.api.get<IterationDetail>(`/api/iterations/${it.id}`)).body;
    expect(started.iteration).toMatchObject({ state: 'active', startDate: today(), endDate: addCalendarDays(today(), 11) });
    expect(started.startConfirmation).toMatchObject({ userId: po.id, reason: 'The kernel CVE cannot wait two weeks.', overCapacity: { planned: 15, capacity: 8 }, outsideDates: null });

    await page.goto(`/iterations/${it.id}`);
    const record = page.getByTestId('start-confirmation');
    await record.waitFor();
    await expect.poll(() => record.innerText(), SOON).toContain(`confirmed by ${po.name}`);
    expect(await record.innerText()).toContain('15 of 8 points planned, 7 over');
    expect(await record.innerText()).toContain('The kernel CVE cannot wait two weeks.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('closing warns with the figures when the carry-over takes the next iteration over capacity (68 of 32), and lets cards stay out', async () => {
    const team = await createTeam(t.app, 'Close checks');
    const po = team.byRole.po;
    const current = await iteration(po, team, { name: 'Sprint Now', startDate: addCalendarDays(today(), -3), endDate: addCalendarDays(today(), 8) });
    const next = await iteration(po, team, { name: 'Sprint Next', startDate: addCalendarDays(today(), 9), endDate: addCalendarDays(today(), 20), pointsPerPerson: 16 });
    // Sprint Next: 3 workers × 16 points, one away = 32; 28 already planned.
    expect((await po.api.patch(`/api/iterations/${next.id}`, { absences: [{ userId: team.admin.id, days: 10 }] })).status).toBe(200);
    const unfinished = await backlogCards(team, [13, 8, 8, 5, 3, 3], 'Carried');
    const planned = await backlogCards(team, [13, 8, 5, 2], 'Planned next');
    expect((await po.api.post(`/api/iterations/${current.id}/cards`, { cardIds: unfinished.map((c) => c.id) })).status).toBe(200);
    expect((await po.api.post(`/api/iterations/${next.id}/cards`, { cardIds: planned.map((c) => c.id) })).status).toBe(200);
    await startConfirmed(po, current.id);

    const { page, problems, context } = await signedInPage(browser, t.baseUrl, po);
    await page.goto(`/iterations/${current.id}`);
    await page.getByTestId('close-iteration').click();
    const form = page.getByTestId('close-form');
    const figures = form.getByTestId('carry-figures');
    await expect.poll(() => figures.getAttribute('data-over'), SOON).toBe('true');
    const words = await figures.innerText();
    expect(words).toContain('Sprint Next would be 36 points over capacity');
    expect(words).toContain('Carrying 6 cards (40 points) into Sprint Next, which has 28 planned, makes it 68 of 32 points');

    // Leaving the 13-pointer and an 8-pointer out brings it to 47 of 32.
    const pick = form.getByTestId('carry-pick');
    await pick.getByRole('checkbox', { name: /Carried 1 / }).uncheck();
    await pick.getByRole('checkbox', { name: /Carried 2 / }).uncheck();
    await expect.poll(() => figures.innerText(), SOON).toContain('makes it 47 of 32 points');

    // Or none at all: everything back to the backlog.
    await figures.getByRole('button', { name: 'All to the backlog instead' }).click();
    expect(await form.getByRole('radio', { name: /Back to the backlog/ }).isChecked()).toBe(true);
    await form.getByRole('radio', { name: /Sprint Next/ }).check();
    await form.getByRole('button', { name: 'Close Sprint Now' }).click();
    await expect.poll(() => page.getByTestId('iteration-page').getAttribute('data-state'), SOON).toBe('closed');
    const carry = page.getByTestId('carry-over');
    await carry.waitFor();
    expect(await carry.innerText()).toContain('4 cards (19 pts) carried over to Sprint Next');
    expect(await carry.innerText()).toContain('2 cards (21 pts) carried over to the backlog');
    const after = (await po.api.get<IterationDetail>(`/api/iterations/${next.id}`)).body;
    expect(after.plannedPoints).toBe(47);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('marks an iteration past its end date overdue in the list, the board header and its page, and offers to close it', async () => {
    const team = await createTeam(t.app, 'Overdue');
    const po = team.byRole.po;
    const late = await iteration(po, team, { name: 'Sprint Late', startDate: addCalendarDays(today(), -16), endDate: addCalendarDays(today(), -3) });
    await startConfirmed(po, late.id);

    const { page, problems, context } = await signedInPage(browser, t.baseUrl, po);
    await openPlanning(page, team.team.id);
    const list = page.getByTestId('iteration-list');
    const row = list.locator('tr', { hasText: 'Sprint Late' });
    await expect.poll(() => row.getAttribute('data-overdue'), SOON).toBe('true');
    expect(await row.getByTestId('overdue-badge').innerText()).toBe('Active · overdue 3 days');
    expect(await page.getByTestId('overdue-note').innerText()).toContain('Sprint Late is overdue');

    // On the board the iteration shows in the header; it takes the PO straight to closing.
    await openBoard(page, team.boards.planned);
    const chip = page.getByTestId('iteration-chip');
    await expect.poll(() => chip.innerText(), SOON).toContain('overdue 3 days');
    await chip.click();
    const form = page.getByTestId('close-form');
    await form.waitFor();
    expect(await page.getByTestId('overdue-note').innerText()).toContain('ended on');
    await form.getByRole('button', { name: 'Close Sprint Late' }).click();
    await expect.poll(() => page.getByTestId('iteration-page').getAttribute('data-state'), SOON).toBe('closed');
    expect(await page.getByTestId('overdue-note').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');

    // A member sees it overdue too, without the close action.
    const other = await iteration(po, team, { name: 'Sprint Later', startDate: addCalendarDays(today(), -2), endDate: addCalendarDays(today(), -1) });
    await startConfirmed(po, other.id);
    const member = await signedInPage(browser, t.baseUrl, team.byRole.member);
    await member.page.goto(`/iterations/${other.id}`);
    const note = member.page.getByTestId('overdue-note');
    await expect.poll(() => note.innerText(), SOON).toContain('The product owner or an admin closes it');
    expect(await note.getByRole('button').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(member.problems).toEqual([]);
    await member.context.close();
    await context.close();
  });

  it('asks before pulling a card into a running iteration past its capacity', async () => {
    const team = await createTeam(t.app, 'Pull checks');
    const po = team.byRole.po;
    const running = await iteration(po, team, { name: 'Sprint Busy', startDate: today(), endDate: addCalendarDays(today(), 11) });
    await onePersonCapacity(team, running);
    const [first, extra] = await backlogCards(team, [6, 5], 'Busy story');
    expect((await po.api.post(`/api/iterations/${running.id}/cards`, { cardIds: [first!.id] })).status).toBe(200);
    await startConfirmed(po, running.id);

    const { page, problems, context } = await signedInPage(browser, t.baseUrl, po);
    await openPlanning(page, team.team.id);
    await page.getByRole('button', { name: "Add 'Busy story 2' to Sprint Busy" }).click();
    const ask = page.getByTestId('pull-over-capacity');
    await ask.waitFor();
    expect(await ask.innerText()).toContain('takes it to 11 of 8 points, 3 over its capacity');
    await ask.getByRole('button', { name: 'Keep in the backlog' }).click();
    expect((await po.api.get<IterationDetail>(`/api/iterations/${running.id}`)).body.cards.map((c) => c.id)).toEqual([first!.id]);

    await page.getByRole('button', { name: "Add 'Busy story 2' to Sprint Busy" }).click();
    await page.getByTestId('pull-over-capacity').getByRole('button', { name: 'Pull in anyway' }).click();
    await expect.poll(async () => (await po.api.get<IterationDetail>(`/api/iterations/${running.id}`)).body.cards.length, SOON).toBe(2);
    expect((await po.api.get<IterationDetail>(`/api/iterations/${running.id}`)).body.cards.map((c) => c.id)).toContain(extra!.id);
    expect(problems).toEqual([]);
    await context.close();
  });
});
