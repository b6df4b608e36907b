/** Issue 12: two people write notes, the facilitator reveals, groups and opens voting, and an action becomes a card on the planned board. */
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { BoardSnapshot } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + a.height / 2 + 12, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

describe('retrospective', () => {
  it('runs from private notes to an action card on the planned board', async () => {
    const team = await createTeam(t.app, 'Retro UI');
    const { admin } = team;
    const { member } = team.byRole;
    const fac = await signedInPage(browser, t.baseUrl, admin);
    await fac.page.goto(`/teams/${team.team.id}/retros`);
    await fac.page.getByTestId('retro-title').fill('Sprint 12 retro');
    await fac.page.getByTestId('retro-create').click();
    const page = fac.page.getByTestId('retro-page');
    await page.waitFor();
    const url = new URL(fac.page.url()).pathname;

    const mem = await signedInPage(browser, t.baseUrl, member);
    await mem.page.goto(url);
    const memPage = mem.page.getByTestId('retro-page');
    await memPage.waitFor();
    expect(await mem.page.getByTestId('retro-next').count()).toBe(0); // only the facilitator moves phases

    await fac.page.getByTestId('retro-next').click();
    await expect.poll(() => memPage.getAttribute('data-phase'), SOON).toBe('write');

    await fac.page.getByTestId('note-input-do').fill('Short standups worked');
    await fac.page.getByTestId('note-add-do').click();
    await mem.page.getByTestId('note-input-try').fill('Pair on the runbooks');
    await mem.page.getByTestId('note-add-try').click();
    await expect.poll(() => mem.page.getByTestId('quadrant-try').innerText(), SOON).toContain('Pair on the runbooks');
    // Before the reveal the facilitator sees the member's note counted, not its text.
    await expect.poll(() => fac.page.getByTestId('quadrant-try').innerText(), SOON).toContain('1');
    expect(await page.innerText()).not.toContain('Pair on the runbooks');

    await fac.page.getByTestId('retro-next').click(); // reveal
    await expect.poll(() => memPage.innerText(), SOON).toContain('Short standups worked');
    await expect.poll(() => page.innerText(), SOON).toContain('Pair on the runbooks');

    await fac.page.getByTestId('theme-title').fill('Ways of working');
    await fac.page.getByTestId('theme-add').click();
    const zone = fac.page.getByTestId('zone-Ways of working');
    await zone.waitFor();
    // One note by mouse, the other with its theme menu (no dragging needed).
    const first = fac.page.getByTestId('group-note').filter({ hasText: 'Short standups worked' });
    await drag(fac.page, first.getByRole('button', { name: /Drag note/ }), zone);
    await expect.poll(() => zone.innerText(), SOON).toContain('Short standups worked');
    await fac.page.getByTestId('group-note').filter({ hasText: 'Pair on the runbooks' }).getByTestId('note-theme').selectOption({ label: 'Ways of working' });
    await expect.poll(() => zone.innerText(), SOON).toContain('Pair on the runbooks');
    await expect.poll(() => mem.page.getByTestId('zone-Ways of working').innerText(), SOON).toContain('Pair on the runbooks');

    await fac.page.getByTestId('retro-next').click(); // voting
    await expect.poll(() => memPage.getAttribute('data-phase'), SOON).toBe('vote');
    await mem.page.getByRole('button', { name: 'Vote for Ways of working' }).click();
    await expect.poll(() => mem.page.getByTestId('votes-left').innerText(), SOON).toContain('2 of 3');

    await fac.page.getByTestId('retro-next').click(); // discuss
    await expect.poll(() => page.innerText(), SOON).toContain('1 votes');
    await fac.page.getByTestId('retro-next').click(); // actions
    await fac.page.getByTestId('action-title').fill('Write the restore runbook together');
    await fac.page.getByTestId('action-owner').selectOption({ label: member.name });
    await fac.page.getByTestId('action-add').click();
    await expect.poll(() => fac.page.getByTestId('retro-actions').innerText(), SOON).toContain('Write the restore runbook together');
    await expect.poll(() => mem.page.getByTestId('retro-actions').innerText(), SOON).toContain(member.name);

    const snapshot = (await admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
    const card = snapshot.cards.find((c) => c.title === 'Write the restore runbook together');
    expect(card).toMatchObject({ assigneeIds: [member.id] });
    expect(card!.description).toContain(url);
  });
});
