/**
 * The four DORA measures from deployments and incidents (epoch milliseconds):
 * - deployment frequency: successful-or-not deployments per week;
 * - lead time for changes: oldest commit → deployed, per deployment;
 * - change failure rate: share of deployments that failed, either reported
 *   failed by CI or followed by an incident (a critical interrupt) on the
 *   team before the same service's next deployment, within `incidentWindowMs`;
 * - time to restore: incident opened → resolved.
 */
import { percentile } from '../stats.js';

export interface DeploymentFact {
  id: string;
  service: string;
  environment: string;
  status: 'success' | 'failure';
  deployedAt: number;
  firstCommitAt: number | null;
}

export interface IncidentFact {
  openedAt: number;
  resolvedAt: number | null;
}

const HOUR = 3_600_000;
const hours = (ms: number) => Math.round((ms / HOUR) * 10) / 10;
const pct = (values: number[]) => {
  const r = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return { p50: r(percentile(values, 50)), p85: r(percentile(values, 85)), p95: r(percentile(values, 95)) };
};

/** Ids of deployments that failed or that an incident followed. */
export function failedDeployments(deployments: readonly DeploymentFact[], incidents: readonly IncidentFact[], incidentWindowMs = 24 * HOUR): Set<string> {
  const failed = new Set<string>();
  const sorted = [...deployments].sort((a, b) => a.deployedAt - b.deployedAt);
  for (let i = 0; i < sorted.length; i++) {
    const d = sorted[i]!;
    if (d.status === 'failure') {
      failed.add(d.id);
      continue;
    }
    const next = sorted.slice(i + 1).find((n) => n.service === d.service && n.environment === d.environment);
    const until = Math.min(d.deployedAt + incidentWindowMs, next?.deployedAt ?? Infinity);
    if (incidents.some((inc) => inc.openedAt >= d.deployedAt && inc.openedAt < until)) failed.add(d.id);
  }
  return failed;
}

export interface DoraFigures {
  deployments: number;
  perWeek: number | null;
  leadTimeHours: { p50: number | null; p85: number | null; p95: number | null };
  changeFailureRate: number | null;
  failed: Set<string>;
  timeToRestoreHours: { p50: number | null; p85: number | null; p95: number | null };
  restores: number;
}

export function doraFigures(deployments: readonly DeploymentFact[], incidents: readonly IncidentFact[], rangeMs: number): DoraFigures {
  const failed = failedDeployments(deployments, incidents);
  const leads = deployments.filter((d) => d.firstCommitAt !== null).map((d) => hours(d.deployedAt - d.firstCommitAt!));
  const restores = incidents.filter((i) => i.resolvedAt !== null).map((i) => hours(i.resolvedAt! - i.openedAt));
  const weeks = rangeMs / (7 * 24 * HOUR);
  return {
    deployments: deployments.length,
    perWeek: weeks > 0 ? Math.round((deployments.length / weeks) * 10) / 10 : null,
    leadTimeHours: pct(leads),
    changeFailureRate: deployments.length === 0 ? null : Math.round((failed.size / deployments.length) * 1000) / 1000,
    failed,
    timeToRestoreHours: pct(restores),
    restores: restores.length,
  };
}
