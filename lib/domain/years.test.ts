import { describe, expect, it } from 'vitest';
import { FIRST_YEAR, LAST_YEAR, isYear, yearSchema } from './years';

describe('the accepted year range', () => {
  it('takes 1990 to 2100 inclusive, as numbers or digit strings', () => {
    expect(yearSchema.parse('1990')).toBe(1990);
    expect(yearSchema.parse(2100)).toBe(2100);
    expect([FIRST_YEAR, LAST_YEAR]).toEqual([1990, 2100]);
  });

  it('refuses years outside the range, fractions and words with one message', () => {
    for (const bad of [1989, 2101, 2024.5, 'next year']) {
      const result = yearSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Use a year from 1990 to 2100.');
    }
  });

  it('tells a fiscal-year label such as FY2024 to be written as the year', () => {
    for (const [label, year] of [
      ['FY2024', '2024'],
      ['fy 2023', '2023'],
      ["FY'2022 ", '2022'],
    ])
      expect(yearSchema.safeParse(label).error?.issues.map((i) => i.message)).toEqual([
        `Write the year as ${year}, without "FY".`,
      ]);
    expect(yearSchema.safeParse('FY24').error?.issues[0]?.message).toBe('Use a year from 1990 to 2100.');
  });

  it('agrees with isYear', () => {
    expect([1989, 1990, 2024, 2100, 2101, 2024.5].map(isYear)).toEqual([false, true, true, true, false, false]);
  });
});
