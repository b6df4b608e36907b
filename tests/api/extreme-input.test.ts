/**
 * Extreme but well-formed input: dates that do not exist or lie far out,
 * leap seconds, and numbers a query string or JSON can spell (Infinity,
 * 1e400). Each is a 400 naming the field that was sent, and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot, Card, Iteration, RotationInfo } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type Api, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

type Err = { error: { code: string; message: string; details?: { field?: string; in?: string } } };

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;
let card: Card;
let hook: { id: string; secret: string };

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  team = await createTeam(t.app, 'Extremes');
  card = (await team.admin.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, { title: 'Existing', dueDate: '2026-12-01' })).body;
  const rotation = await team.admin.api.put<RotationInfo>(`/api/teams/${team.team.id}/rotation`, {
    memberIds: [team.admin.id, team.byRole.member.id],
    handoffWeekday: 1,
    handoffTime: '09:00',
    timezone: 'Europe/Berlin',
  });
  expect(rotation.status).toBe(200);
  const created = await team.admin.api.post<{ webhook: { id: string }; secret: string }>(`/api/teams/${team.team.id}/webhooks`, { name: 'am', kind: 'alertmanager' });
  hook = { id: created.body.webhook.id, secret: created.body.secret };
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

/** What a refusal must not have touched: both boards' and the team's sequence numbers. */
async function seqs(): Promise<number[]> {
  const out: number[] = [];
  for (const id of [team.boards.planned, team.boards.interrupts, team.team.id]) {
    const page = await team.admin.api.get<{ seq: number }>(`/api/boards/${id}/events?since=0&limit=1`);
    out.push(page.body.seq);
  }
  return out;
}

async function refused(send: () => Promise<{ status: number; body: unknown }>, field: string): Promise<Err> {
  const before = await seqs();
  const res = await send();
  const body = res.body as Err;
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(body.error.code).toBe('validation_failed');
  expect(body.error.details?.field).toBe(field);
  expect(await seqs()).toEqual(before);
  return body;
}

const as = (api: Api) => api;

describe('dates that do not exist, or lie out of range, are a 400 naming the field', () => {
  it('400 dueDate for year 0000 on card create and edit', async () => {
    const body = await refused(() => team.admin.api.post(`/api/boards/${team.boards.planned}/cards`, { title: 'Old', dueDate: '0000-01-03' }), 'dueDate');
    expect(body.error.message).toContain('1900-01-01');
    await refused(() => team.admin.api.patch(`/api/cards/${card.id}`, { version: card.version, dueDate: '0000-01-03' }), 'dueDate');
    await refused(() => team.admin.api.patch(`/api/cards/${card.id}`, { version: card.version, dueDate: '2026-02-30' }), 'dueDate');
    await refused(() => team.admin.api.patch(`/api/cards/${card.id}`, { version: card.version, dueDate: '9999-12-31' }), 'dueDate');
  });

  it('400 startDate for iterations in year 0000 or 9999, never a field that was not sent', async () => {
    const iterations = `/api/teams/${team.team.id}/iterations`;
    await refused(() => team.admin.api.post(iterations, { startDate: '0000-01-03' }), 'startDate');
    await refused(() => team.admin.api.post(iterations, { startDate: '9999-12-27' }), 'startDate');
    // In range, but the end it implies is not: the field that was sent is named.
    const late = await refused(() => team.admin.api.post(iterations, { startDate: '2999-12-27' }), 'startDate');
    expect(late.error.message).toContain('2999-12-31');
    const ok = await team.admin.api.post<Iteration>(iterations, { startDate: '2026-03-02' });
    expect(ok.status).toBe(201);
    await refused(() => team.admin.api.patch(`/api/iterations/${ok.body.id}`, { startDate: '0000-01-03' }), 'startDate');
    await refused(() => team.admin.api.patch(`/api/iterations/${ok.body.id}`, { endDate: '0000-01-03' }), 'endDate');
  });

  it('400 for a leap second in a rotation override, and for year 9999 in a week swap', async () => {
    const overrides = `/api/teams/${team.team.id}/rotation/overrides`;
    const leap = '2016-12-31T23:59:60Z';
    await refused(() => team.admin.api.post(overrides, { kind: 'cover', userId: team.byRole.member.id, start: leap, end: '2027-01-02T00:00:00Z' }), 'start');
    await refused(() => team.admin.api.post(overrides, { kind: 'cover', userId: team.byRole.member.id, start: '2026-12-01T00:00:00Z', end: leap }), 'end');
    await refused(() => team.admin.api.post(overrides, { kind: 'swap', weekA: '9999-12-20T12:00:00Z', weekB: '2026-12-07T12:00:00Z' }), 'weekA');
    await refused(() => team.admin.api.post(overrides, { kind: 'swap', weekA: '2026-12-07T12:00:00Z', weekB: '9999-12-20T12:00:00Z' }), 'weekB');
    // The latest week that is accepted still works: its hand-offs lie past 2999, which nothing overflows on.
    const far = await team.admin.api.post(overrides, { kind: 'swap', weekA: '2999-12-30T12:00:00Z', weekB: '2026-12-07T12:00:00Z' });
    expect(far.status, JSON.stringify(far.body)).toBe(201);
  });

  it('400 at for a leap second or year 9999 in GET …/potw?at=', async () => {
    for (const at of ['2016-12-31T23:59:60Z', '9999-12-31T00:00:00Z', '0000-01-03T00:00:00Z']) {
      const res = await as(team.byRole.viewer.api).get<Err>(`/api/teams/${team.team.id}/potw?at=${encodeURIComponent(at)}`);
      expect(res.status, at).toBe(400);
      expect(res.body.error.details).toMatchObject({ field: 'at', in: 'query' });
    }
    const fine = await team.byRole.viewer.api.get<{ at: string }>(`/api/teams/${team.team.id}/potw?at=${encodeURIComponent('2999-12-31T23:59:59Z')}`);
    expect(fine.status).toBe(200);
  });

  it('400 alerts[0].startsAt for a leap second from Alertmanager', async () => {
    const payload = {
      version: '4',
      status: 'firing',
      alerts: [{ status: 'firing', labels: { alertname: 'Leap' }, startsAt: '2016-12-31T23:59:60Z', fingerprint: 'leap1' }],
    };
    await refused(async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/webhooks/${hook.id}`,
        payload: JSON.stringify(payload),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hook.secret}` },
      });
      return { status: res.statusCode, body: JSON.parse(res.body) as unknown };
    }, 'alerts[0].startsAt');
  });
});

