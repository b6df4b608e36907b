/**
 * The technology catalogue (seed 001 steps 10–12): technologies with owners
 * along plan, build and run, their configuration-management share and
 * lifecycle; dated maturity assessments that people score alone, reveal and
 * settle like planning poker; and which technologies a card concerns.
 * Members keep the catalogue and score; po/admin settle, override and archive.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
  aggregate,
  effectiveLevel,
  scoreNumbers,
  MATURITY_VECTORS,
  vectorConsensus,
  type AssessmentSummary,
  type AssessmentView,
  type CardTechnologies,
  type CardTechnologiesBody,
  type CreateTechnologyBody,
  type OpenAssessmentBody,
  type OverrideLevelBody,
  type PersonScores,
  type Role,
  type ScoresBody,
  type Technology,
  type TechOwners,
  type UpdateTechnologyBody,
} from '@opsboard/shared';
import { EMPTY_OWNERS } from '@opsboard/shared';
import { decide, requireTeam, rolesIn } from '../auth/access.js';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable, Tx } from '../db/database.js';
import { cards, cardTechnologies, teamMembers, teams, technologies, technologyAssessments, technologyScores } from '../db/schema.js';
import { iso } from '../db/time.js';
import { diff } from '../events/changes.js';
import { mutate } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, refuse, type Result } from '../http/result.js';

type Opts = IdempotencyOption;
type TechRow = typeof technologies.$inferSelect;
type AssessmentRow = typeof technologyAssessments.$inferSelect;

export function toTechnology(r: TechRow): Technology {
  return {
    id: r.id,
    teamId: r.teamId,
    name: r.name,
    description: r.description,
    links: r.links,
    owners: r.owners,
    configManagedPct: r.configManagedPct,
    environments: r.environments,
    installations: r.installations,
    lifecycle: r.lifecycle,
    computedMean: r.computedMean,
    computedLevel: r.computedLevel,
    overrideLevel: r.overrideLevel,
    overrideReason: r.overrideReason,
    level: effectiveLevel(r.computedLevel, r.overrideLevel),
    lastAssessedOn: r.lastAssessedOn,
    version: r.version,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    archivedAt: iso(r.archivedAt),
  };
}

export function toAssessment(r: AssessmentRow, scorerIds: readonly string[]): AssessmentSummary {
  return {
    id: r.id,
    technologyId: r.technologyId,
    status: r.status,
    assessedOn: r.assessedOn,
    openedBy: r.openedBy,
    openedAt: iso(r.openedAt),
    revealedAt: iso(r.revealedAt),
    settledAt: iso(r.settledAt),
    settledBy: r.settledBy,
    scorerIds: [...scorerIds],
    scores: r.scores ?? null,
    mean: r.mean,
    level: r.level,
  };
}

/** People must be in the team, teams must exist: a 400 names the first that is not. */
async function checkOwners(tx: Queryable, teamId: string, owners: TechOwners): Promise<Result<null>> {
  const people = (['plan', 'build', 'run'] as const).flatMap((line) => owners[line].people.map((id, i) => ({ id, field: `owners/${line}/people/${i}` })));
  const roles = await rolesIn(tx, teamId, people.map((p) => p.id));
  const stranger = people.find((p) => !roles.has(p.id) || roles.get(p.id) === 'guest');
  if (stranger) return invalidField(stranger.field, 'is not a member of the team');
  const teamRefs = (['plan', 'build', 'run'] as const).flatMap((line) => owners[line].teams.map((id, i) => ({ id, field: `owners/${line}/teams/${i}` })));
  if (teamRefs.length > 0) {
    const found = new Set((await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, [...new Set(teamRefs.map((t) => t.id))]))).map((t) => t.id));
    const missing = teamRefs.find((t) => !found.has(t.id));
    if (missing) return invalidField(missing.field, 'no such team');
  }
  return ok(null);
}

async function nameTaken(tx: Queryable, teamId: string, name: string, except: string | null): Promise<boolean> {
  const rows = await tx
    .select({ id: technologies.id, name: technologies.name })
    .from(technologies)
    .where(and(eq(technologies.teamId, teamId), isNull(technologies.archivedAt)));
  return rows.some((r) => r.id !== except && r.name.toLowerCase() === name.toLowerCase());
}

export async function listTechnologies(db: Queryable, userId: string, teamId: string, archived: boolean): Promise<Result<Technology[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await db.select().from(technologies).where(eq(technologies.teamId, teamId)).orderBy(asc(technologies.name), asc(technologies.id));
  return ok(rows.filter((r) => (r.archivedAt !== null) === archived).map(toTechnology));
}

