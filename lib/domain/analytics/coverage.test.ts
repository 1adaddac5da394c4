import { describe, expect, it } from 'vitest';
import { coverageOf, coverageOfBoth, MISSING_LISTED } from './coverage';
import { unvalued, valued } from './test-rows';

describe('coverageOf', () => {
  it('counts the companies with a value and lists the others sorted by name, case-insensitively', () => {
    const rows = [
      unvalued('z', 'Zeta', { chips: '1' }),
      valued('n', 'Nvidia', { chips: '1' }, '130497'),
      unvalued('e', 'Élan', {}, { code: 'no_fx_rate', reason: 'no EUR rate for 2024' }),
      valued('o', 'Outside Co', {}, '0'),
      unvalued('g', 'eagle', { data: '0.5' }, { code: 'no_figure', reason: 'no revenue for FY2024' }),
    ];
    expect(coverageOf(rows)).toEqual({
      included: 2,
      missing: [
        { id: 'g', name: 'eagle', code: 'no_figure', reason: 'no revenue for FY2024' },
        { id: 'z', name: 'Zeta', code: 'no_figure', reason: 'no revenue for FY2025' },
        { id: 'e', name: 'Élan', code: 'no_fx_rate', reason: 'no EUR rate for 2024' },
      ],
      missingCount: 3,
    });
  });

  it('names the first companies by name when asked for fewer, and counts them all', () => {
    const rows = Array.from({ length: 120 }, (_, i) => unvalued(`id${i}`, `Company ${String(119 - i).padStart(3, '0')}`, {}));
    const { missing, missingCount } = coverageOf(rows, { listed: MISSING_LISTED });
    expect(missingCount).toBe(120);
    expect(missing.map((m) => m.name)).toEqual(Array.from({ length: 50 }, (_, i) => `Company ${String(i).padStart(3, '0')}`));
    expect(coverageOf(rows, { listed: 0 }).missing).toEqual([]);
    expect(coverageOf(rows).missing).toHaveLength(120);
  });

  it('coverageOfBoth: a company missing either metric is missing, with both reasons when it misses both', () => {
    const revenue = coverageOf([valued('a', 'A', {}, '1'), unvalued('b', 'B', {}), unvalued('c', 'C', {})]);
    const capex = coverageOf([
      unvalued('a', 'A', {}, { code: 'no_fx_rate', reason: 'no EUR rate for 2025' }),
      valued('b', 'B', {}, '1'),
      unvalued('c', 'C', {}, { code: 'no_fx_rate', reason: 'no EUR rate for 2025' }),
    ]);
    expect(coverageOfBoth(revenue, capex, { listed: 2 })).toEqual({
      included: 0,
      missing: [
        { id: 'a', name: 'A', code: 'no_fx_rate', reason: 'no EUR rate for 2025' },
        { id: 'b', name: 'B', code: 'no_figure', reason: 'no revenue for FY2025' },
      ],
      missingCount: 3,
    });
    expect(coverageOfBoth(revenue, capex).missing[2]).toEqual({
      id: 'c',
      name: 'C',
      code: 'no_figure',
      reason: 'no revenue for FY2025; no EUR rate for 2025',
    });
    expect(() => coverageOfBoth(coverageOf([unvalued('b', 'B', {})], { listed: 0 }), capex)).toThrow(/list every missing/);
  });

  it('is empty for no companies', () => {
    expect(coverageOf([])).toEqual({ included: 0, missing: [], missingCount: 0 });
  });

  it('refuses a row with neither a value nor a reason, and a company twice', () => {
    const broken = { ...unvalued('x', 'X', {}), missing: null };
    expect(() => coverageOf([broken])).toThrow(/neither a value nor a reason/);
    expect(() => coverageOf([valued('x', 'X', {}, '1'), unvalued('x', 'X', {})])).toThrow(/more than once/);
  });
});
