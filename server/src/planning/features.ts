/** Features (IDD projects): a feature lead, a goal, a customer, cards across boards and the pairs per iteration (set by the lead, or shown by the cards). */
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import {
  can,
  cardPairs,
  pairingCounts,
  pairsByIteration,
  type Card,
  type CreateFeatureBody,
  type Feature,
  type FeatureDetail,
  type FeaturePairs,
  type FeatureSummary,
  type PairIds,
  type PairingMatrix,
  type Progress,
  type Role,
  type SetPairsBody,
  type UpdateFeatureBody,
} from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { diff } from '../events/changes.js';
import { toCard } from '../boards/mappers.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable, Tx } from '../db/database.js';
import { cards, columns, featurePairs, features, iterations, teamMembers, users } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, refuse, type Result } from '../http/result.js';
import { checkDuty, decide, requireTeam, rolesIn } from '../auth/access.js';

type Opts = IdempotencyOption;
type FeatureRow = typeof features.$inferSelect;

export function toFeature(r: FeatureRow): Feature {
  return {
    id: r.id,
    teamId: r.teamId,
    name: r.name,
    goal: r.goal,
    customer: r.customer,
    status: r.status,
    leadId: r.leadId,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

/** A feature lead assembles pairs and works on the team: a member, po or admin (a guest may be paired, not lead). */
async function checkLead(tx: Queryable, teamId: string, leadId: string): Promise<Result<null>> {
  return checkDuty(await rolesIn(tx, teamId, [leadId]), [leadId], () => 'leadId', 'write', 'a feature lead is a member, po or admin of the team');
}

/** Points and cards of a set of live cards, done meaning in a done column. */
async function progressOf(db: Queryable, where: SQL): Promise<Map<string, Progress>> {
  const rows = await db
    .select({ featureId: cards.featureId, points: cards.points, category: columns.category })
    .from(cards)
    .innerJoin(columns, eq(columns.id, cards.columnId))
    .where(and(where, isNull(cards.archivedAt)));
  const out = new Map<string, Progress>();
  for (const r of rows) {
    if (!r.featureId) continue;
    const p = out.get(r.featureId) ?? { cards: 0, doneCards: 0, points: 0, donePoints: 0 };
    const done = r.category === 'done';
    p.cards++;
    p.points += r.points ?? 0;
    if (done) {
      p.doneCards++;
      p.donePoints += r.points ?? 0;
    }
    out.set(r.featureId, p);
  }
  return out;
}

const EMPTY: Progress = { cards: 0, doneCards: 0, points: 0, donePoints: 0 };

export async function listFeatures(db: Queryable, userId: string, teamId: string): Promise<Result<FeatureSummary[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await db.select().from(features).where(eq(features.teamId, teamId)).orderBy(asc(features.createdAt), asc(features.id));
  const progress = await progressOf(db, eq(cards.teamId, teamId));
  return ok(rows.map((r) => ({ feature: toFeature(r), progress: progress.get(r.id) ?? EMPTY })));
}

export async function featureDetail(db: Queryable, userId: string, featureId: string): Promise<Result<FeatureDetail>> {
  const [row] = await db
    .select({ feature: features, role: teamMembers.role })
    .from(features)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, features.teamId), eq(teamMembers.userId, userId)))
    .where(eq(features.id, featureId));
  const access = decide(row?.role ?? null, 'read', 'Feature');
  if (!access.ok) return access;
  const feature = row!.feature;
  const cardRows = await db.select().from(cards).where(and(eq(cards.featureId, featureId), isNull(cards.archivedAt))).orderBy(asc(cards.boardId), asc(cards.rank));
  const progress = (await progressOf(db, eq(cards.featureId, featureId))).get(featureId) ?? EMPTY;
  const cardList = cardRows.map(toCard);
  return ok({ feature: toFeature(feature), progress, cards: cardList, pairs: await featurePairsOf(db, feature.teamId, featureId, cardList) });
}

