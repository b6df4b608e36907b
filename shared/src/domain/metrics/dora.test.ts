import { describe, expect, it } from 'vitest';
import { doraFigures, failedDeployments, type DeploymentFact } from './dora.js';

const H = 3_600_000;
const dep = (id: string, at: number, extra: Partial<DeploymentFact> = {}): DeploymentFact => ({ id, service: 'api', environment: 'production', status: 'success', deployedAt: at * H, firstCommitAt: null, ...extra });

describe('change failure', () => {
  it('counts deployments reported failed and those an incident followed before the next deployment', () => {
    const deployments = [dep('a', 0), dep('b', 10, { status: 'failure' }), dep('c', 20), dep('d', 30), dep('e', 40, { service: 'web' })];
    // 25h: after c and before d; 45h: after e (web) — but within a's window? no, a's window ended at 10h (next api deploy).
    const failed = failedDeployments(deployments, [{ openedAt: 25 * H, resolvedAt: 27 * H }, { openedAt: 45 * H, resolvedAt: null }]);
    expect([...failed].sort()).toEqual(['b', 'c', 'd', 'e']);
  });
  it('ignores incidents outside the window', () => {
    expect(failedDeployments([dep('a', 0)], [{ openedAt: 30 * H, resolvedAt: null }], 24 * H).size).toBe(0);
  });
});

describe('DORA figures', () => {
  it('gives frequency, lead time, failure rate and time to restore', () => {
    const deployments = [dep('a', 0, { firstCommitAt: -10 * H }), dep('b', 50, { firstCommitAt: 30 * H }), dep('c', 100, { status: 'failure' }), dep('d', 150)];
    const f = doraFigures(deployments, [{ openedAt: 200 * H, resolvedAt: 203 * H }, { openedAt: 300 * H, resolvedAt: 301 * H }], 14 * 24 * H);
    expect(f.deployments).toBe(4);
    expect(f.perWeek).toBe(2);
    expect(f.leadTimeHours.p50).toBe(15);
    expect(f.changeFailureRate).toBe(0.25);
    expect(f.timeToRestoreHours.p50).toBe(2);
    expect(f.restores).toBe(2);
  });
  it('has nulls, not NaN, with no data', () => {
    expect(doraFigures([], [], 7 * 24 * H)).toMatchObject({ changeFailureRate: null, leadTimeHours: { p50: null }, timeToRestoreHours: { p50: null } });
  });
});