export async function createTechnology(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: CreateTechnologyBody, o: Opts): Promise<Result<Technology>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'write');
    if (!access.ok) return access;
    const name = body.name.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    if (await nameTaken(w.tx, teamId, name, null)) return refuse('conflict', `The team already has a technology called “${name}”.`, { field: 'name' });
    const owners = body.owners ?? EMPTY_OWNERS;
    const checked = await checkOwners(w.tx, teamId, owners);
    if (!checked.ok) return checked;
    const [row] = await w.tx
      .insert(technologies)
      .values({
        id: deps.newId(),
        teamId,
        name,
        description: body.description ?? '',
        links: body.links ?? [],
        owners,
        configManagedPct: body.configManagedPct ?? 0,
        environments: body.environments ?? [],
        installations: body.installations ?? 0,
        lifecycle: body.lifecycle ?? 'adopting',
        createdAt: w.now,
        updatedAt: w.now,
      })
      .returning();
    const technology = toTechnology(row!);
    w.emitTeam(teamId, [{ type: 'technology.created', subjectId: technology.id, payload: { technology } }]);
    return ok(technology);
  });
}

async function lockTechnology(tx: Tx, id: string, userId: string): Promise<{ tech: TechRow; role: Role | null } | null> {
  const [row] = await tx
    .select({ tech: technologies, role: teamMembers.role })
    .from(technologies)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, technologies.teamId), eq(teamMembers.userId, userId)))
    .where(eq(technologies.id, id))
    .for('update', { of: [technologies] });
  return row ?? null;
}

const CHANGE_FIELDS = ['name', 'description', 'links', 'owners', 'configManagedPct', 'environments', 'installations', 'lifecycle', 'overrideLevel', 'overrideReason'] as const;

export async function updateTechnology(deps: ServiceDeps, auth: AuthInfo, id: string, body: UpdateTechnologyBody, o: Opts): Promise<Result<Technology>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await lockTechnology(w.tx, id, auth.user.id);
    const access = decide(found?.role ?? null, 'write', 'Technology');
    if (!access.ok) return access;
    const current = found!.tech;
    if (body.version !== current.version) return refuse('version_conflict', `The technology changed since you loaded it (now version ${current.version}).`, { current: toTechnology(current) });
    const name = body.name?.trim();
    if (name === '') return invalidField('name', 'must not be blank');
    if (name !== undefined && (await nameTaken(w.tx, current.teamId, name, id))) return refuse('conflict', `The team already has a technology called “${name}”.`, { field: 'name' });
    if (body.owners) {
      const checked = await checkOwners(w.tx, current.teamId, body.owners);
      if (!checked.ok) return checked;
    }
    const [row] = await w.tx
      .update(technologies)
      .set({
        ...(name !== undefined && { name }),
        ...(body.description !== undefined && { description: body.description }),
        ...(body.links !== undefined && { links: body.links }),
        ...(body.owners !== undefined && { owners: body.owners }),
        ...(body.configManagedPct !== undefined && { configManagedPct: body.configManagedPct }),
        ...(body.environments !== undefined && { environments: body.environments }),
        ...(body.installations !== undefined && { installations: body.installations }),
        ...(body.lifecycle !== undefined && { lifecycle: body.lifecycle }),
        version: current.version + 1,
        updatedAt: w.now,
      })
      .where(eq(technologies.id, id))
      .returning();
    const technology = toTechnology(row!);
    w.emitTeam(current.teamId, [{ type: 'technology.updated', subjectId: id, payload: { technology, changes: diff(toTechnology(current), technology, [...CHANGE_FIELDS]) } }]);
    return ok(technology);
  });
}

/** Overrides the computed aggregate level with a reason (po/admin); a null level clears the override. */
export async function overrideLevel(deps: ServiceDeps, auth: AuthInfo, id: string, body: OverrideLevelBody, o: Opts): Promise<Result<Technology>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await lockTechnology(w.tx, id, auth.user.id);
    const access = decide(found?.role ?? null, 'plan', 'Technology');
    if (!access.ok) return access;
    const current = found!.tech;
    if (body.version !== current.version) return refuse('version_conflict', `The technology changed since you loaded it (now version ${current.version}).`, { current: toTechnology(current) });
    const reason = body.reason?.trim() ?? '';
    if (body.level !== null && reason === '') return invalidField('reason', 'say why the level differs from the computed one');
    const [row] = await w.tx
      .update(technologies)
      .set({ overrideLevel: body.level, overrideReason: body.level === null ? null : reason, version: current.version + 1, updatedAt: w.now })
      .where(eq(technologies.id, id))
      .returning();
    const technology = toTechnology(row!);
    w.emitTeam(current.teamId, [{ type: 'technology.updated', subjectId: id, payload: { technology, changes: diff(toTechnology(current), technology, ['overrideLevel', 'overrideReason']) } }]);
    return ok(technology);
  });
}

