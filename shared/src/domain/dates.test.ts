import { describe, expect, it } from 'vitest';
import { isAcceptableDate, isAcceptableInstant } from './dates.js';

describe('isAcceptableDate', () => {
  it('accepts real calendar dates in range, leap days included', () => {
    for (const d of ['2026-03-02', '1900-01-01', '2999-12-31', '2024-02-29', '2000-02-29']) expect(isAcceptableDate(d), d).toBe(true);
  });

  it('refuses days that do not exist and years out of range', () => {
    for (const d of ['0000-01-03', '1899-12-31', '3000-01-01', '9999-12-27', '2023-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00']) {
      expect(isAcceptableDate(d), d).toBe(false);
    }
  });

  it('refuses anything but YYYY-MM-DD', () => {
    for (const d of ['2026-3-2', '+002026-03-02', '2026-03-02T00:00:00Z', ' 2026-03-02', '20260302', '']) expect(isAcceptableDate(d), d).toBe(false);
  });
});

describe('isAcceptableInstant', () => {
  it('accepts RFC 3339 instants with Z or an offset, with or without fractions', () => {
    for (const t of ['2026-03-02T09:00:00Z', '2026-03-02T09:00:00.123Z', '2026-03-02T09:00:00.123456789+05:30', '2016-12-31T23:59:59Z', '1900-01-01T00:00:00Z', '2999-12-31T23:59:59.999Z', '2026-03-02t09:00:00z']) {
      expect(isAcceptableInstant(t), t).toBe(true);
    }
  });

  it('refuses leap seconds, impossible days and times, and instants out of range', () => {
    for (const t of [
      '2016-12-31T23:59:60Z',
      '2016-12-31T23:59:60.5Z',
      '2026-02-30T10:00:00Z',
      '2026-03-02T24:00:00Z',
      '2026-03-02T09:60:00Z',
      '2026-03-02T09:00:00+24:00',
      '0000-01-03T00:00:00Z',
      '9999-12-31T00:00:00Z',
      '3000-01-01T00:00:00Z',
      '2999-12-31T23:00:00-05:00',
      '1900-01-01T00:30:00+01:00',
    ]) {
      expect(isAcceptableInstant(t), t).toBe(false);
    }
  });

  it('refuses dates without a time, times without seconds or an offset, and other notations', () => {
    for (const t of ['2026-03-02', '2026-03-02T09:00Z', '2026-03-02T09:00:00', '2026-03-02 09:00:00Z', 'Mon, 02 Mar 2026 09:00:00 GMT', '1772442000000', '']) {
      expect(isAcceptableInstant(t), t).toBe(false);
    }
  });
});
