/**
 * The PoTW rotation as stored (versions + overrides) and the questions asked
 * of it: who is on now, who is next, who was on at t. The maths is in
 * shared/src/domain/rotation.ts; this module loads, validates and records.
 */
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import {
  potwNowAndNext,
  scheduledAt,
  shiftAt,
  shiftsBetween,
  swapOverrides,
  validTimezone,
  versionForMembershipChange,
  type OverrideBody,
  type RotationInfo,
  type RotationOverride,
  type RotationOverrideInfo,
  type RotationSettings,
  type RotationVersion,
  type Shift,
} from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import type { Queryable } from '../db/database.js';
import { rotationOverrides, rotationVersions, teams } from '../db/schema.js';
import { iso } from '../db/time.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, notFound, ok, refuse, type Result } from '../http/result.js';
import { checkDuty, requireTeam, rolesIn } from '../auth/access.js';

type Opts = IdempotencyOption;

export interface Rotation {
  versions: RotationVersion[];
  overrides: (RotationOverride & { kind: 'cover' | 'swap'; reason: string | null })[];
}

const WEEK = 7 * 86_400_000;

export async function loadRotation(db: Queryable, teamId: string): Promise<Rotation> {
  const versions = await db.select().from(rotationVersions).where(eq(rotationVersions.teamId, teamId)).orderBy(asc(rotationVersions.effectiveFrom), asc(rotationVersions.createdAt));
  const overrides = await db
    .select()
    .from(rotationOverrides)
    .where(and(eq(rotationOverrides.teamId, teamId), isNull(rotationOverrides.cancelledAt)))
    .orderBy(asc(rotationOverrides.startsAt));
  return {
    versions: versions.map((v) => ({
      effectiveFrom: iso(v.effectiveFrom),
      memberIds: v.memberIds,
      handoffWeekday: v.handoffWeekday,
      handoffTime: v.handoffTime,
      timezone: v.timezone,
      startIndex: v.startIndex,
    })),
    overrides: overrides.map((o) => ({
      id: o.id,
      kind: o.kind,
      start: iso(o.startsAt),
      end: iso(o.endsAt),
      userId: o.userId,
      reason: o.reason,
      createdAt: iso(o.createdAt),
    })),
  };
}

/** Who is PoTW at an instant (null when the team has no rotation yet). */
export async function potwAt(db: Queryable, teamId: string, at: Date): Promise<Shift | null> {
  const rotation = await loadRotation(db, teamId);
  return shiftAt(rotation.versions, rotation.overrides, at);
}

/**
 * The team's acknowledge timeout (escalation to acknowledge). Kept on the team, not in the rotation's
 * versions: it is a rule for now, not part of who was on duty when; it is edited with the rotation.
 */
export async function ackTimeoutOf(db: Queryable, teamId: string): Promise<number | null> {
  const [team] = await db.select({ ackTimeoutMinutes: teams.ackTimeoutMinutes }).from(teams).where(eq(teams.id, teamId));
  return team?.ackTimeoutMinutes ?? null;
}

function settingsOf(versions: readonly RotationVersion[], ackTimeoutMinutes: number | null): RotationSettings | null {
  const v = versions.at(-1);
  return v ? { memberIds: v.memberIds, handoffWeekday: v.handoffWeekday, handoffTime: v.handoffTime, timezone: v.timezone, ackTimeoutMinutes } : null;
}

export function describeRotation(rotation: Rotation, now: Date, ackTimeoutMinutes: number | null): RotationInfo {
  const { current, next } = potwNowAndNext(rotation.versions, rotation.overrides, now);
  const upcoming = shiftsBetween(rotation.versions, rotation.overrides, now, new Date(now.getTime() + 8 * WEEK)).slice(0, 12);
  const overrides: RotationOverrideInfo[] = rotation.overrides.filter((o) => new Date(o.end) > now);
  return { settings: settingsOf(rotation.versions, ackTimeoutMinutes), current, next, upcoming, overrides };
}

export async function rotationInfo(deps: ServiceDeps, userId: string, teamId: string): Promise<Result<RotationInfo>> {
  const access = await requireTeam(deps.database.db, userId, teamId, 'read');
  if (!access.ok) return access;
  const db = deps.database.db;
  return ok(describeRotation(await loadRotation(db, teamId), deps.clock(), await ackTimeoutOf(db, teamId)));
}

const POTW_DUTY = 'the Person of the Week triages, so it is a member, po or admin';

/** Everyone on the rotation (or covering a week) must be able to triage: guests and viewers cannot. */
async function checkOnDuty(db: Queryable, teamId: string, userIds: readonly string[], field: (index: number) => string): Promise<Result<null>> {
  return checkDuty(await rolesIn(db, teamId, userIds), userIds, field, 'write', POTW_DUTY);
}

async function appendVersion(w: WriteContext, teamId: string, version: RotationVersion, newId: () => string, ackTimeoutMinutes: number | null): Promise<void> {
  await w.tx.insert(rotationVersions).values({
    id: newId(),
    teamId,
    effectiveFrom: version.effectiveFrom,
    memberIds: version.memberIds,
    handoffWeekday: version.handoffWeekday,
    handoffTime: version.handoffTime,
    timezone: version.timezone,
    startIndex: version.startIndex,
    createdAt: w.now,
    createdBy: w.actor.userId,
  });
  const settings = { memberIds: version.memberIds, handoffWeekday: version.handoffWeekday, handoffTime: version.handoffTime, timezone: version.timezone, ackTimeoutMinutes };
  w.emitTeam(teamId, [{ type: 'rotation.updated', subjectId: teamId, payload: { settings } }]);
}

