/** Card templates per team: anyone who reads the team lists them; admins and POs shape them. */
import { and, asc, eq } from 'drizzle-orm';
import type { CardTemplate, CreateTemplateBody, UpdateTemplateBody } from '@opsboard/shared';
import { decide, requireTeam, roleIn } from '../auth/access.js';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { iso } from '../db/time.js';
import { cardTemplates } from '../db/schema.js';
import { diff } from '../events/changes.js';
import { mutate } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, type Result } from '../http/result.js';

type Row = typeof cardTemplates.$inferSelect;

function toTemplate(r: Row): CardTemplate {
  return { id: r.id, teamId: r.teamId, name: r.name, type: r.type, description: r.description, labels: r.labels, checklist: r.checklist, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
}

const clean = (list: readonly string[] | undefined) => (list === undefined ? undefined : list.map((x) => x.trim()).filter(Boolean));

export async function listTemplates(db: Queryable, userId: string, teamId: string): Promise<Result<CardTemplate[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await db.select().from(cardTemplates).where(eq(cardTemplates.teamId, teamId)).orderBy(asc(cardTemplates.name), asc(cardTemplates.id));
  return ok(rows.map(toTemplate));
}

export async function createTemplate(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: CreateTemplateBody, o: IdempotencyOption): Promise<Result<CardTemplate>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'configure');
    if (!access.ok) return access;
    const name = body.name.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    const [row] = await w.tx
      .insert(cardTemplates)
      .values({ id: deps.newId(), teamId, name, type: body.type, description: body.description ?? '', labels: clean(body.labels) ?? [], checklist: clean(body.checklist) ?? [], createdAt: w.now, updatedAt: w.now })
      .returning();
    const template = toTemplate(row!);
    w.emitTeam(teamId, [{ type: 'template.created', subjectId: template.id, payload: { template } }]);
    return ok(template);
  });
}

/** The template and the caller's role in its team; unknown to non-members (404). */
async function loadTemplate(db: Queryable, userId: string, id: string): Promise<Result<Row>> {
  const [row] = await db.select().from(cardTemplates).where(eq(cardTemplates.id, id)).for('update');
  const access = decide(row ? await roleIn(db, userId, row.teamId) : null, 'configure', 'Template');
  if (!access.ok) return access;
  return ok(row!);
}

export async function updateTemplate(deps: ServiceDeps, auth: AuthInfo, id: string, body: UpdateTemplateBody, o: IdempotencyOption): Promise<Result<CardTemplate>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await loadTemplate(w.tx, auth.user.id, id);
    if (!found.ok) return found;
    const name = body.name?.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    const [row] = await w.tx
      .update(cardTemplates)
      .set({
        ...(name !== undefined && { name }),
        ...(body.type !== undefined && { type: body.type }),
        ...(body.description !== undefined && { description: body.description }),
        ...(body.labels !== undefined && { labels: clean(body.labels) }),
        ...(body.checklist !== undefined && { checklist: clean(body.checklist) }),
        updatedAt: w.now,
      })
      .where(and(eq(cardTemplates.id, id)))
      .returning();
    const before = toTemplate(found.value);
    const template = toTemplate(row!);
    const changes = diff(before, template, ['name', 'type', 'description', 'labels', 'checklist']);
    if (Object.keys(changes).length > 0) w.emitTeam(template.teamId, [{ type: 'template.updated', subjectId: id, payload: { template, changes } }]);
    return ok(template);
  });
}

export async function deleteTemplate(deps: ServiceDeps, auth: AuthInfo, id: string, o: IdempotencyOption): Promise<Result<{ ok: true }>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await loadTemplate(w.tx, auth.user.id, id);
    if (!found.ok) return found;
    await w.tx.delete(cardTemplates).where(eq(cardTemplates.id, id));
    w.emitTeam(found.value.teamId, [{ type: 'template.deleted', subjectId: id, payload: { templateId: id } }]);
    return ok({ ok: true as const });
  });
}