/** The feature's pairs per iteration: those the lead set and those its cards show, newest iteration first, cards outside iterations last. */
async function featurePairsOf(db: Queryable, teamId: string, featureId: string, cardList: readonly Card[]): Promise<FeaturePairs[]> {
  const set = await db.select({ iterationId: featurePairs.iterationId, a: featurePairs.userA, b: featurePairs.userB }).from(featurePairs).where(eq(featurePairs.featureId, featureId));
  const its = await db.select({ id: iterations.id, name: iterations.name }).from(iterations).where(eq(iterations.teamId, teamId)).orderBy(desc(iterations.startDate), desc(iterations.createdAt));
  const names = new Map(its.map((i) => [i.id, i.name]));
  const groups = pairsByIteration(
    set.map((p) => ({ iterationId: p.iterationId, pair: [p.a, p.b] })),
    cardList,
    [...its.map((i) => i.id), null],
  );
  return groups.map((g) => ({
    iterationId: g.iterationId,
    iterationName: g.iterationId === null ? null : (names.get(g.iterationId) ?? null),
    pairs: g.set,
    fromCards: g.fromCards,
  }));
}

export async function createFeature(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: CreateFeatureBody, o: Opts): Promise<Result<Feature>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'plan');
    if (!access.ok) return access;
    const name = body.name.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    if (body.leadId) {
      const lead = await checkLead(w.tx, teamId, body.leadId);
      if (!lead.ok) return lead;
    }
    const [row] = await w.tx
      .insert(features)
      .values({
        id: deps.newId(),
        teamId,
        name,
        goal: body.goal ?? '',
        customer: body.customer?.trim() ?? '',
        status: body.status ?? 'proposed',
        leadId: body.leadId ?? null,
        createdAt: w.now,
        updatedAt: w.now,
      })
      .returning();
    const feature = toFeature(row!);
    w.emitTeam(teamId, [{ type: 'feature.created', subjectId: feature.id, payload: { feature } }]);
    return ok(feature);
  });
}

async function lockFeature(tx: Tx, featureId: string, userId: string) {
  const [row] = await tx
    .select({ feature: features, role: teamMembers.role })
    .from(features)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, features.teamId), eq(teamMembers.userId, userId)))
    .where(eq(features.id, featureId))
    .for('update', { of: [features] });
  return row ?? null;
}

/** The PO (po/admin) and the feature's lead may change a feature. */
function canEdit(found: { feature: FeatureRow; role: Role | null } | null, userId: string): Result<FeatureRow> {
  const access = decide(found?.role ?? null, 'read', 'Feature');
  if (!access.ok) return access;
  const lead = found!.feature.leadId === userId;
  const plan = decide(found!.role, 'plan', 'Feature');
  if (!plan.ok && !(lead && can(found!.role, 'write'))) return refuse('forbidden', 'Only the feature lead or the po/admin change a feature.', { permission: 'plan' });
  return ok(found!.feature);
}

export async function updateFeature(deps: ServiceDeps, auth: AuthInfo, featureId: string, body: UpdateFeatureBody, o: Opts): Promise<Result<Feature>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = canEdit(await lockFeature(w.tx, featureId, auth.user.id), auth.user.id);
    if (!found.ok) return found;
    const current = found.value;
    if (body.version !== current.version) {
      return refuse('version_conflict', `The feature changed since you loaded it (now version ${current.version}).`, { current: toFeature(current) });
    }
    const name = body.name?.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    if (body.leadId) {
      const lead = await checkLead(w.tx, current.teamId, body.leadId);
      if (!lead.ok) return lead;
    }
    const [row] = await w.tx
      .update(features)
      .set({
        ...(name !== undefined && { name }),
        ...(body.goal !== undefined && { goal: body.goal }),
        ...(body.customer !== undefined && { customer: body.customer.trim() }),
        ...(body.status !== undefined && { status: body.status }),
        ...(body.leadId !== undefined && { leadId: body.leadId }),
        version: current.version + 1,
        updatedAt: w.now,
      })
      .where(eq(features.id, featureId))
      .returning();
    const feature = toFeature(row!);
    const changes = diff(toFeature(current), feature, ['name', 'goal', 'customer', 'status', 'leadId']);
    w.emitTeam(current.teamId, [{ type: 'feature.updated', subjectId: featureId, payload: { feature, changes } }]);
    return ok(feature);
  });
}