export async function setArchived(deps: ServiceDeps, auth: AuthInfo, id: string, archived: boolean): Promise<Result<Technology>> {
  return mutate(deps, { actor: { userId: auth.user.id } }, async (w) => {
    const found = await lockTechnology(w.tx, id, auth.user.id);
    const access = decide(found?.role ?? null, 'plan', 'Technology');
    if (!access.ok) return access;
    const current = found!.tech;
    if ((current.archivedAt !== null) === archived) return ok(toTechnology(current));
    if (!archived && (await nameTaken(w.tx, current.teamId, current.name, id))) return refuse('conflict', `The team already has a technology called “${current.name}”.`, { field: 'name' });
    const [row] = await w.tx
      .update(technologies)
      .set({ archivedAt: archived ? w.now : null, version: current.version + 1, updatedAt: w.now })
      .where(eq(technologies.id, id))
      .returning();
    const technology = toTechnology(row!);
    w.emitTeam(current.teamId, [{ type: archived ? 'technology.archived' : 'technology.restored', subjectId: id, payload: { technology } }]);
    return ok(technology);
  });
}

// ---- assessments

async function scorersOf(db: Queryable, assessmentId: string): Promise<string[]> {
  const rows = await db.select({ userId: technologyScores.userId }).from(technologyScores).where(eq(technologyScores.assessmentId, assessmentId)).orderBy(asc(technologyScores.submittedAt), asc(technologyScores.userId));
  return rows.map((r) => r.userId);
}

async function allScores(db: Queryable, assessmentId: string): Promise<PersonScores[]> {
  const rows = await db.select().from(technologyScores).where(eq(technologyScores.assessmentId, assessmentId)).orderBy(asc(technologyScores.submittedAt), asc(technologyScores.userId));
  return rows.map((r) => ({ userId: r.userId, scores: r.scores }));
}

export async function openAssessment(deps: ServiceDeps, auth: AuthInfo, technologyId: string, body: OpenAssessmentBody, o: Opts): Promise<Result<AssessmentSummary>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await lockTechnology(w.tx, technologyId, auth.user.id);
    const access = decide(found?.role ?? null, 'write', 'Technology');
    if (!access.ok) return access;
    const tech = found!.tech;
    if (tech.archivedAt !== null) return refuse('conflict', 'This technology is archived; restore it to assess it.');
    const [open] = await w.tx
      .select({ id: technologyAssessments.id })
      .from(technologyAssessments)
      .where(and(eq(technologyAssessments.technologyId, technologyId), inArray(technologyAssessments.status, ['scoring', 'revealed'])));
    if (open) return refuse('conflict', 'An assessment of this technology is already open; settle it first.', { assessmentId: open.id });
    const [row] = await w.tx
      .insert(technologyAssessments)
      .values({ id: deps.newId(), technologyId, teamId: tech.teamId, status: 'scoring', assessedOn: body.assessedOn ?? w.now.slice(0, 10), openedBy: auth.user.id, openedAt: w.now })
      .returning();
    const assessment = toAssessment(row!, []);
    w.emitTeam(tech.teamId, [{ type: 'assessment.opened', subjectId: assessment.id, payload: { assessment } }]);
    return ok(assessment);
  });
}

async function lockAssessment(tx: Tx, id: string, userId: string): Promise<{ row: AssessmentRow; role: Role | null } | null> {
  const [found] = await tx
    .select({ row: technologyAssessments, role: teamMembers.role })
    .from(technologyAssessments)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, technologyAssessments.teamId), eq(teamMembers.userId, userId)))
    .where(eq(technologyAssessments.id, id))
    .for('update', { of: [technologyAssessments] });
  return found ?? null;
}

