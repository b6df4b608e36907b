import { describe, expect, it } from 'vitest';
import { pageTitle } from './page-title';

describe('pageTitle', () => {
  it('puts the most specific part first and the app last', () => {
    expect(pageTitle('Triage', 'Platform Ops')).toBe('Triage · Platform Ops · opsboard');
  });

  it('leaves out parts that are not known yet', () => {
    expect(pageTitle('Iterations', undefined)).toBe('Iterations · opsboard');
    expect(pageTitle(null, '  ')).toBe('opsboard');
  });
});
