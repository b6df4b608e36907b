/** Issue 10: the card panel names what history mentions, and shows per-person WIP across the team's boards. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BoardSnapshot, Card, Feature, Iteration } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, openBoard, signedInPage, tile } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

describe('card panel', () => {
  it('history names the iteration, feature and people, even after the iteration is renamed', async () => {
    const team = await createTeam(t.app, 'Names');
    const api = team.admin.api;
    const iteration = (await api.post<Iteration>(`/api/teams/${team.team.id}/iterations`, { name: 'Iteration 14', startDate: '2026-11-23' })).body;
    const feature = (await api.post<Feature>(`/api/teams/${team.team.id}/features`, { name: 'Postgres 16 upgrade' })).body;
    const card = (await api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Upgrade the primary' })).body;
    const edited = await api.patch(`/api/cards/${card.id}`, { version: card.version, iterationId: iteration.id, featureId: feature.id, assigneeIds: [team.byRole.member.id] });
    expect(edited.status).toBe(200);
    expect((await api.patch(`/api/iterations/${iteration.id}`, { name: 'Iteration 14: storage' })).status).toBe(200);

    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, team.boards.planned);
    await tile(page, 'Upgrade the primary').click();
    const history = page.getByTestId('card-panel').getByTestId('history');
    await history.getByText('changed iteration from nothing to Iteration 14: storage').waitFor();
    const text = await history.innerText();
    expect(text).toContain('changed feature from nothing to Postgres 16 upgrade');
    expect(text).toContain(`changed assignees from nobody to ${team.byRole.member.name}`);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the assignee picker counts a person's cards in progress on the team's other boards", async () => {
    const team = await createTeam(t.app, 'Loads');
    const api = team.admin.api;
    const doingOf = async (board: string) => (await api.get<BoardSnapshot>(`/api/boards/${board}`)).body.columns.find((c) => c.category === 'doing')!.id;
    expect((await api.patch(`/api/boards/${team.boards.planned}`, { personWipLimit: 1 })).status).toBe(200);
    const elsewhere = await api.post(`/api/boards/${team.boards.selfservice}/cards`, { title: 'Runbook bot', assigneeIds: [team.byRole.member.id], columnId: await doingOf(team.boards.selfservice) });
    expect(elsewhere.status).toBe(201);
    await api.post(`/api/boards/${team.boards.planned}/cards`, { title: 'Pair on the upgrade', assigneeIds: [team.admin.id], columnId: await doingOf(team.boards.planned) });

    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.admin);
    await openBoard(page, team.boards.planned);
    await tile(page, 'Pair on the upgrade').click();
    const panel = page.getByTestId('card-panel');
    await panel.locator('summary').first().click();
    const member = panel.getByLabel(team.byRole.member.name);
    await expect.poll(() => member.isDisabled(), { timeout: 5_000, interval: 50 }).toBe(true);
    const note = panel.getByTestId('person-wip').filter({ hasText: 'already holds' });
    expect(await note.innerText()).toBe(`${team.byRole.member.name} already holds 1 card in progress (1 on Self-service & automation); the per-person WIP limit is 1.`);
    expect(await panel.getByLabel(team.byRole.po.name).isDisabled()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});
