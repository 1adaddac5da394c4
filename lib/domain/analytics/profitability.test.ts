import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYER_KEYS } from '../layers';
import { aggregateProfitability } from './profitability';
import { unvalued, valued } from './test-rows';

const noOperatingIncome = { code: 'no_figure', reason: 'no operating income for FY2025' } as const;

/**
 * USD millions:                                          revenue  capex  operating income
 *   Alpha Foundry  chips 0.6, execution 0.4                 1000    200    300
 *   Beta Retail    application 0.7 (0.3 outside)            500     50    missing
 *   Gamma Chips    chips 1                                  300  missing  −60
 *   Delta Apps     application 1                          missing   10     20
 */
const alpha = { chips: '0.6', execution: '0.4' };
const beta = { application: '0.7' };
const gamma = { chips: '1' };
const delta = { application: '1' };
const input = {
  revenue: [
    valued('a', 'Alpha Foundry', alpha, '1000'),
    valued('b', 'Beta Retail', beta, '500'),
    valued('c', 'Gamma Chips', gamma, '300'),
    unvalued('d', 'Delta Apps', delta),
  ],
  capex: [
    valued('a', 'Alpha Foundry', alpha, '200'),
    valued('b', 'Beta Retail', beta, '50'),
    unvalued('c', 'Gamma Chips', gamma, { code: 'no_figure', reason: 'no capex for FY2025' }),
    valued('d', 'Delta Apps', delta, '10'),
  ],
  operatingIncome: [
    valued('a', 'Alpha Foundry', alpha, '300'),
    unvalued('b', 'Beta Retail', beta, noOperatingIncome),
    valued('c', 'Gamma Chips', gamma, '-60'),
    valued('d', 'Delta Apps', delta, '20'),
  ],
};

describe('aggregateProfitability', () => {
  const result = aggregateProfitability(input);
  const empty = { revenue: 0, capex: 0, operatingIncome: 0, capexIntensity: null, operatingMargin: null, revenueShare: 0 };

  it('takes each pool over the companies with that metric', () => {
    // revenue (A, B, C): chips 600 + 300, execution 400, application 350
    // capex (A, B, D): chips 120, execution 80, application 35 + 10
    // operating income (A, C, D): chips 180 − 60, execution 120, application 20
    expect(result.layers.map((l) => [l.key, l.revenue, l.capex, l.operatingIncome])).toEqual([
      ['infrastructure', 0, 0, 0],
      ['chips', 900, 120, 120],
      ['data', 0, 0, 0],
      ['models', 0, 0, 0],
      ['execution', 400, 80, 120],
      ['application', 350, 45, 20],
    ]);
  });

  it('takes capex intensity over the companies with revenue and capex (A, B): Gamma without capex does not dilute it', () => {
    // chips 120 / 600, execution 80 / 400, application 35 / 350 (Delta has no revenue)
    expect(result.layers.map((l) => l.capexIntensity)).toEqual([null, 0.2, null, null, 0.2, 0.1]);
  });

  it('takes margins and widths over the companies with revenue and operating income (A, C)', () => {
    // chips (180 − 60) / (600 + 300) = 2/15; execution 120 / 400; application has no revenue from A or C.
    expect(result.layers.map((l) => l.operatingMargin)).toEqual([null, 2 / 15, null, null, 0.3, null]);
    // Revenue of A and C: chips 900, execution 400, of 1300.
    expect(result.layers.map((l) => l.revenueShare)).toEqual([0, 9 / 13, 0, 0, 4 / 13, 0]);
    expect(result.layers.map((l) => l.companies)).toEqual([0, 2, 0, 0, 1, 0]);
  });

  it('has widths summing to 1 and width × height summing to operating income / revenue of A and C: 240 / 1300', () => {
    const widths = result.layers.map((l) => l.revenueShare ?? 0);
    const areas = result.layers.map((l) => (l.revenueShare ?? 0) * (l.operatingMargin ?? 0));
    expect(widths.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 15);
    expect(areas.reduce((s, a) => s + a, 0)).toBeCloseTo(240 / 1300, 15);
  });

  it('gives empty layers zero pools and null ratios', () => {
    const none = { included: 0, missing: [], missingCount: 0 };
    const coverage = { revenueAndCapex: none, revenueAndOperatingIncome: none };
    expect(result.layers[0]).toEqual({ key: 'infrastructure', ...empty, companies: 0, coverage });
    expect(result.layers[2]).toEqual({ key: 'data', ...empty, companies: 0, coverage });
  });

  it("covers each layer's ratios over the layer's own companies, naming who lacks either metric", () => {
    const application = result.layers[5]!.coverage;
    // Application: Beta (no operating income) and Delta (no revenue) of the layer; Alpha and Gamma are not in it.
    expect(application.revenueAndOperatingIncome).toEqual({
      included: 0,
      missing: [
        { id: 'b', name: 'Beta Retail', ...noOperatingIncome },
        { id: 'd', name: 'Delta Apps', code: 'no_figure', reason: 'no revenue for FY2025' },
      ],
      missingCount: 2,
    });
    expect(application.revenueAndCapex).toMatchObject({ included: 1, missingCount: 1, missing: [{ name: 'Delta Apps' }] });
    // Chips: Alpha and Gamma both have operating income; Gamma lacks capex.
    expect(result.layers[1]!.coverage.revenueAndOperatingIncome).toMatchObject({ included: 2, missingCount: 0 });
    expect(result.layers[1]!.coverage.revenueAndCapex).toMatchObject({ included: 1, missing: [{ name: 'Gamma Chips' }] });
  });

  it('reports the coverage of each metric', () => {
    const delta = { id: 'd', name: 'Delta Apps', code: 'no_figure', reason: 'no revenue for FY2025' };
    const gamma = { id: 'c', name: 'Gamma Chips', code: 'no_figure', reason: 'no capex for FY2025' };
    const beta = { id: 'b', name: 'Beta Retail', ...noOperatingIncome };
    expect(result.coverage).toEqual({
      revenue: { included: 3, missing: [delta], missingCount: 1 },
      capex: { included: 3, missing: [gamma], missingCount: 1 },
      operatingIncome: { included: 3, missing: [beta], missingCount: 1 },
      // A ratio of two metrics covers the companies with both.
      revenueAndCapex: { included: 2, missing: [delta, gamma], missingCount: 2 },
      revenueAndOperatingIncome: { included: 2, missing: [beta, delta], missingCount: 2 },
    });
  });

  it('flags estimates used in any pool', () => {
    expect(result.estimated).toBe(false);
    const capex = input.capex.map((r) => (r.id === 'd' ? { ...r, estimated: true } : r));
    expect(aggregateProfitability({ ...input, capex }).estimated).toBe(true);
  });

  it('gives null margins, never NaN, when a layer has operating income but no revenue', () => {
    const rows = (value: string) => [valued('x', 'X', { models: '1' }, value)];
    const result = aggregateProfitability({ revenue: rows('0'), capex: rows('5'), operatingIncome: rows('-5') });
    expect(result.layers[3]).toEqual({
      key: 'models',
      revenue: 0,
      capex: 5,
      operatingIncome: -5,
      capexIntensity: null,
      operatingMargin: null,
      revenueShare: null,
      companies: 1,
      coverage: {
        revenueAndCapex: { included: 1, missing: [], missingCount: 0 },
        revenueAndOperatingIncome: { included: 1, missing: [], missingCount: 0 },
      },
    });
  });
});