/** A member's own scores, private until the reveal: the event says who scored, never what. */
export async function submitScores(deps: ServiceDeps, auth: AuthInfo, assessmentId: string, body: ScoresBody, o: Opts): Promise<Result<AssessmentView>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await lockAssessment(w.tx, assessmentId, auth.user.id);
    const access = decide(found?.role ?? null, 'write', 'Assessment');
    if (!access.ok) return access;
    const row = found!.row;
    if (row.status !== 'scoring') return refuse('conflict', 'Scores are revealed already; the team settles one set now.');
    if (Object.keys(body.scores).length === 0) return invalidField('scores', 'score at least one vector');
    await w.tx
      .insert(technologyScores)
      .values({ assessmentId, userId: auth.user.id, scores: body.scores, submittedAt: w.now })
      .onConflictDoUpdate({ target: [technologyScores.assessmentId, technologyScores.userId], set: { scores: body.scores, submittedAt: w.now } });
    const assessment = toAssessment(row, await scorersOf(w.tx, assessmentId));
    w.emitTeam(row.teamId, [{ type: 'assessment.scored', subjectId: assessmentId, payload: { assessment } }]);
    return ok({ assessment, mine: body.scores, revealed: [], consensus: {} });
  });
}

/** Shows everyone's scores (po/admin, or whoever opened it). */
export async function revealAssessment(deps: ServiceDeps, auth: AuthInfo, assessmentId: string): Promise<Result<AssessmentView>> {
  return mutate(deps, { actor: { userId: auth.user.id } }, async (w) => {
    const found = await lockAssessment(w.tx, assessmentId, auth.user.id);
    const read = decide(found?.role ?? null, 'write', 'Assessment');
    if (!read.ok) return read;
    const row = found!.row;
    if (row.openedBy !== auth.user.id) {
      const plan = decide(found!.role, 'plan', 'Assessment');
      if (!plan.ok) return refuse('forbidden', 'Only whoever opened the assessment, or the po/admin, reveals the scores.', { permission: 'plan' });
    }
    if (row.status !== 'scoring') return refuse('conflict', 'The scores are revealed already.');
    const revealed = await allScores(w.tx, assessmentId);
    if (revealed.length === 0) return refuse('conflict', 'Nobody has scored yet.');
    const [updated] = await w.tx.update(technologyAssessments).set({ status: 'revealed', revealedAt: w.now }).where(eq(technologyAssessments.id, assessmentId)).returning();
    const assessment = toAssessment(updated!, revealed.map((r) => r.userId));
    w.emitTeam(row.teamId, [{ type: 'assessment.revealed', subjectId: assessmentId, payload: { assessment, revealed } }]);
    return ok({ assessment, mine: revealed.find((r) => r.userId === auth.user.id)?.scores ?? null, revealed, consensus: consensusOf(revealed) });
  });
}

/** The team's one set of scores (po/admin). The technology's computed level follows the newest settled assessment. */
export async function settleAssessment(deps: ServiceDeps, auth: AuthInfo, assessmentId: string, body: ScoresBody, o: Opts): Promise<Result<AssessmentView>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const found = await lockAssessment(w.tx, assessmentId, auth.user.id);
    const access = decide(found?.role ?? null, 'plan', 'Assessment');
    if (!access.ok) return access;
    const row = found!.row;
    if (row.status === 'settled') return refuse('conflict', 'This assessment is settled already; open a new one.');
    if (Object.keys(body.scores).length === 0) return invalidField('scores', 'score at least one vector');
    const agg = aggregate(scoreNumbers(body.scores));
    const [updated] = await w.tx
      .update(technologyAssessments)
      .set({ status: 'settled', settledAt: w.now, settledBy: auth.user.id, scores: body.scores, mean: agg.mean, level: agg.level })
      .where(eq(technologyAssessments.id, assessmentId))
      .returning();
    const [tech] = await w.tx.select().from(technologies).where(eq(technologies.id, row.technologyId)).for('update');
    let techRow = tech!;
    if (techRow.lastAssessedOn === null || row.assessedOn >= techRow.lastAssessedOn) {
      const [t] = await w.tx
        .update(technologies)
        .set({ computedMean: agg.mean, computedLevel: agg.level, lastAssessedOn: row.assessedOn, version: techRow.version + 1, updatedAt: w.now })
        .where(eq(technologies.id, row.technologyId))
        .returning();
      techRow = t!;
    }
    const revealed = row.status === 'revealed' ? await allScores(w.tx, assessmentId) : [];
    const assessment = toAssessment(updated!, await scorersOf(w.tx, assessmentId));
    const technology = toTechnology(techRow);
    w.emitTeam(row.teamId, [{ type: 'assessment.settled', subjectId: assessmentId, payload: { assessment, technology } }]);
    return ok({ assessment, mine: revealed.find((r) => r.userId === auth.user.id)?.scores ?? null, revealed, consensus: consensusOf(revealed) });
  });
}

