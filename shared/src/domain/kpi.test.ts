import { describe, expect, it } from 'vitest';
import { currentKpiValue, isMondayDate, judgeKpi, kpiTrend } from './kpi.js';

describe('judgeKpi', () => {
  it('judges with the direction, target inclusive', () => {
    expect(judgeKpi(10, 10, 'higher')).toBe('met');
    expect(judgeKpi(9, 10, 'higher')).toBe('missed');
    expect(judgeKpi(3, 4, 'lower')).toBe('met');
    expect(judgeKpi(5, 4, 'lower')).toBe('missed');
    expect(judgeKpi(null, 4, 'lower')).toBe('no-data');
  });
});

describe('currentKpiValue', () => {
  it('takes the latest value present', () => {
    expect(currentKpiValue([1, 2, null])).toBe(2);
    expect(currentKpiValue([null, null])).toBeNull();
  });
});

describe('kpiTrend', () => {
  it('reads the later half against the earlier half with the direction', () => {
    expect(kpiTrend([1, 2, 3, 4], 'higher')).toBe('improving');
    expect(kpiTrend([1, 2, 3, 4], 'lower')).toBe('worsening');
    expect(kpiTrend([2, null, 2], 'higher')).toBe('flat');
    expect(kpiTrend([5], 'higher')).toBe('no-data');
  });
});

describe('isMondayDate', () => {
  it('accepts only real Mondays', () => {
    expect(isMondayDate('2026-11-30')).toBe(true);
    expect(isMondayDate('2026-12-01')).toBe(false);
    expect(isMondayDate('2026-02-30')).toBe(false);
    expect(isMondayDate('monday')).toBe(false);
  });
});
