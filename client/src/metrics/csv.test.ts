import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes commas, quotes and formulas', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['=SUM(A1)', 3], [null, -2]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),3\r\n,-2\r\n');
  });
});
