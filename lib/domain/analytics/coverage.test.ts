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
    const revenue = [valued('a', 'A', {}, '1'), unvalued('b', 'B', {}), unvalued('c', 'C', {})];
    const capex = [
      unvalued('a', 'A', {}, { code: 'no_fx_rate', reason: 'no EUR rate for 2025' }),
      valued('b', 'B', {}, '1'),
      unvalued('c', 'C', {}, { code: 'no_fx_rate', reason: 'no EUR rate for 2025' }),
    ];
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

describe('coverage of exposure profiles (docs/data-contract.md §2)', () => {
  const on = (scope: 'all' | 'revenue' | 'capex' | 'operating_income', fromYear: number | null) => ({ scope, fromYear });
  it('lists the included companies whose shares came from a profile other than the base, by name, capped like missing', () => {
    const rows = [
      { ...valued('b', 'Beta', { chips: '0.9' }, '10'), profile: on('revenue', 2024) },
      { ...valued('a', 'alpha', { infrastructure: '1' }, '5'), profile: on('capex', null) },
      valued('c', 'Gamma', { chips: '1' }, '1'),
      // A missing company is not counted: none of its numbers were used.
      { ...unvalued('d', 'Delta', { chips: '1' }), profile: on('all', 2020) },
    ];
    expect(coverageOf(rows)).toMatchObject({
      included: 3,
      profiles: [
        { id: 'a', name: 'alpha', scope: 'capex', fromYear: null },
        { id: 'b', name: 'Beta', scope: 'revenue', fromYear: 2024 },
      ],
      profilesCount: 2,
    });
    expect(coverageOf(rows, { listed: 1 })).toMatchObject({ profiles: [{ id: 'a' }], profilesCount: 2 });
    // No profile used: the fields are absent.
    expect(coverageOf([valued('c', 'Gamma', { chips: '1' }, '1')])).toEqual({ included: 1, missing: [], missingCount: 0 });
  });

  it('gives a ratio the profiles of the companies it includes, each company and profile once', () => {
    const revenue = [
      { ...valued('a', 'A', { chips: '1' }, '1'), profile: on('all', 2020) },
      { ...valued('b', 'B', { chips: '1' }, '1'), profile: on('revenue', null) },
    ];
    const capex = [
      { ...valued('a', 'A', { infrastructure: '1' }, '1'), profile: on('capex', null) },
      unvalued('b', 'B', { chips: '1' }),
    ];
    expect(coverageOfBoth(revenue, capex)).toMatchObject({
      included: 1,
      profiles: [
        { id: 'a', scope: 'all', fromYear: 2020 },
        { id: 'a', scope: 'capex', fromYear: null },
      ],
      profilesCount: 2,
    });
  });
});
