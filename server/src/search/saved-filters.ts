/** Saved board filters: a person's own, or the team's (po and admin keep those; everyone in the team reads them). */
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { CreateSavedFilterBody, SavedFilter, UpdateSavedFilterBody } from '@opsboard/shared';
import { requireTeam } from '../auth/access.js';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { savedFilters } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, notFound, ok, type Result } from '../http/result.js';

type Row = typeof savedFilters.$inferSelect;

const MAX_PER_OWNER = 50;

const toSavedFilter = (r: Row): SavedFilter => ({
  id: r.id,
  teamId: r.teamId,
  scope: r.ownerId === null ? 'team' : 'personal',
  name: r.name,
  filter: { q: r.filter.q, person: r.filter.person, label: r.filter.label, type: r.filter.type, feature: r.filter.feature },
  createdBy: r.createdBy,
  updatedAt: iso(r.updatedAt),
});

/** The team's filters, then the caller's own, each by name. */
export async function listSavedFilters(db: Queryable, userId: string, teamId: string): Promise<Result<SavedFilter[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await db
    .select()
    .from(savedFilters)
    .where(and(eq(savedFilters.teamId, teamId), or(isNull(savedFilters.ownerId), eq(savedFilters.ownerId, userId))))
    .orderBy(asc(savedFilters.ownerId), asc(savedFilters.name), asc(savedFilters.id));
  const list = rows.map(toSavedFilter);
  return ok([...list.filter((f) => f.scope === 'team'), ...list.filter((f) => f.scope === 'personal')]);
}

function cleanName(name: string): Result<string> {
  const trimmed = name.trim();
  return trimmed === '' ? invalidField('name', 'must not be blank') : ok(trimmed);
}

export async function createSavedFilter(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: CreateSavedFilterBody, o: IdempotencyOption): Promise<Result<SavedFilter>> {
  const name = cleanName(body.name);
  if (!name.ok) return name;
  return mutate<SavedFilter>(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, body.scope === 'team' ? 'plan' : 'read');
    if (!access.ok) return access;
    const ownerId = body.scope === 'team' ? null : auth.user.id;
    const existing = await w.tx
      .select({ id: savedFilters.id })
      .from(savedFilters)
      .where(and(eq(savedFilters.teamId, teamId), ownerId === null ? isNull(savedFilters.ownerId) : eq(savedFilters.ownerId, ownerId)));
    if (existing.length >= MAX_PER_OWNER) return invalidField('scope', `has ${MAX_PER_OWNER} saved filters already; delete one first`);
    const [row] = await w.tx
      .insert(savedFilters)
      .values({ id: deps.newId(), teamId, ownerId, name: name.value, filter: body.filter, createdBy: auth.user.id, createdAt: w.now, updatedAt: w.now })
      .returning();
    const saved = toSavedFilter(row!);
    announce(w, saved);
    return ok(saved);
  });
}

/** Loads a filter the caller may change: their own, or (po, admin) a team filter. Someone else's personal filter does not exist for them. */
async function changeable(w: WriteContext, userId: string, filterId: string): Promise<Result<Row>> {
  const [row] = await w.tx.select().from(savedFilters).where(eq(savedFilters.id, filterId)).for('update');
  if (!row || (row.ownerId !== null && row.ownerId !== userId)) return notFound('Saved filter');
  const access = await requireTeam(w.tx, userId, row.teamId, row.ownerId === null ? 'plan' : 'read');
  return access.ok ? ok(row) : access;
}

export async function updateSavedFilter(deps: ServiceDeps, auth: AuthInfo, filterId: string, body: UpdateSavedFilterBody, o: IdempotencyOption): Promise<Result<SavedFilter>> {
  const name = body.name === undefined ? ok(undefined) : cleanName(body.name);
  if (!name.ok) return name;
  return mutate<SavedFilter>(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await changeable(w, auth.user.id, filterId);
    if (!found.ok) return found;
    const [row] = await w.tx
      .update(savedFilters)
      .set({ ...(name.value !== undefined && { name: name.value }), ...(body.filter !== undefined && { filter: body.filter }), updatedAt: w.now })
      .where(eq(savedFilters.id, filterId))
      .returning();
    const saved = toSavedFilter(row!);
    announce(w, saved);
    return ok(saved);
  });
}

export async function deleteSavedFilter(deps: ServiceDeps, auth: AuthInfo, filterId: string, o: IdempotencyOption): Promise<Result<null>> {
  return mutate<null>(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await changeable(w, auth.user.id, filterId);
    if (!found.ok) return found;
    await w.tx.delete(savedFilters).where(eq(savedFilters.id, filterId));
    if (found.value.ownerId === null) w.emitTeam(found.value.teamId, [{ type: 'saved_filter.deleted', subjectId: filterId, payload: { filterId } }]);
    return ok(null);
  });
}

/** Team filters are news for every open board of the team; personal ones concern nobody else. */
function announce(w: WriteContext, saved: SavedFilter): void {
  if (saved.scope === 'team') w.emitTeam(saved.teamId, [{ type: 'saved_filter.saved', subjectId: saved.id, payload: { filter: saved } }]);
}
