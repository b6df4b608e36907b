/** Issue 15, conversation: a comment with an @mention picked from the autocomplete reaches the person's bell live; edit, delete and a reaction. */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mentionHandle, type Card } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, openBoard, signedInPage, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

describe('comments and mentions', () => {
  it('mention via autocomplete, live bell for the mentioned person, live comment for the other viewer, edit, reaction, delete', async () => {
    const team = await createTeam(t.app, 'Chat');
    const board = team.boards.planned;
    const card = (await team.admin.api.post<Card>(`/api/boards/${board}/cards`, { title: 'Rotate the etcd certificates' })).body;
    const po = team.byRole.po;

    const alex = await signedInPage(browser, t.baseUrl, team.admin);
    const sam = await signedInPage(browser, t.baseUrl, po);
    await sam.page.goto('/teams');
    await sam.page.getByTestId('bell').waitFor();
    const member = await signedInPage(browser, t.baseUrl, team.byRole.member);
    await openBoard(member.page, board);
    await member.page.goto(`/boards/${board}?card=${card.id}`);
    await member.page.getByTestId('comments').waitFor();

    await openBoard(alex.page, board);
    await alex.page.goto(`/boards/${board}?card=${card.id}`);
    const comments = alex.page.getByTestId('comments');
    await comments.waitFor();
    const input = alex.page.getByTestId('comment-input');
    await input.click();
    await input.pressSequentially('Can you renew these by Friday, @chat.p');
    const option = alex.page.getByRole('listbox', { name: 'People to mention' }).getByRole('option', { name: /Chat po/ });
    await option.waitFor();
    await input.press('Enter');
    await expect.poll(() => input.inputValue(), SOON).toBe(`Can you renew these by Friday, @${mentionHandle(po.email)} `);
    await input.pressSequentially('**thanks**');
    await alex.page.getByRole('button', { name: 'Comment', exact: true }).click();
    const item = comments.getByTestId('comment').first();
    await expect.poll(() => item.locator('strong').last().textContent(), SOON).toBe('thanks');

    // The mentioned person's bell counts it without a reload; the other viewer sees the comment live.
    await expect.poll(() => sam.page.getByTestId('bell-count').textContent(), SOON).toBe('1');
    await sam.page.getByTestId('bell').click();
    await expect.poll(() => sam.page.getByTestId('bell-panel').textContent(), SOON).toContain('mentioned you on');
    const live = member.page.getByTestId('comments').getByTestId('comment');
    await expect.poll(() => live.count(), SOON).toBe(1);

    // Edit.
    await item.getByRole('button', { name: 'Edit' }).click();
    const editor = item.getByRole('combobox', { name: 'Edit the comment' });
    await editor.fill('Renewed already, never mind');
    await item.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => item.locator('.comment__body').textContent(), SOON).toContain('Renewed already');
    await expect.poll(() => live.first().locator('.comment__body').textContent(), SOON).toContain('Renewed already');

    // Reaction, seen by the other viewer.
    await item.getByRole('button', { name: 'Add a reaction' }).click();
    await item.getByRole('button', { name: /^🎉 0/ }).click();
    await expect.poll(() => item.getByRole('button', { name: /^🎉 1, yours/ }).count(), SOON).toBe(1);
    await expect.poll(() => live.first().getByRole('button', { name: /^🎉 1/ }).count(), SOON).toBe(1);

    // Delete.
    alex.page.once('dialog', (d) => void d.accept());
    await item.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => comments.getByTestId('comment').count(), SOON).toBe(0);
    await expect.poll(() => live.count(), SOON).toBe(0);

    expect([...alex.problems, ...sam.problems, ...member.problems]).toEqual([]);
    for (const p of [alex, sam, member]) await p.context.close();
  });
});
