/**
 * Issue 10: one browser, several tabs. Each tab keeps its own offline queue; a
 * tab closed while offline hands its queue to a live tab; back online, every
 * change lands exactly once (one accepted request per Idempotency-Key, one event).
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BoardSnapshot, Card, EventsPage } from '@opsboard/shared';
import { createTeam, type TestApp } from '../helpers/harness.js';
import { browserSuite, columnList, dragWithMouse, openBoard, signedInPage, tile, watchProblems, SOON } from '../helpers/browser.js';

let t: TestApp;
let browser: Browser;
browserSuite((suite) => ({ t, browser } = suite));

/** The outbox keys in this browser's storage and the change keys queued under each. */
const queues = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (!key.includes('.outbox.') || !key.includes('.tab.')) continue;
      const ops: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      out[key] = Array.isArray(ops) ? ops.map((op: { cardTitle?: string }) => op.cardTitle ?? '?') : [];
    }
    return out;
  });

describe('offline changes in two tabs', () => {
  it('keeps each tab’s queue, hands a closed tab’s queue to the other, and lands every change exactly once', async () => {
    const team = await createTeam(t.app, 'Tabs');
    const board = team.boards.planned;
    const snapshot = async () => (await team.admin.api.get<BoardSnapshot>(`/api/boards/${board}`)).body;
    const ids = Object.fromEntries((await snapshot()).columns.map((c) => [c.name, c.id]));
    const col = { Backlog: ids.Backlog!, Ready: ids.Ready!, Done: ids.Done! };
    const cards: Record<string, Card> = {};
    for (const title of ['Rotate TLS certs', 'Patch kernels', 'Renew domain']) {
      const res = await team.admin.api.post<Card>(`/api/boards/${board}/cards`, { title, columnId: col.Backlog });
      expect(res.status).toBe(201);
      cards[title] = res.body;
    }
    const startSeq = (await snapshot()).seq;

    const { context, page: a, problems } = await signedInPage(browser, t.baseUrl, team.admin);
    const b = await context.newPage();
    watchProblems(b, problems);
    // Every accepted move, by the Idempotency-Key it carried, from any tab.
    const accepted: string[] = [];
    context.on('response', (res) => {
      if (res.request().method() === 'POST' && /\/api\/cards\/[^/]+\/move$/.test(res.url()) && res.ok()) accepted.push(res.request().headers()['idempotency-key'] ?? '');
    });
    await openBoard(a, board);
    await openBoard(b, board);

    await context.setOffline(true);
    await dragWithMouse(a, tile(a, 'Rotate TLS certs'), columnList(a, col.Ready), 'top');
    await dragWithMouse(a, tile(a, 'Patch kernels'), columnList(a, col.Ready), 'top');
    await dragWithMouse(b, tile(b, 'Renew domain'), columnList(b, col.Done), 'top');
    // Two queues side by side: neither tab wrote over the other's.
    await expect.poll(async () => Object.values(await queues(b)).map((q) => q.sort().join(', ')).sort(), SOON).toEqual(['Patch kernels, Rotate TLS certs', 'Renew domain']);

    // The first tab closes before the network is back: the other takes its queue and shows its changes.
    await a.close();
    await expect.poll(async () => Object.values(await queues(b)).map((q) => q.sort().join(', ')), SOON).toEqual(['Patch kernels, Renew domain, Rotate TLS certs']);
    await expect.poll(() => columnList(b, col.Ready).locator('.tile__title').allInnerTexts(), SOON).toEqual(expect.arrayContaining(['Rotate TLS certs', 'Patch kernels']));

    await context.setOffline(false);
    await expect.poll(async () => {
      const s = await snapshot();
      return ['Rotate TLS certs', 'Patch kernels', 'Renew domain'].map((title) => s.cards.find((c) => c.id === cards[title]!.id)?.columnId);
    }, { timeout: 20_000 }).toEqual([col.Ready, col.Ready, col.Done]);
    await expect.poll(() => b.locator('.tile__sync').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => queues(b), SOON).toEqual({});

    // Exactly once: one accepted request per change, and one event per card.
    expect(accepted).toHaveLength(3);
    expect(new Set(accepted).size).toBe(3);
    const events = (await team.admin.api.get<EventsPage>(`/api/boards/${board}/events?since=${startSeq}`)).body.events;
    const titleOf = (payload: unknown) => (typeof payload === 'object' && payload !== null && 'card' in payload && typeof payload.card === 'object' && payload.card !== null && 'title' in payload.card ? payload.card.title : null);
    const moves = events.filter((e) => e.type === 'card.moved').map((e) => titleOf(e.payload)).sort();
    expect(moves).toEqual(['Patch kernels', 'Renew domain', 'Rotate TLS certs']);
    expect(new Set(events.filter((e) => e.type === 'card.moved').map((e) => e.clientMutationId))).toEqual(new Set(accepted));

    // Offline means failed requests in the console; nothing else may go wrong.
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|WebSocket|Failed to fetch/.test(p))).toEqual([]);
    await context.close();
  });
});
