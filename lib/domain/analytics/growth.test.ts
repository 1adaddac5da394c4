import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYER_KEYS } from '../layers';
import { poolGrowth } from './growth';
import { unvalued, valued } from './test-rows';

const alpha = { chips: '0.6', execution: '0.4' };

describe('poolGrowth', () => {
  /**
   * Revenue, USD millions           2024     2025
   *   Alpha   chips 0.6, exec 0.4   1000     1200   chips 600 → 720, execution 400 → 480
   *   Beta    application 1          200      150   application 200 → 150
   *   Gamma   chips 1                500    missing  drops out: in neither year
   *   November chips 1             missing    800   new: in neither year
   */
  const previous = [
    valued('a', 'Alpha', alpha, '1000'),
    valued('b', 'Beta', { application: '1' }, '200'),
    valued('c', 'Gamma', { chips: '1' }, '500'),
    unvalued('n', 'November', { chips: '1' }, { code: 'no_figure', reason: 'no revenue for FY2024' }),
  ];
  const current = [
    valued('a', 'Alpha', alpha, '1200'),
    valued('b', 'Beta', { application: '1' }, '150'),
    unvalued('c', 'Gamma', { chips: '1' }),
    valued('n', 'November', { chips: '1' }, '800'),
  ];

  it('compares only the companies with a value in both years', () => {
    // chips 600 → 720 = +0.2, not (720 + 800 − 1100) / 1100; total 1200 → 1350 = +0.125.
    expect(poolGrowth(previous, current)).toEqual({
      total: 0.125,
      layers: [
        { key: 'infrastructure', growth: null },
        { key: 'chips', growth: 0.2 },
        { key: 'data', growth: null },
        { key: 'models', growth: null },
        { key: 'execution', growth: 0.2 },
        { key: 'application', growth: -0.25 },
      ],
      companies: 2,
    });
  });

  it('leaves out a company absent from one year’s rows altogether (it left the set)', () => {
    expect(poolGrowth(previous, current.slice(0, 2))).toEqual(poolGrowth(previous, current));
    expect(poolGrowth(previous.slice(0, 2), current)).toEqual(poolGrowth(previous, current));
  });

  it('is null when the earlier pool is ≤ 0, and signed otherwise', () => {
    const year = (chips: string, models: string, application: string) => [
      valued('x', 'X', { chips: '1' }, chips),
      valued('y', 'Y', { models: '1' }, models),
      valued('z', 'Z', { application: '1' }, application),
    ];
    // Operating income: chips −100 → 50, models 0 → 30, application 100 → −50; total 0 → 30.
    const result = poolGrowth(year('-100', '0', '100'), year('50', '30', '-50'));
    expect(result.total).toBeNull();
    expect(result.layers.map((l) => l.growth)).toEqual([null, null, null, null, null, -1.5]);
  });

  it('is exact: 0.3 → 0.6 is +1, and 3 → 1 is −2/3', () => {
    const one = (value: string) => [valued('x', 'X', { data: '0.1' }, value)];
    expect(poolGrowth(one('3'), one('6')).layers[2]?.growth).toBe(1);
    expect(poolGrowth(one('3'), one('1')).layers[2]?.growth).toBe(-2 / 3);
    expect(poolGrowth(one('3'), one('3')).total).toBe(0);
  });

  it('is null everywhere with no company in both years', () => {
    const result = poolGrowth([valued('a', 'A', { chips: '1' }, '1')], [valued('b', 'B', { chips: '1' }, '1')]);
    expect(result.total).toBeNull();
    expect(result.layers.every((l) => l.growth === null)).toBe(true);
    expect(result.companies).toBe(0);
  });
});

describe('poolGrowth properties', () => {
  const value = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => (n / 100).toString());
  const layer = fc.constantFrom(...LAYER_KEYS);
  const company = fc.record({ layer, before: value, after: value });

  it('a company with a value in one year only never changes any growth', () => {
    fc.assert(
      fc.property(fc.array(company, { maxLength: 6 }), company, fc.boolean(), (companies, extra, inPreviousYear) => {
        const year = (pick: 'before' | 'after') =>
          companies.map((c, i) => valued(`c${i}`, `C${i}`, { [c.layer]: '0.5' }, c[pick]));
        const [previous, current] = [year('before'), year('after')];
        const newcomer = valued('x', 'X', { [extra.layer]: '1' }, extra.before);
        const gone = unvalued('x', 'X', { [extra.layer]: '1' });
        const withExtra = inPreviousYear
          ? poolGrowth([...previous, newcomer], [...current, gone])
          : poolGrowth([...previous, gone], [...current, newcomer]);
        expect(withExtra).toEqual(poolGrowth(previous, current));
      }),
    );
  });
});
