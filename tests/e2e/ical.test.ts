/**
 * Issue 15, iCal feeds in the browser: the account page creates the three
 * secret feed URLs and shows them once; they answer with calendars of the
 * person's teams; regenerating kills the old URLs, revoking the new ones.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RotationInfo } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

describe('calendar feeds', () => {
  it('creates the three feed URLs once, serves the rotation and iterations, regenerates and revokes', async () => {
    const team = await createTeam(t.app, 'Calendar crew');
    const rotation = await team.admin.api.put<RotationInfo>(`/api/teams/${team.team.id}/rotation`, { memberIds: [team.byRole.member.id, team.admin.id], handoffWeekday: 1, handoffTime: '09:00', timezone: 'UTC' });
    expect(rotation.status).toBe(200);
    expect((await team.byRole.po.api.post(`/api/teams/${team.team.id}/iterations`, { startDate: new Date().toISOString().slice(0, 10), goal: 'Calendar goal' })).status).toBe(201);

    const { page, context, problems } = await signedInPage(browser, t.baseUrl, team.byRole.member);
    page.on('dialog', (d) => void d.accept());
    await page.goto('/account');
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Calendar feeds' }) });
    await expect.poll(() => section.innerText(), SOON).toContain('No calendar feeds yet');
    await section.getByRole('button', { name: 'Create feed URLs' }).click();
    const urls = page.getByTestId('calendar-urls');
    await urls.waitFor();
    const first = await urls.locator('code').allInnerTexts();
    expect(first).toHaveLength(3);
    const fetchText = async (url: string) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
    };
    const [potw, mine, iterations] = await Promise.all(first.map(fetchText));
    for (const r of [potw!, mine!, iterations!]) {
      expect(r.status).toBe(200);
      expect(r.type).toContain('text/calendar');
      expect(r.text).toContain('BEGIN:VCALENDAR');
    }
    expect(potw!.text).toContain('PoTW Calendar crew');
    expect(mine!.text).toContain('SUMMARY:');
    expect(iterations!.text).toContain('Calendar goal');
    await expect.poll(() => section.innerText(), SOON).toContain('Feeds active since');

    // Shown once: after a reload the URLs are gone from the page.
    await page.reload();
    await expect.poll(() => section.innerText(), SOON).toContain('Feeds active since');
    expect(await page.getByTestId('calendar-urls').count()).toBe(0);

    // Regenerate: new URLs, the old ones stop at once.
    await section.getByRole('button', { name: 'Regenerate URLs' }).click();
    await page.getByTestId('calendar-urls').waitFor();
    const second = await page.getByTestId('calendar-urls').locator('code').allInnerTexts();
    expect(second).not.toEqual(first);
    expect((await fetchText(first[0]!)).status).toBe(404);
    expect((await fetchText(second[0]!)).status).toBe(200);

    // Revoke: nothing answers any more.
    await section.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => section.innerText(), SOON).toContain('No calendar feeds yet');
    for (const url of second) expect((await fetchText(url)).status).toBe(404);
    expect(problems).toEqual([]);
    await context.close();
  });
});
