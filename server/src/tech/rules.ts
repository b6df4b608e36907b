/**
 * Alertmanager label rules: an alert whose labels satisfy every matcher of a
 * rule concerns that rule's technology (`job=postgres`, `service=~"k8s.*"`).
 * Applied once, when the alert first arrives as an interrupt.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { formatMatcher, parseMatcher, technologiesFor, type CreateRuleBody, type LabelMatcher, type TechnologyRule } from '@opsboard/shared';
import { decide, requireTeam } from '../auth/access.js';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { cardTechnologies, teamMembers, technologies, technologyRules } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, type Result } from '../http/result.js';

type RuleRow = typeof technologyRules.$inferSelect;

export function toRule(r: RuleRow): TechnologyRule {
  return { id: r.id, technologyId: r.technologyId, matchers: r.matchers, text: r.matchers.map(formatMatcher).join(', '), createdAt: iso(r.createdAt) };
}

export async function listRules(db: Queryable, userId: string, teamId: string): Promise<Result<TechnologyRule[]>> {
  const access = await requireTeam(db, userId, teamId, 'read');
  if (!access.ok) return access;
  const rows = await db.select().from(technologyRules).where(eq(technologyRules.teamId, teamId)).orderBy(asc(technologyRules.createdAt), asc(technologyRules.id));
  return ok(rows.map(toRule));
}

export async function createRule(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: CreateRuleBody, o: IdempotencyOption): Promise<Result<TechnologyRule>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'configure');
    if (!access.ok) return access;
    const [tech] = await w.tx.select({ id: technologies.id }).from(technologies).where(and(eq(technologies.id, body.technologyId), eq(technologies.teamId, teamId), isNull(technologies.archivedAt)));
    if (!tech) return invalidField('technologyId', 'is not a technology of this team');
    const matchers: LabelMatcher[] = [];
    for (const [i, text] of body.matchers.entries()) {
      const m = parseMatcher(text);
      if (!m) return invalidField(`matchers/${i}`, 'write a matcher like job=postgres or service=~"k8s.*" (a valid regular expression)');
      matchers.push(m);
    }
    const [row] = await w.tx.insert(technologyRules).values({ id: deps.newId(), teamId, technologyId: body.technologyId, matchers, createdAt: w.now }).returning();
    const rule = toRule(row!);
    w.emitTeam(teamId, [{ type: 'technology.rule_added', subjectId: rule.id, payload: { rule } }]);
    return ok(rule);
  });
}

export async function deleteRule(deps: ServiceDeps, auth: AuthInfo, ruleId: string): Promise<Result<null>> {
  return mutate(deps, { actor: { userId: auth.user.id } }, async (w) => {
    const [found] = await w.tx
      .select({ rule: technologyRules, role: teamMembers.role })
      .from(technologyRules)
      .leftJoin(teamMembers, and(eq(teamMembers.teamId, technologyRules.teamId), eq(teamMembers.userId, auth.user.id)))
      .where(eq(technologyRules.id, ruleId))
      .for('update', { of: [technologyRules] });
    const access = decide(found?.role ?? null, 'configure', 'Rule');
    if (!access.ok) return access;
    await w.tx.delete(technologyRules).where(eq(technologyRules.id, ruleId));
    w.emitTeam(found!.rule.teamId, [{ type: 'technology.rule_removed', subjectId: ruleId, payload: { ruleId, technologyId: found!.rule.technologyId } }]);
    return ok(null);
  });
}

/** Names the technologies an arriving alert concerns, by the team's label rules, in the arrival's transaction. */
export async function applyRules(w: WriteContext, teamId: string, cardId: string, labels: Readonly<Record<string, string>>): Promise<string[]> {
  const rows = await w.tx
    .select({ technologyId: technologyRules.technologyId, matchers: technologyRules.matchers })
    .from(technologyRules)
    .innerJoin(technologies, eq(technologies.id, technologyRules.technologyId))
    .where(and(eq(technologyRules.teamId, teamId), isNull(technologies.archivedAt)))
    .orderBy(asc(technologyRules.createdAt), asc(technologyRules.id));
  const named = technologiesFor(rows, labels);
  if (named.length === 0) return named;
  await w.tx
    .insert(cardTechnologies)
    .values(named.map((technologyId) => ({ cardId, technologyId, teamId, origin: 'rule' as const })))
    .onConflictDoNothing();
  w.emitTeam(teamId, [{ type: 'card.technologies_set', subjectId: cardId, payload: { cardId, technologyIds: named, origin: 'rule' } }]);
  return named;
}