/** Replaces the pairs the lead assembled for the feature in one iteration. */
export async function setPairs(deps: ServiceDeps, auth: AuthInfo, featureId: string, body: SetPairsBody, o: Opts): Promise<Result<FeatureDetail>> {
  const result = await mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = canEdit(await lockFeature(w.tx, featureId, auth.user.id), auth.user.id);
    if (!found.ok) return found;
    const teamId = found.value.teamId;
    const [it] = await w.tx.select({ id: iterations.id }).from(iterations).where(and(eq(iterations.id, body.iterationId), eq(iterations.teamId, teamId)));
    if (!it) return invalidField('iterationId', 'is not an iteration of this team');
    const people = [...new Set(body.pairs.flat())];
    const members = people.length === 0 ? [] : await w.tx.select({ userId: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, people)));
    const known = new Set(members.map((m) => m.userId));
    for (const [i, [a, b]] of body.pairs.entries()) {
      if (!known.has(a)) return invalidField(`pairs[${i}][0]`, 'is not a member of this team');
      if (!known.has(b)) return invalidField(`pairs[${i}][1]`, 'is not a member of this team');
      if (a === b) return invalidField(`pairs[${i}]`, 'a pair is two different people');
    }
    await w.tx.delete(featurePairs).where(and(eq(featurePairs.featureId, featureId), eq(featurePairs.iterationId, body.iterationId)));
    const normalised = body.pairs.map(([a, b]): [string, string] => (a < b ? [a, b] : [b, a]));
    const unique = [...new Map(normalised.map((p) => [p.join(':'), p])).values()];
    if (unique.length > 0) {
      await w.tx.insert(featurePairs).values(unique.map(([a, b]) => ({ featureId, iterationId: body.iterationId, userA: a, userB: b })));
    }
    w.emitTeam(teamId, [{ type: 'feature.pairs_set', subjectId: featureId, payload: { featureId, iterationId: body.iterationId, pairs: unique } }]);
    return ok(null);
  });
  if (!result.ok) return result;
  return featureDetail(deps.database.db, auth.user.id, featureId);
}

/**
 * Who paired with whom over the last N iterations: in how many of them two
 * people were a pair, as a lead set it or as a card's assignees show it.
 */
export async function pairingMatrix(db: Queryable, userId: string, teamId: string, lastN: number): Promise<Result<PairingMatrix>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const its = (await db.select({ id: iterations.id, name: iterations.name }).from(iterations).where(eq(iterations.teamId, teamId)).orderBy(desc(iterations.startDate)).limit(lastN)).reverse();
  const people = await db
    .select({ userId: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, teamId)))
    .orderBy(asc(users.name));
  const entries: { iterationId: string; pair: PairIds }[] = [];
  if (its.length > 0) {
    const ids = its.map((i) => i.id);
    for (const p of await db.select().from(featurePairs).where(inArray(featurePairs.iterationId, ids))) entries.push({ iterationId: p.iterationId, pair: [p.userA, p.userB] });
    const worked = await db
      .select({ iterationId: cards.iterationId, assignees: cards.assigneeIds })
      .from(cards)
      // Archived cards too: the two worked together whether or not the card is still on the board.
      .where(and(eq(cards.teamId, teamId), inArray(cards.iterationId, ids)));
    for (const c of worked) for (const pair of cardPairs(c.assignees)) entries.push({ iterationId: c.iterationId!, pair });
  }
  return ok({ people, iterations: its, counts: pairingCounts(entries) });
}
