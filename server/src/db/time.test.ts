import { describe, expect, it } from 'vitest';
import { iso } from './time.js';

describe('iso', () => {
  it('normalises Postgres UTC text to toISOString form', () => {
    expect(iso('2026-11-26 00:45:45.707+00')).toBe('2026-11-26T00:45:45.707Z');
    expect(iso('2026-11-26 00:45:45.7+00')).toBe('2026-11-26T00:45:45.700Z');
    expect(iso('2026-11-26 00:45:45+00')).toBe('2026-11-26T00:45:45.000Z');
    expect(iso('2026-11-26 00:45:45.123456+00')).toBe('2026-11-26T00:45:45.123Z');
  });
  it('falls back to Date parsing for other offsets', () => {
    expect(iso('2026-11-26 01:45:45.5+01')).toBe('2026-11-26T00:45:45.500Z');
    expect(iso(null)).toBeNull();
  });
});
