/** Card templates per team: admins and POs shape them, everyone in the team lists them, a card is created from one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, CardTemplate } from '@opsboard/shared';
import { createTeam, createTestDatabase, startTestApp, type TestApp, type TestDatabase, type TestTeam } from '../helpers/harness.js';

let db: TestDatabase;
let t: TestApp;
let team: TestTeam;

type Err = { error: { code: string; details: Record<string, unknown> } };

beforeAll(async () => {
  db = await createTestDatabase();
  t = await startTestApp({ database: db.database });
  team = await createTeam(t.app, 'Templates');
});
afterAll(async () => {
  await t?.close();
  await db?.close();
});

describe('card templates', () => {
  it('a PO creates, edits and deletes a template; members list it; a card is made from it', async () => {
    const url = `/api/teams/${team.team.id}/card-templates`;
    const created = await team.byRole.po.api.post<CardTemplate>(url, {
      name: 'Incident',
      type: 'bug',
      description: '## Impact\n\n## Timeline',
      labels: ['incident'],
      checklist: ['Open a channel', 'Write the postmortem'],
    });
    expect(created.status).toBe(201);
    const edited = await team.byRole.po.api.patch<CardTemplate>(`/api/card-templates/${created.body.id}`, { name: 'Incident (SEV)', labels: ['incident', 'sev'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Incident (SEV)', labels: ['incident', 'sev'], type: 'bug' });

    const listed = await team.byRole.viewer.api.get<CardTemplate[]>(url);
    expect(listed.body.map((x) => x.name)).toEqual(['Incident (SEV)']);

    const tpl = listed.body[0]!;
    const card = await team.byRole.member.api.post<Card>(`/api/boards/${team.boards.planned}/cards`, {
      title: 'VPN down in Berlin',
      type: tpl.type,
      description: tpl.description,
      labels: tpl.labels,
      checklist: tpl.checklist,
    });
    expect(card.status).toBe(201);
    expect(card.body.checklist.map((i) => i.text)).toEqual(['Open a channel', 'Write the postmortem']);
    expect(card.body.labels).toEqual(['incident', 'sev']);

    const gone = await team.byRole.po.api.del(`/api/card-templates/${tpl.id}`);
    expect(gone.status).toBe(200);
    expect((await team.byRole.viewer.api.get<CardTemplate[]>(url)).body).toEqual([]);
  });

  it('a member may not create one; bad input names the field; another team cannot see them', async () => {
    const url = `/api/teams/${team.team.id}/card-templates`;
    expect((await team.byRole.member.api.post<Err>(url, { name: 'Mine', type: 'task' })).status).toBe(403);
    const bad = await team.admin.api.post<Err>(url, { name: 'Ok', type: 'epic' });
    expect(bad.status).toBe(400);
    const blank = await team.admin.api.post<Err>(url, { name: '  ', type: 'task' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.field).toBe('name');
    const mine = await team.admin.api.post<CardTemplate>(url, { name: 'Ops story', type: 'story' });
    const other = await createTeam(t.app, 'Elsewhere');
    expect((await other.admin.api.get(url)).status).toBe(404);
    expect((await other.admin.api.patch(`/api/card-templates/${mine.body.id}`, { name: 'Taken' })).status).toBe(404);
  });
});