function consensusOf(revealed: readonly PersonScores[]): AssessmentView['consensus'] {
  const out: AssessmentView['consensus'] = {};
  if (revealed.length === 0) return out;
  for (const v of MATURITY_VECTORS) {
    const values = revealed.flatMap((r) => (r.scores[v] ? [r.scores[v].score] : []));
    if (values.length > 0) out[v] = vectorConsensus(values);
  }
  return out;
}

/** An assessment as the caller may see it: their own scores, and everyone's once revealed. */
export async function assessmentView(db: Queryable, userId: string, assessmentId: string): Promise<Result<AssessmentView>> {
  const [found] = await db
    .select({ row: technologyAssessments, role: teamMembers.role })
    .from(technologyAssessments)
    .leftJoin(teamMembers, and(eq(teamMembers.teamId, technologyAssessments.teamId), eq(teamMembers.userId, userId)))
    .where(eq(technologyAssessments.id, assessmentId));
  const access = decide(found?.role ?? null, 'read', 'Assessment');
  if (!access.ok) return access;
  const row = found!.row;
  const everyone = await allScores(db, assessmentId);
  const revealed = row.status === 'scoring' ? [] : everyone;
  return ok({
    assessment: toAssessment(row, everyone.map((r) => r.userId)),
    mine: everyone.find((r) => r.userId === userId)?.scores ?? null,
    revealed,
    consensus: consensusOf(revealed),
  });
}

// ---- which technologies a card concerns

export async function cardTechnologiesOf(db: Queryable, userId: string, cardId: string): Promise<Result<CardTechnologies>> {
  const [card] = await db.select({ teamId: cards.teamId }).from(cards).where(eq(cards.id, cardId));
  const access = card ? await requireTeam(db, userId, card.teamId, 'read') : decide(null, 'read', 'Card');
  if (!access.ok) return access;
  return ok({ cardId, technologies: await linkedTo(db, cardId) });
}

async function linkedTo(db: Queryable, cardId: string): Promise<CardTechnologies['technologies']> {
  const rows = await db
    .select({ id: technologies.id, name: technologies.name, origin: cardTechnologies.origin })
    .from(cardTechnologies)
    .innerJoin(technologies, eq(technologies.id, cardTechnologies.technologyId))
    .where(eq(cardTechnologies.cardId, cardId))
    .orderBy(asc(technologies.name));
  return rows;
}

/** Replaces the technologies a card names (anyone who may edit cards). */
export async function setCardTechnologies(deps: ServiceDeps, auth: AuthInfo, cardId: string, body: CardTechnologiesBody, o: Opts): Promise<Result<CardTechnologies>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const [card] = await w.tx.select({ teamId: cards.teamId }).from(cards).where(eq(cards.id, cardId)).for('update');
    const access = card ? await requireTeam(w.tx, auth.user.id, card.teamId, 'write') : decide(null, 'write', 'Card');
    if (!access.ok) return access;
    const teamId = card!.teamId;
    const wanted = [...new Set(body.technologyIds)];
    if (wanted.length > 0) {
      const known = new Set(
        (await w.tx.select({ id: technologies.id }).from(technologies).where(and(eq(technologies.teamId, teamId), isNull(technologies.archivedAt), inArray(technologies.id, wanted)))).map((r) => r.id),
      );
      const index = body.technologyIds.findIndex((id) => !known.has(id));
      if (index >= 0) return invalidField(`technologyIds/${index}`, 'is not a technology of this team');
    }
    const before = await w.tx.select().from(cardTechnologies).where(eq(cardTechnologies.cardId, cardId));
    const origins = new Map(before.map((r) => [r.technologyId, r.origin]));
    await w.tx.delete(cardTechnologies).where(eq(cardTechnologies.cardId, cardId));
    if (wanted.length > 0) {
      await w.tx.insert(cardTechnologies).values(wanted.map((technologyId) => ({ cardId, technologyId, teamId, origin: origins.get(technologyId) ?? ('person' as const) })));
    }
    w.emitTeam(teamId, [{ type: 'card.technologies_set', subjectId: cardId, payload: { cardId, technologyIds: wanted, origin: 'person' } }]);
    return ok({ cardId, technologies: await linkedTo(w.tx, cardId) });
  });
}