/**
 * Sets the rotation from now on. Whoever is on duty stays on until the next
 * hand-off if they are still in the list; the order then continues from them.
 * `ackTimeoutMinutes`, when given, sets the team's acknowledge timeout too.
 */
export async function updateRotation(deps: ServiceDeps, auth: AuthInfo, teamId: string, settings: RotationSettings, o: Opts): Promise<Result<RotationInfo>> {
  if (!validTimezone(settings.timezone)) return invalidField('timezone', 'is not an IANA time zone such as Europe/Berlin');
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'administer');
    if (!access.ok) return access;
    const [team] = await w.tx.select({ ackTimeoutMinutes: teams.ackTimeoutMinutes }).from(teams).where(eq(teams.id, teamId)).for('update');
    const onDutyOk = await checkOnDuty(w.tx, teamId, settings.memberIds, (i) => `memberIds[${i}]`);
    if (!onDutyOk.ok) return onDutyOk;
    const { ackTimeoutMinutes: wanted, ...schedule } = settings;
    const ackTimeoutMinutes = wanted === undefined ? (team?.ackTimeoutMinutes ?? null) : wanted;
    if (wanted !== undefined) await w.tx.update(teams).set({ ackTimeoutMinutes }).where(eq(teams.id, teamId));
    const rotation = await loadRotation(w.tx, teamId);
    const now = new Date(w.now);
    const onDuty = scheduledAt(rotation.versions, now)?.userId ?? null;
    let startIndex = onDuty ? settings.memberIds.indexOf(onDuty) : -1;
    if (startIndex < 0 && rotation.versions.length > 0 && scheduledAt(rotation.versions, now)) {
      startIndex = versionForMembershipChange(rotation.versions, now, settings.memberIds).startIndex;
    }
    const version: RotationVersion = { effectiveFrom: w.now, ...schedule, startIndex: Math.max(0, startIndex) };
    await appendVersion(w, teamId, version, deps.newId, ackTimeoutMinutes);
    return ok(describeRotation({ ...rotation, versions: [...rotation.versions, version] }, now, ackTimeoutMinutes));
  });
}

/** Inside a member's removal: the rotation carries on without them from now. */
export async function dropFromRotation(w: WriteContext, teamId: string, userId: string, newId: () => string): Promise<void> {
  const rotation = await loadRotation(w.tx, teamId);
  const latest = rotation.versions.at(-1);
  if (!latest || !latest.memberIds.includes(userId)) return;
  const now = new Date(w.now);
  const memberIds = latest.memberIds.filter((id) => id !== userId);
  const version = scheduledAt(rotation.versions, now)
    ? versionForMembershipChange(rotation.versions, now, memberIds)
    : { ...latest, effectiveFrom: w.now, memberIds, startIndex: 0 };
  await appendVersion(w, teamId, version, newId, await ackTimeoutOf(w.tx, teamId));
}

export async function addOverride(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: OverrideBody, o: Opts): Promise<Result<RotationInfo>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'administer');
    if (!access.ok) return access;
    await w.tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for('update');
    const rotation = await loadRotation(w.tx, teamId);
    const rows: { kind: 'cover' | 'swap'; start: string; end: string; userId: string }[] = [];
    if (body.kind === 'cover') {
      if (new Date(body.end) <= new Date(body.start)) return invalidField('end', 'must be after start');
      if (new Date(body.end).getTime() - new Date(body.start).getTime() > 366 * 86_400_000) return invalidField('end', 'a cover spans at most a year');
      const cover = await checkOnDuty(w.tx, teamId, [body.userId], () => 'userId');
      if (!cover.ok) return cover;
      rows.push({ kind: 'cover', start: new Date(body.start).toISOString(), end: new Date(body.end).toISOString(), userId: body.userId });
    } else {
      if (rotation.versions.length === 0) return refuse('conflict', 'Set up the rotation before swapping weeks.');
      const pair = swapOverrides(rotation.versions, new Date(body.weekA), new Date(body.weekB), { a: deps.newId(), b: deps.newId() }, w.now);
      if (pair.length === 0) return invalidField('weekB', 'nobody is scheduled in one of the two weeks');
      for (const p of pair) rows.push({ kind: 'swap', start: p.start, end: p.end, userId: p.userId });
    }
    for (const r of rows) {
      const id = deps.newId();
      await w.tx.insert(rotationOverrides).values({
        id,
        teamId,
        kind: r.kind,
        startsAt: r.start,
        endsAt: r.end,
        userId: r.userId,
        reason: body.reason?.trim() || null,
        createdAt: w.now,
        createdBy: auth.user.id,
      });
      w.emitTeam(teamId, [{ type: 'rotation.override_added', subjectId: id, payload: { overrideId: id, userId: r.userId, start: r.start, end: r.end } }]);
    }
    return ok(describeRotation(await loadRotation(w.tx, teamId), new Date(w.now), await ackTimeoutOf(w.tx, teamId)));
  });
}

export async function removeOverride(deps: ServiceDeps, auth: AuthInfo, teamId: string, overrideId: string, o: Opts): Promise<Result<RotationInfo>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'administer');
    if (!access.ok) return access;
    const rows = await w.tx
      .update(rotationOverrides)
      .set({ cancelledAt: w.now })
      .where(and(eq(rotationOverrides.id, overrideId), eq(rotationOverrides.teamId, teamId), isNull(rotationOverrides.cancelledAt), gt(rotationOverrides.endsAt, w.now)))
      .returning({ id: rotationOverrides.id });
    if (rows.length === 0) return notFound('Override');
    w.emitTeam(teamId, [{ type: 'rotation.override_removed', subjectId: overrideId, payload: { overrideId } }]);
    return ok(describeRotation(await loadRotation(w.tx, teamId), new Date(w.now), await ackTimeoutOf(w.tx, teamId)));
  });
}
