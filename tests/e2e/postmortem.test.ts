/**
 * Issue 12, blameless postmortem in the browser: opened from a critical
 * Alertmanager interrupt's card with its timeline pre-filled, edited (a
 * teammate's name in the contributing factors is refused beside the field),
 * an action item becomes a linked card on the SS&A board, a teammate's open
 * page follows live, and another team reads it only once it is published.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { BoardSnapshot, Postmortem, WebhookIntakeResult } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

const alert = {
  version: '4',
  groupKey: '{}:{alertname="DiskFull"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'opsboard',
  groupLabels: { alertname: 'DiskFull' },
  commonLabels: { alertname: 'DiskFull' },
  commonAnnotations: {},
  externalURL: 'http://alertmanager.example:9093',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'DiskFull', instance: 'nfs-1:9100', severity: 'critical' },
      annotations: { summary: '/srv is 99% full' },
      startsAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example:9090/graph',
      fingerprint: 'e2e0disk',
    },
  ],
};

describe('blameless postmortem', () => {
  it('opens from a critical interrupt’s card, edits blamelessly, turns an action into a linked card and shares read-only', async () => {
    const team = await createTeam(t.app, 'Postmortem UI');
    const { member, po } = team.byRole;
    const hook = (await team.admin.api.post<{ webhook: { url: string }; secret: string }>(`/api/teams/${team.team.id}/webhooks`, { name: 'am', kind: 'alertmanager' })).body;
    const res = await t.app.inject({ method: 'POST', url: new URL(hook.webhook.url).pathname, payload: JSON.stringify(alert), headers: { 'content-type': 'application/json', authorization: `Bearer ${hook.secret}` } });
    expect(res.statusCode, res.body).toBe(200);
    const cardId = (JSON.parse(res.body) as WebhookIntakeResult).cardIds[0]!;
    expect((await member.api.post(`/api/interrupts/${cardId}/triage`, { action: 'accept' })).status).toBe(200);
    expect((await member.api.post(`/api/interrupts/${cardId}/triage`, { action: 'close', resolution: 'Old snapshots pruned.' })).status).toBe(200);
    // An ordinary card offers no postmortem.
    const plain = (await member.api.post<{ id: string }>(`/api/boards/${team.boards.planned}/cards`, { title: 'Ordinary story' })).body;

    const me = await signedInPage(browser, t.baseUrl, member);
    await me.page.goto(`/boards/${team.boards.planned}?card=${plain.id}`);
    await me.page.getByTestId('card-technologies').waitFor();
    expect(await me.page.getByTestId('card-postmortem').count()).toBe(0);

    await me.page.goto(`/boards/${team.boards.interrupts}?card=${cardId}`);
    await me.page.getByTestId('open-postmortem').click();
    const pmPage = me.page.getByTestId('postmortem-page');
    await pmPage.waitFor();
    const url = new URL(me.page.url()).pathname;
    expect(url).toMatch(/^\/postmortems\/[0-9a-f-]{36}$/);
    const timeline = me.page.getByTestId('pm-timeline');
    await expect.poll(async () => (await timeline.locator('select').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value))).join(','), SOON).toBe('firing,received,triage,resolution');
    expect(await me.page.getByTestId('pm-ttr').innerText()).toContain('from firing to resolution');

    // A teammate has the page open and follows the edits live.
    const other = await signedInPage(browser, t.baseUrl, po);
    await other.page.goto(url);
    await other.page.getByTestId('postmortem-page').waitFor();

    await me.page.getByTestId('pm-summary').fill('/srv filled with old snapshots; writes failed.');
    await me.page.getByTestId('pm-timeline-add').click();
    await me.page.getByLabel('Entry 5: details').fill('Snapshot pruning started');
    await me.page.getByTestId('pm-factors').fill(`${po.name} skipped the pruning job`);
    await me.page.getByTestId('pm-save').click();
    await expect.poll(() => pmPage.getByRole('alert').allInnerTexts(), SOON).toEqual([expect.stringContaining('blameless')]);
    await me.page.getByTestId('pm-factors').fill('The pruning job had no alert when it stopped.');
    await me.page.getByTestId('pm-save').click();
    await expect.poll(() => pmPage.innerText(), SOON).toContain('All changes saved');
    await expect.poll(() => other.page.getByTestId('pm-summary').inputValue(), SOON).toBe('/srv filled with old snapshots; writes failed.');
    await expect.poll(() => other.page.getByTestId('pm-timeline').locator('tbody tr').count(), SOON).toBe(5);

    // An action item becomes a card on the SS&A board, linked to the incident card.
    await me.page.getByTestId('pm-action-title').fill('Alert when the pruning job stops');
    await me.page.getByTestId('pm-action-add').click();
    await expect.poll(() => me.page.getByTestId('pm-actions').innerText(), SOON).toContain('Alert when the pruning job stops');
    const ssa = (await member.api.get<BoardSnapshot>(`/api/boards/${team.boards.selfservice}`)).body;
    const action = ssa.cards.find((c) => c.title === 'Alert when the pruning job stops');
    expect(action?.links).toContainEqual(expect.objectContaining({ cardId }));

    // The card panel now links to it; the team's list shows it.
    await me.page.goto(`/boards/${team.boards.interrupts}?card=${cardId}`);
    await me.page.getByTestId('card-postmortem').getByRole('link').waitFor();
    await me.page.goto(`/teams/${team.team.id}/retros`);
    await expect.poll(() => me.page.getByTestId('postmortem-list').innerText(), SOON).toContain('Postmortem:');

    // Another team's member cannot read it until it is published; then read-only.
    const outsiders = await createTeam(t.app, 'Elsewhere');
    const outsider = await signedInPage(browser, t.baseUrl, outsiders.byRole.member);
    const id = url.split('/').at(-1)!;
    expect((await outsiders.byRole.member.api.get(`/api/postmortems/${id}`)).status).toBe(404);
    await me.page.goto(url);
    await me.page.getByTestId('pm-publish').click();
    await expect.poll(() => me.page.getByTestId('postmortem-page').innerText(), SOON).toContain('Published to the other teams');
    await outsider.page.goto(`/teams/${outsiders.team.id}/retros`);
    await outsider.page.getByRole('link', { name: (await member.api.get<Postmortem>(`/api/postmortems/${id}`)).body.title }).click();
    const shared = outsider.page.getByTestId('postmortem-page');
    await expect.poll(() => shared.innerText(), SOON).toContain('/srv filled with old snapshots; writes failed.');
    expect(await shared.innerText()).toContain('read-only');
    expect(await outsider.page.getByTestId('pm-save').count()).toBe(0);
    expect(await outsider.page.locator('textarea').count()).toBe(0);

    expect(me.problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    expect(other.problems).toEqual([]);
    for (const p of [me, other, outsider]) await p.context.close();
  });
});
