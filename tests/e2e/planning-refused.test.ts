/**
 * Issue 10 on the planning screen: a backlog card whose board's first to-do
 * column is full under a hard limit cannot be pulled into the iteration; the
 * iteration shows that while the card is dragged, and the drop sends nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addCalendarDays, type BoardSnapshot, type Card, type Iteration } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

describe('planning drop targets', () => {
  it('shows the iteration as refused while a card it cannot take is dragged, with the reason, and sends nothing on the drop', async () => {
    const team = await createTeam(t.app, 'Plan full');
    const board = team.boards.planned;
    const snap = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`)).body;
    const backlog = snap.columns.find((c) => c.category === 'backlog')!;
    const ready = snap.columns.find((c) => c.category === 'todo')!;
    expect((await team.admin.api.patch(`/api/columns/${ready.id}`, { wipLimit: 1, wipPolicy: 'block' })).status).toBe(200);
    for (const [title, columnId] of [['Renew domain', ready.id], ['Patch kernels', backlog.id]] as const) {
      expect((await team.admin.api.post<Card>(`/api/boards/${board}/cards`, { title, columnId, points: 3 })).status).toBe(201);
    }
    const today = new Date().toISOString().slice(0, 10);
    const iteration = await team.byRole.po.api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { name: 'Sprint 1', startDate: addCalendarDays(today, 1) });
    expect(iteration.status).toBe(201);

    const { page, problems, context } = await signedInPage(browser, t.baseUrl, team.byRole.po);
    await page.goto(`/teams/${team.team.id}/iterations`);
    const panel = page.getByTestId('iteration-panel');
    await panel.getByRole('heading', { name: 'Sprint 1' }).waitFor();
    const posts: string[] = [];
    page.on('request', (r) => r.method() !== 'GET' && posts.push(r.url()));

    const handle = page.getByRole('button', { name: "Drag 'Patch kernels' into the iteration" });
    const a = (await handle.boundingBox())!;
    const b = (await panel.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 8, { steps: 3 });
    await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 200), { steps: 12 });
    await expect.poll(() => panel.getAttribute('class'), SOON).toContain('plan-panel--refused');
    expect(await panel.getByTestId('plan-drop-note').innerText()).toBe(`Can't drop here: Column "${ready.name}" already holds 1 card; its WIP limit is 1.`);
    await page.mouse.up();

    const toast = page.getByTestId('toast').filter({ hasText: "Couldn't move 'Patch kernels'" });
    await toast.waitFor();
    expect(await toast.innerText()).toContain('It stays in the backlog.');
    expect(posts).toEqual([]);
    expect(await panel.innerText()).not.toContain('Patch kernels');
    expect(problems).toEqual([]);
    await context.close();
  });
});