describe('numbers a query string or JSON can spell but no counter holds are a 400', () => {
  it('400 since for Infinity, 1e20 and NaN on the events route', async () => {
    for (const since of ['Infinity', '1e20', 'NaN', '-1', '9007199254740992']) {
      const res = await team.admin.api.get<Err>(`/api/boards/${team.boards.planned}/events?since=${since}`);
      expect(res.status, since).toBe(400);
      expect(res.body.error.details?.field, since).toBe('since');
    }
    expect((await team.admin.api.get(`/api/boards/${team.boards.planned}/events?since=9007199254740991`)).status).toBe(200);
  });

  it('400 version for 1e400 (JSON.parse makes it Infinity) and for more than a version column holds', async () => {
    await refused(() => team.admin.api.request('PATCH', `/api/cards/${card.id}`, `{"version": 1e400, "title": "x"}`), 'version');
    await refused(() => team.admin.api.patch(`/api/cards/${card.id}`, { version: 2 ** 31, title: 'x' }), 'version');
    await refused(() => team.admin.api.post(`/api/cards/${card.id}/move`, { toColumnId: card.columnId, version: 2 ** 31 }), 'version');
  });

  it('the snapshot still shows the card as it was', async () => {
    const snapshot = (await team.admin.api.get<BoardSnapshot>(`/api/boards/${team.boards.planned}`)).body;
    expect(snapshot.cards.find((c) => c.id === card.id)).toEqual(card);
  });
});

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
};

/** Alertmanager's `endsAt` is "0001-01-01T00:00:00Z" while an alert fires; opsboard stores and reads nothing from it. */
const UNPARSED_DATE_FIELDS = new Set(['endsAt']);
/** The one pattern for a time of day, HH:MM. */
const CLOCK_TIME = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

describe('the sweep: every input of every route is bounded', () => {
  it('every number a request can carry has a finite minimum and maximum, and every date-like field uses the date or date-time format', async () => {
    const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
      components?: { schemas?: Record<string, JsonSchema> };
    };
    const problems: string[] = [];
    const walk = (schema: JsonSchema | undefined, where: string, name: string, seen: Set<JsonSchema>) => {
      if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
      seen.add(schema);
      if (schema.$ref) walk(doc.components?.schemas?.[schema.$ref.split('/').pop()!], where, name, seen);
      const types = [schema.type ?? []].flat();
      if ((types.includes('number') || types.includes('integer')) && schema.enum === undefined && schema.const === undefined) {
        if (!Number.isFinite(schema.minimum) || !Number.isFinite(schema.maximum)) problems.push(`${where}: ${name} has no finite minimum and maximum`);
      }
      // A wall-clock time of day (HH:MM, such as quiet hours or a digest time) is not a date; its pattern bounds it.
      const timeOfDay = schema.pattern === CLOCK_TIME;
      if (types.includes('string') && /(At|Date|^at|^week[A-Z]|^start|^end)$/.test(name) && !UNPARSED_DATE_FIELDS.has(name) && !timeOfDay) {
        if (schema.format !== 'date' && schema.format !== 'date-time') problems.push(`${where}: ${name} is a date-like string without the date or date-time format`);
      }
      for (const [key, value] of Object.entries(schema.properties ?? {})) walk(value, where, key, seen);
      for (const s of [schema.items ?? [], schema.prefixItems ?? []].flat()) walk(s, where, name, seen);
      if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, where, name, seen);
      for (const s of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) walk(s, where, name, seen);
    };
    let inputs = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        for (const p of op.parameters ?? []) {
          inputs++;
          walk(p.schema, where, p.name, new Set());
        }
        for (const content of Object.values(op.requestBody?.content ?? {})) {
          inputs++;
          walk(content.schema, where, '(body)', new Set());
        }
      }
    }
    expect(inputs).toBeGreaterThan(80);
    expect(problems).toEqual([]);
  });
});
