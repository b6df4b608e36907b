/**
 * Demo deployments for the DORA charts: a few a week to two services over the
 * demo's weeks, with commit times, one failed deployment, and a deployment
 * shortly before each critical interrupt (so change failure has an incident to show).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { User } from '@opsboard/shared';
import type { ServiceDeps } from '../context.js';
import { interrupts, teamMembers } from '../db/schema.js';
import { iso } from '../db/time.js';
import { createWebhook } from '../interrupts/webhooks.js';
import { intakeDeployment } from '../metrics/deployments.js';

const HOUR = 3_600_000;

export async function seedDeployments(svc: ServiceDeps, admin: User, end: Date): Promise<void> {
  const [membership] = await svc.database.db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, admin.id)).limit(1);
  if (!membership) return;
  const auth = { user: admin, via: 'token' as const, sessionId: null, tokenHash: null, csrfToken: null };
  const hook = await createWebhook(svc, auth, membership.teamId, { name: 'CI deployments', kind: 'deployment' }, '');
  if (!hook.ok) return;
  const target = { id: hook.value.webhook.id, teamId: membership.teamId };
  const times: { at: number; service: string; status: 'success' | 'failure' }[] = [];
  // Every second or third day for five weeks, alternating services; the 7th one failed.
  for (let i = 0, t = end.getTime() - 35 * 24 * HOUR; t < end.getTime() - 2 * HOUR; i++, t += (i % 2 === 0 ? 2 : 3) * 24 * HOUR) {
    times.push({ at: t, service: i % 3 === 0 ? 'web' : 'api', status: i === 7 ? 'failure' : 'success' });
  }
  const critical = await svc.database.db
    .select({ receivedAt: interrupts.receivedAt })
    .from(interrupts)
    .where(and(eq(interrupts.teamId, membership.teamId), eq(interrupts.severity, 'critical')))
    .orderBy(asc(interrupts.receivedAt));
  for (const c of critical) times.push({ at: Date.parse(iso(c.receivedAt)) - HOUR, service: 'api', status: 'success' });
  times.sort((a, b) => a.at - b.at);
  for (const [i, d] of times.entries()) {
    const commits = [d.at - (6 + (i % 5) * 7) * HOUR, d.at - 3 * HOUR].map((t) => new Date(t).toISOString());
    await intakeDeployment(svc, target, { service: d.service, version: `1.${Math.floor(i / 3)}.${i % 3}`, environment: 'production', status: d.status, deployedAt: new Date(d.at).toISOString(), commitTimes: commits });
  }
}
