/**
 * Issue 14: a member adds a technology and scores it alone, the po sees who
 * scored (never what) live, reveals and settles; the level shows on everyone's
 * page. An alert rule files an Alertmanager alert under the technology, and
 * the catalogue offers an SS&A card for it.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

describe('technology catalogue', () => {
  it('adds, scores alone, reveals, settles, files alerts by rule and offers SS&A work', async () => {
    const team = await createTeam(t.app, 'Catalogue');
    const { po, member } = team.byRole;

    const m = await signedInPage(browser, t.baseUrl, member);
    await m.page.goto(`/teams/${team.team.id}/technologies`);
    await m.page.getByTestId('new-technology').click();
    const form = m.page.getByTestId('technology-form');
    await form.getByLabel('Name').fill('PostgreSQL');
    await form.getByLabel('Lifecycle').selectOption('core');
    await form.getByLabel('Under configuration management (%)').fill('40');
    await form.getByRole('button', { name: 'Add technology' }).click();
    const row = m.page.getByTestId('tech-ranking').locator('tr[data-technology="PostgreSQL"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('Not assessed');
    expect(await row.innerText()).toContain('40%');
    expect(await m.page.title()).toBe(`Technologies · ${team.team.name} · opsboard`);

    // The member opens an assessment and scores three vectors alone.
    await row.getByRole('link', { name: 'PostgreSQL' }).click();
    await m.page.getByTestId('technology-page').waitFor();
    await m.page.getByTestId('open-assessment').click();
    const mine = m.page.getByTestId('my-scores');
    await mine.waitFor();
    expect(await mine.innerText()).toContain('The support model in place around the infrastructure');
    await mine.locator('[data-vector="stability"]').getByText('2', { exact: true }).click();
    await mine.locator('[data-vector="stability"]').getByLabel('Stability note').fill('member-private-note');
    await mine.locator('[data-vector="recoverability"]').getByText('1', { exact: true }).click();
    await mine.locator('[data-vector="documentation"]').getByText('3', { exact: true }).click();
    expect(await m.page.getByTestId('score-aggregate').first().innerText()).toContain('3 of 15 scored · mean 2 → level 2');
    await mine.getByRole('button', { name: 'Save my scores' }).click();

    // The po sees who scored, never what, then scores, reveals and settles.
    const p = await signedInPage(browser, t.baseUrl, po);
    await p.page.goto(m.page.url());
    const scorers = p.page.getByTestId('assessment-scorers');
    await expect.poll(() => scorers.innerText(), SOON).toContain(member.name);
    expect(await p.page.getByTestId('assessment-panel').innerText()).not.toContain('member-private-note');
    const poForm = p.page.getByTestId('my-scores');
    await poForm.locator('[data-vector="stability"]').getByText('4', { exact: true }).click();
    await poForm.locator('[data-vector="recoverability"]').getByText('3', { exact: true }).click();
    await poForm.getByRole('button', { name: 'Save my scores' }).click();
    await expect.poll(() => m.page.getByTestId('assessment-scorers').innerText(), SOON).toContain(po.name);
    await p.page.getByTestId('reveal-scores').click();
    const revealed = p.page.getByTestId('revealed-scores');
    await revealed.waitFor();
    expect(await revealed.innerText()).toContain('member-private-note');
    // The member's page follows the reveal live.
    await m.page.getByTestId('revealed-scores').waitFor();
    const settle = p.page.getByTestId('settle-scores');
    // Settling starts from the medians: stability 2, recoverability 1, documentation 3 → raise stability to 3.
    await settle.locator('[data-vector="stability"]').getByText('3', { exact: true }).click();
    await settle.getByRole('button', { name: 'Settle these scores' }).click();
    await expect.poll(() => m.page.getByTestId('tech-level-text').innerText(), SOON).toContain('Level 2.');
    await m.page.getByTestId('maturity-radar').waitFor();

    // An alert rule files an Alertmanager alert under PostgreSQL.
    await p.page.goto(`/teams/${team.team.id}/technologies`);
    const rules = p.page.getByTestId('tech-rules');
    await rules.getByLabel('Technology').selectOption({ label: 'PostgreSQL' });
    await rules.getByLabel('Matchers').fill('alertname=~"Postgres.*"');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => rules.innerText(), SOON).toMatch(/alertname=~"Postgres\.\*"\s*→\s*PostgreSQL/);
    const hook = (await team.admin.api.post<{ webhook: { url: string }; secret: string }>(`/api/teams/${team.team.id}/webhooks`, { name: 'am', kind: 'alertmanager' })).body;
    const res = await fetch(hook.webhook.url.replace(/^https?:\/\/[^/]+/, t.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hook.secret}` },
      body: JSON.stringify({
        version: '4',
        status: 'firing',
        receiver: 'opsboard',
        alerts: [{ status: 'firing', labels: { alertname: 'PostgresReplicationLag', severity: 'critical' }, annotations: { summary: 'Lag 45s' }, startsAt: new Date().toISOString(), fingerprint: 'e2e0001', generatorURL: 'http://prom/graph' }],
      }),
    });
    expect(res.status).toBe(200);
    const pgRow = p.page.getByTestId('tech-ranking').locator('tr[data-technology="PostgreSQL"]');
    await expect.poll(() => pgRow.locator('.tech-table__count').innerText(), SOON).toBe('1');

    // Triage offers it: the PoTW sees the technology the rule named, and can change it.
    const triage = await signedInPage(browser, t.baseUrl, team.admin);
    await triage.page.goto(`/teams/${team.team.id}/potw?view=triage`);
    const techs = triage.page.getByTestId('triage-detail').getByTestId('card-technologies');
    await expect.poll(() => techs.innerText(), SOON).toMatch(/PostgreSQL\s*· by alert rule/);

    // The catalogue offers SS&A work for it; the new card shows as its open SS&A work.
    await pgRow.getByRole('button', { name: 'Create an SS&A card for PostgreSQL' }).click();
    await expect.poll(() => pgRow.innerText(), SOON).toContain('Raise the maturity of PostgreSQL');
    await p.page.getByTestId('tech-heatmap').waitFor();
    expect(await p.page.getByTestId('tech-heatmap').innerText()).toContain('PostgreSQL');
  });
});
