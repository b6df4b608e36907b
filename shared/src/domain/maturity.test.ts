import { describe, expect, it } from 'vitest';
import {
  aggregate,
  effectiveLevel,
  invalidVector,
  LEVEL_TEXT,
  loadAround,
  MATURITY_VECTORS,
  matcherHolds,
  parseMatcher,
  technologiesFor,
  vectorConsensus,
  vectorTrends,
  VECTOR_TEXT,
  whereSsaPays,
} from './maturity.js';

describe('maturity vectors and levels', () => {
  it('has the fifteen vectors of the seed, each with its words, and six levels', () => {
    expect(MATURITY_VECTORS).toHaveLength(15);
    for (const v of MATURITY_VECTORS) expect(VECTOR_TEXT[v].text.length).toBeGreaterThan(40);
    expect(LEVEL_TEXT).toHaveLength(6);
  });
});

describe('aggregate', () => {
  it('is the mean of the scored vectors, rounded half up to a level', () => {
    expect(aggregate({})).toEqual({ mean: null, level: null, scored: 0 });
    expect(aggregate({ stability: 3, currency: 4 })).toEqual({ mean: 3.5, level: 4, scored: 2 });
    expect(aggregate({ stability: 3, currency: 3, documentation: 4 })).toEqual({ mean: 3.3, level: 3, scored: 3 });
    const all = Object.fromEntries(MATURITY_VECTORS.map((v) => [v, 5]));
    expect(aggregate(all)).toEqual({ mean: 5, level: 5, scored: 15 });
    const zeros = Object.fromEntries(MATURITY_VECTORS.map((v) => [v, 0]));
    expect(aggregate(zeros)).toEqual({ mean: 0, level: 0, scored: 15 });
  });
  it('an override wins over the computed level', () => {
    expect(effectiveLevel(3, null)).toBe(3);
    expect(effectiveLevel(3, 1)).toBe(1);
    expect(effectiveLevel(null, null)).toBeNull();
  });
  it('names the first vector outside 0..5 or unknown', () => {
    expect(invalidVector({ stability: 3, currency: 5 })).toBeNull();
    expect(invalidVector({ stability: 6 })).toBe('stability');
    expect(invalidVector({ currency: -1 })).toBe('currency');
    expect(invalidVector({ currency: 2.5 })).toBe('currency');
    expect(invalidVector({ speed: 2 })).toBe('speed');
  });
});

describe('trends and consensus', () => {
  it('orders assessments by date and reports each vector’s change', () => {
    const t = vectorTrends([
      { date: '2026-06-01', scores: { stability: 4, currency: 2 } },
      { date: '2026-01-01', scores: { stability: 2 } },
      { date: '2026-03-01', scores: { stability: 3, currency: 3 } },
    ]);
    const stability = t.find((x) => x.vector === 'stability')!;
    expect(stability.points.map((p) => p.score)).toEqual([2, 3, 4]);
    expect(stability.change).toBe(2);
    expect(t.find((x) => x.vector === 'currency')!.change).toBe(-1);
    expect(t.find((x) => x.vector === 'happiness')!).toEqual({ vector: 'happiness', points: [], change: 0 });
  });
  it('consensus is the lower median; agreement means a spread of at most one', () => {
    expect(vectorConsensus([])).toEqual({ median: null, min: null, max: null, agreed: false });
    expect(vectorConsensus([3, 4, 3])).toEqual({ median: 3, min: 3, max: 4, agreed: true });
    expect(vectorConsensus([1, 5, 2, 4])).toEqual({ median: 2, min: 1, max: 5, agreed: false });
  });
});

describe('label rules', () => {
  it('parses Alertmanager-style matchers', () => {
    expect(parseMatcher('job=postgres')).toEqual({ label: 'job', op: '=', value: 'postgres' });
    expect(parseMatcher('service=~"k8s.*"')).toEqual({ label: 'service', op: '=~', value: 'k8s.*' });
    expect(parseMatcher('env != "dev"')).toEqual({ label: 'env', op: '!=', value: 'dev' });
    expect(parseMatcher('nonsense')).toBeNull();
    expect(parseMatcher('x=~"("')).toBeNull();
  });
  it('anchors regular expressions and treats a missing label as empty', () => {
    expect(matcherHolds({ label: 'service', op: '=~', value: 'k8s.*' }, { service: 'k8s-api' })).toBe(true);
    expect(matcherHolds({ label: 'service', op: '=~', value: 'k8s' }, { service: 'my-k8s-api' })).toBe(false);
    expect(matcherHolds({ label: 'env', op: '!=', value: 'dev' }, {})).toBe(true);
    expect(matcherHolds({ label: 'env', op: '!~', value: 'dev|test' }, { env: 'test' })).toBe(false);
  });
  it('names every technology whose matchers all hold, once', () => {
    const rules = [
      { technologyId: 'pg', matchers: [{ label: 'job', op: '=' as const, value: 'postgres' }] },
      { technologyId: 'k8s', matchers: [{ label: 'service', op: '=~' as const, value: 'k8s.*' }, { label: 'env', op: '!=' as const, value: 'dev' }] },
      { technologyId: 'pg', matchers: [{ label: 'service', op: '=' as const, value: 'db' }] },
      { technologyId: 'none', matchers: [] },
    ];
    expect(technologiesFor(rules, { job: 'postgres', service: 'db' })).toEqual(['pg']);
    expect(technologiesFor(rules, { service: 'k8s-etcd', env: 'prod' })).toEqual(['k8s']);
    expect(technologiesFor(rules, { service: 'k8s-etcd', env: 'dev' })).toEqual([]);
  });
});

describe('where SS&A would pay', () => {
  it('ranks low maturity, high interrupt load and low config management first', () => {
    const rows = whereSsaPays([
      { technologyId: 'pg', level: 4, interrupts: 2, configManagedPct: 100 },
      { technologyId: 'nagios', level: 1, interrupts: 10, configManagedPct: 20 },
      { technologyId: 'k8s', level: 3, interrupts: 10, configManagedPct: 80 },
      { technologyId: 'new', level: null, interrupts: 0, configManagedPct: 0 },
    ]);
    expect(rows.map((r) => r.technologyId)).toEqual(['nagios', 'k8s', 'new', 'pg']);
    // nagios: (4/5)*40 + 1*40 + 0.8*20 = 32 + 40 + 16
    expect(rows[0]!.score).toBe(88);
    // k8s and new tie at 60: more interrupts first.
    expect(rows[1]!.score).toBe(60);
    expect(rows[2]!.score).toBe(60);
    expect(rows[2]!.reasons).toContain('never assessed');
    expect(rows[3]!.score).toBe(16);
  });
  it('with no interrupts anywhere, load counts for nothing', () => {
    expect(whereSsaPays([{ technologyId: 'a', level: 5, interrupts: 0, configManagedPct: 100 }])[0]!.score).toBe(0);
  });
  it('compares the weekly interrupt load before and after a maturity rise', () => {
    const weekly = [
      { week: '2026-01-05', count: 6 },
      { week: '2026-01-12', count: 4 },
      { week: '2026-01-19', count: 2 },
      { week: '2026-01-26', count: 1 },
    ];
    expect(loadAround(weekly, '2026-01-19', 4)).toEqual({ before: 5, after: 1.5, fell: true });
    expect(loadAround(weekly, '2027-01-01')).toEqual({ before: 3.3, after: null, fell: null });
  });
});