describe('aggregateProfitability properties', () => {
  /** Companies with revenue and operating income, in hundredths, each in one or two layers. */
  const company = fc.record({
    layers: fc.uniqueArray(fc.constantFrom(...LAYER_KEYS), { minLength: 1, maxLength: 2 }),
    revenue: fc.integer({ min: 0, max: 10_000_000 }),
    income: fc.integer({ min: -5_000_000, max: 5_000_000 }),
  });

  it('widths sum to 1 and Σ width × height = Σ operating income / Σ revenue, attributed to layers', () => {
    fc.assert(
      fc.property(fc.array(company, { minLength: 1, maxLength: 8 }), (companies) => {
        // Two layers split 0.5 / 0.5; one layer takes 0.8 and leaves 0.2 outside the stack.
        const rows = (metric: 'revenue' | 'income') =>
          companies.map((c, i) => {
            const shares = Object.fromEntries(c.layers.map((key) => [key, c.layers.length === 2 ? '0.5' : '0.8']));
            return valued(`c${i}`, `Company ${i}`, shares, (c[metric] / 100).toString());
          });
        const result = aggregateProfitability({ revenue: rows('revenue'), capex: [], operatingIncome: rows('income') });
        const inStack = (c: (typeof companies)[number]) => (c.layers.length === 2 ? 1 : 0.8);
        const revenue = companies.reduce((s, c) => s + (c.revenue / 100) * inStack(c), 0);
        const income = companies.reduce((s, c) => s + (c.income / 100) * inStack(c), 0);
        const widths = result.layers.map((l) => l.revenueShare ?? 0);
        const areas = result.layers.map((l) => (l.revenueShare ?? 0) * (l.operatingMargin ?? 0));
        if (revenue === 0) {
          expect(result.layers.every((l) => l.revenueShare === null && l.operatingMargin === null)).toBe(true);
          return;
        }
        expect(widths.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
        // A layer whose revenue is 0 has no height, so its operating income is left out of the areas.
        const lost = result.layers.filter((l) => l.operatingMargin === null).reduce((s, l) => s + l.operatingIncome, 0);
        const expected = (income - lost) / revenue;
        expect(Math.abs(areas.reduce((s, a) => s + a, 0) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
    );
  });
});
