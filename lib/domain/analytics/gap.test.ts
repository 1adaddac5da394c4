import { describe, expect, it } from 'vitest';
import { requiredRevenueGap } from './gap';
import { unvalued, valued } from './test-rows';

/**
 * Revenue, USD millions:
 *   Alpha Foundry  chips 0.6, execution 0.4   1000 → chips 600
 *   Gamma Chips    chips 1                     300 → chips 300
 *   Mike Memory    chips 1                   missing
 *   Xray Apps      application 1               500 → application 500
 *   Beta Retail    application 0.7             500 → application 350, estimated
 *   Oscar          application 1             missing
 * C = 900, application pool = 850.
 */
const set = [
  valued('a', 'Alpha Foundry', { chips: '0.6', execution: '0.4' }, '1000'),
  valued('c', 'Gamma Chips', { chips: '1' }, '300'),
  unvalued('m', 'Mike Memory', { chips: '1' }),
  valued('x', 'Xray Apps', { application: '1' }, '500'),
  valued('b', 'Beta Retail', { application: '0.7' }, '500', { estimated: true }),
  unvalued('o', 'Oscar', { application: '1' }, { code: 'no_fx_rate', reason: 'no JPY rate for 2025' }),
];

describe('requiredRevenueGap', () => {
  it('with g = 0.5 and m = 0.5 requires 4 × C: 3600 against 850, a gap of 2750', () => {
    expect(requiredRevenueGap({ chips: set, application: set, g: 0.5, m: 0.5 })).toEqual({
      chips: 900,
      required: 3600,
      application: 850,
      gap: 2750,
      estimated: true,
      coverage: {
        chips: {
          included: 2,
          missing: [{ id: 'm', name: 'Mike Memory', code: 'no_figure', reason: 'no revenue for FY2025' }],
          missingCount: 1,
        },
        application: {
          included: 2,
          missing: [{ id: 'o', name: 'Oscar', code: 'no_fx_rate', reason: 'no JPY rate for 2025' }],
          missingCount: 1,
        },
      },
    });
  });

  it('divides by g and by 1 − m exactly', () => {
    const gap = (g: number, m: number) => requiredRevenueGap({ chips: set, application: set, g, m });
    expect(gap(0.4, 0.6)).toMatchObject({ required: 5625, gap: 4775 }); // 900 / 0.4 / 0.4
    expect(gap(0.3, 0.25)).toMatchObject({ required: 4000, gap: 3150 }); // 900 / 0.225
    expect(gap(1, 0)).toMatchObject({ required: 900, gap: 50 });
    // 900 / 0.42 = 2142.857142857…, rounded to 6 decimals; the gap is taken before rounding.
    expect(gap(0.7, 0.4)).toMatchObject({ required: 2142.857143, gap: 1292.857143 });
  });

  it('takes C from the chips input alone, e.g. the companies on a chips list', () => {
    const chipsList = [valued('c', 'Gamma Chips', { chips: '1' }, '300')];
    expect(requiredRevenueGap({ chips: chipsList, application: set, g: 0.5, m: 0.5 })).toMatchObject({
      chips: 300,
      required: 1200,
      application: 850,
      gap: 350,
      coverage: { chips: { included: 1, missing: [], missingCount: 0 } },
    });
  });

  it('gives a negative gap when application revenue exceeds the requirement', () => {
    const chips = [valued('c', 'Gamma Chips', { chips: '1' }, '100')];
    expect(requiredRevenueGap({ chips, application: set, g: 0.5, m: 0.5 })).toMatchObject({ required: 400, gap: -450 });
  });

  it('covers only the companies exposed to each layer, and flags estimates only from those', () => {
    const others = [valued('e', 'Echo', { execution: '1' }, '7', { estimated: true }), unvalued('z', 'Zulu', { data: '1' })];
    const result = requiredRevenueGap({ chips: others, application: others, g: 0.5, m: 0.5 });
    expect(result).toEqual({
      chips: 0,
      required: 0,
      application: 0,
      gap: 0,
      estimated: false,
      coverage: {
        chips: { included: 0, missing: [], missingCount: 0 },
        application: { included: 0, missing: [], missingCount: 0 },
      },
    });
  });

  it('refuses g outside (0, 1] and m outside [0, 1)', () => {
    const gap = (g: number, m: number) => () => requiredRevenueGap({ chips: set, application: set, g, m });
    for (const g of [0, -0.5, 1.01, Number.NaN, Number.POSITIVE_INFINITY]) expect(gap(g, 0.5)).toThrow(RangeError);
    for (const m of [1, -0.01, 1.5, Number.NaN]) expect(gap(0.5, m)).toThrow(RangeError);
  });
});
