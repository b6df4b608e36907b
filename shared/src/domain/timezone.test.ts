import { describe, expect, it } from 'vitest';
import { validTimezone } from './timezone.js';

describe('validTimezone', () => {
  it('accepts IANA names and UTC, refuses anything else', () => {
    expect(validTimezone('Europe/Berlin')).toBe(true);
    expect(validTimezone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(validTimezone('UTC')).toBe(true);
    expect(validTimezone('Mars/Olympus_Mons')).toBe(false);
    expect(validTimezone('')).toBe(false);
  });
});
