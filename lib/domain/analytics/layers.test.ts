import { describe, expect, it } from 'vitest';
import { aggregateLayers, type LayerAggregate } from './layers';
import { unvalued, valued } from './test-rows';

const NO_CONCENTRATION = { hhi: null, cr3: null, effectiveCompanies: null };
const EMPTY = { companies: 0, missing: 0, top: [], others: { value: 0, count: 0 } };

/**
 * Revenue, USD millions:
 *   Alpha Foundry  chips 0.6, execution 0.4    1000 → chips 600, execution 400
 *   Beta Retail    application 0.7 (0.3 outside) 500 → application 350; 150 goes to no layer
 *   Gamma Chips    chips 1                       300 → chips 300
 *   Delta          chips 0.5 (0.5 outside)       200 → chips 100, estimated
 *   Foxtrot        data 1                          0 → data 0
 *   Echo           missing
 * Pools: chips 1000, data 0, execution 400, application 350; T = 1750.
 */
const revenue = [
  valued('a', 'Alpha Foundry', { chips: '0.6', execution: '0.4' }, '1000'),
  valued('b', 'Beta Retail', { application: '0.7' }, '500'),
  valued('c', 'Gamma Chips', { chips: '1' }, '300'),
  valued('d', 'Delta', { chips: '0.5' }, '200', { estimated: true }),
  valued('f', 'Foxtrot', { data: '1' }, '0'),
  unvalued('e', 'Echo', { chips: '1' }),
];

describe('aggregateLayers, revenue', () => {
  const result = aggregateLayers(revenue, 'revenue', { top: 2 });
  const layer = (key: LayerAggregate['key']) => result.layers.find((l) => l.key === key);

  it('returns all six layers in stack order', () => {
    expect(result.layers.map((l) => [l.key, l.name])).toEqual([
      ['infrastructure', 'Infrastructure'],
      ['chips', 'Chips'],
      ['data', 'Data'],
      ['models', 'Models'],
      ['execution', 'Execution'],
      ['application', 'Application'],
    ]);
  });

  it('attributes share × value, so the 30% of Beta outside the stack reaches no layer: T = 1750, not 1900', () => {
    expect(result.total).toBe(1750);
    expect(result.layers.map((l) => l.value)).toEqual([0, 1000, 0, 0, 400, 350]);
  });

  it('gives each layer its share of T: 1000/1750 = 4/7, 400/1750 = 8/35, 350/1750 = 0.2', () => {
    expect(result.layers.map((l) => l.share)).toEqual([0, 4 / 7, 0, 0, 8 / 35, 0.2]);
  });

  it('splits a multi-layer company and measures concentration: chips 600 / 300 / 100 → HHI 4,600', () => {
    expect(layer('chips')).toEqual({
      key: 'chips',
      name: 'Chips',
      value: 1000,
      share: 4 / 7,
      hhi: 4_600,
      cr3: 1,
      effectiveCompanies: 100 / 46,
      companies: 3,
      // Echo has a chips share but no value.
      missing: 1,
      top: [
        { id: 'a', name: 'Alpha Foundry', value: 600, share: 0.6 },
        { id: 'c', name: 'Gamma Chips', value: 300, share: 0.3 },
      ],
      others: { value: 100, count: 1 },
    });
    expect(layer('execution')).toMatchObject({
      value: 400,
      hhi: 10_000,
      cr3: 1,
      effectiveCompanies: 1,
      companies: 1,
      top: [{ id: 'a', name: 'Alpha Foundry', value: 400, share: 1 }],
    });
  });

  it('counts a company with a zero value in its layer, but not in concentration; its share of a 0 pool is null', () => {
    expect(layer('data')).toEqual({
      key: 'data',
      name: 'Data',
      value: 0,
      share: 0,
      ...NO_CONCENTRATION,
      companies: 1,
      missing: 0,
      top: [{ id: 'f', name: 'Foxtrot', value: 0, share: null }],
      others: { value: 0, count: 0 },
    });
  });

  it('gives an empty layer zero value, no companies and null concentration', () => {
    expect(layer('infrastructure')).toEqual({
      key: 'infrastructure',
      name: 'Infrastructure',
      value: 0,
      share: 0,
      ...NO_CONCENTRATION,
      ...EMPTY,
    });
    expect(layer('models')).toMatchObject({ value: 0, ...NO_CONCENTRATION, ...EMPTY });
  });

  it('flags estimates when a company counted in a layer is estimated', () => {
    expect(result.estimated).toBe(true);
    expect(
      aggregateLayers(
        revenue.filter((r) => r.id !== 'd'),
        'revenue',
      ).estimated,
    ).toBe(false);
    // An estimated company with no layer share changes no number, so it raises no flag.
    const outside = valued('o', 'Outside Only', {}, '999', { estimated: true });
    expect(aggregateLayers([outside], 'revenue').estimated).toBe(false);
  });

  it('leaves the missing company out and reports coverage', () => {
    expect(result.coverage).toEqual({
      included: 5,
      missing: [{ id: 'e', name: 'Echo', code: 'no_figure', reason: 'no revenue for FY2025' }],
      missingCount: 1,
    });
  });

  it('shows five top companies by default', () => {
    expect(aggregateLayers(revenue, 'revenue').layers[1]).toMatchObject({
      top: [{ id: 'a' }, { id: 'c' }, { id: 'd', name: 'Delta', value: 100, share: 0.1 }],
      others: { value: 0, count: 0 },
    });
  });
});

describe('aggregateLayers, top companies', () => {
  const rows = [
    valued('c3', 'beta', { models: '1' }, '100'),
    valued('c2', 'alpha', { models: '1' }, '100'),
    valued('c9', 'Zed', { models: '0.5' }, '400'),
    valued('c1', 'Alpha', { models: '1' }, '100'),
  ];

  it('ranks by value, ties by name case-insensitively then id, and sums the rest', () => {
    expect(aggregateLayers(rows, 'capex', { top: 2 }).layers[3]).toMatchObject({
      value: 500,
      companies: 4,
      top: [
        { id: 'c9', value: 200, share: 0.4 },
        { id: 'c1', name: 'Alpha', value: 100, share: 0.2 },
      ],
      others: { value: 200, count: 2 },
    });
    expect(aggregateLayers(rows, 'capex', { top: 3 }).layers[3]?.top.map((t) => t.id)).toEqual(['c9', 'c1', 'c2']);
  });

  it('puts every company in others with top 0', () => {
    expect(aggregateLayers(rows, 'capex', { top: 0 }).layers[3]).toMatchObject({ top: [], others: { value: 500, count: 4 } });
  });

  it('refuses a negative or fractional top', () => {
    expect(() => aggregateLayers(rows, 'capex', { top: -1 })).toThrow(RangeError);
    expect(() => aggregateLayers(rows, 'capex', { top: 1.5 })).toThrow(RangeError);
  });
});

describe('aggregateLayers, operating income', () => {
  it('with a total ≤ 0 (−300 − 400 + 200 = −500) every layer share is null, and concentration is always null', () => {
    const rows = [
      valued('a', 'Alpha Foundry', { chips: '0.6', execution: '0.4' }, '-1000'),
      valued('c', 'Gamma Chips', { chips: '1' }, '300'),
      valued('g', 'Golf Apps', { application: '1' }, '200'),
    ];
    const result = aggregateLayers(rows, 'operating_income');
    expect(result.total).toBe(-500);
    expect(result.layers.map((l) => [l.value, l.share])).toEqual([
      [0, null],
      [-300, null],
      [0, null],
      [0, null],
      [-400, null],
      [200, null],
    ]);
    expect(result.layers[1]).toMatchObject({
      ...NO_CONCENTRATION,
      companies: 2,
      // By absolute value: the loss of 600 first. The layer's pool is −300, so no share.
      top: [
        { id: 'a', value: -600, share: null },
        { id: 'c', value: 300, share: null },
      ],
    });
    expect(result.layers[5]).toMatchObject({ ...NO_CONCENTRATION, top: [{ id: 'g', value: 200, share: 1 }] });
  });

  it('ranks by absolute value and gives signed shares of a positive pool: 500 − 300 − 100 = 100', () => {
    const rows = [
      valued('h', 'Hotel', { models: '1' }, '500'),
      valued('i', 'India', { models: '1' }, '-100'),
      valued('k', 'Kilo', { models: '1' }, '-300'),
      valued('j', 'Juliet', { application: '1' }, '100'),
    ];
    const result = aggregateLayers(rows, 'operating_income', { top: 2 });
    expect(result.total).toBe(200);
    expect(result.layers.map((l) => l.share)).toEqual([0, 0, 0, 0.5, 0, 0.5]);
    expect(result.layers[3]).toEqual({
      key: 'models',
      name: 'Models',
      value: 100,
      share: 0.5,
      ...NO_CONCENTRATION,
      companies: 3,
      missing: 0,
      top: [
        { id: 'h', name: 'Hotel', value: 500, share: 5 },
        { id: 'k', name: 'Kilo', value: -300, share: -3 },
      ],
      others: { value: -100, count: 1 },
    });
  });
});

describe('aggregateLayers, money', () => {
  it('rounds each pool and the total separately, half-even, from exact sums', () => {
    // chips 0.0000005 → 0 and data 0.0000015 → 0.000002; the exact total 0.000002 stays 0.000002.
    const rows = [valued('x', 'X', { chips: '1' }, '0.0000005'), valued('y', 'Y', { data: '1' }, '0.0000015')];
    const result = aggregateLayers(rows, 'revenue');
    expect(result.total).toBe(0.000002);
    expect(result.layers.slice(1, 3).map((l) => [l.value, l.share])).toEqual([
      [0, 0.25],
      [0.000002, 0.75],
    ]);
  });

  it('attributes exactly: 0.5 × 0.000001 = 0.0000005 in each of two layers rounds to 0, their total 0.000001 does not', () => {
    const result = aggregateLayers([valued('x', 'X', { chips: '0.5', data: '0.5' }, '0.000001')], 'revenue');
    expect(result.total).toBe(0.000001);
    expect(result.layers.map((l) => l.value)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(result.layers[1]?.top).toEqual([{ id: 'x', name: 'X', value: 0, share: 1 }]);
  });

  it('adds exactly where floats would not: 0.1 + 0.2 = 0.3', () => {
    const rows = [valued('x', 'X', { chips: '1' }, '0.1'), valued('y', 'Y', { chips: '1' }, '0.2')];
    expect(aggregateLayers(rows, 'revenue').total).toBe(0.3);
  });
});

describe('aggregateLayers, no companies', () => {
  it('returns six empty layers with null shares (T = 0), and empty coverage', () => {
    const result = aggregateLayers([], 'revenue');
    expect(result.total).toBe(0);
    expect(result.estimated).toBe(false);
    expect(result.layers).toHaveLength(6);
    for (const layer of result.layers) expect(layer).toMatchObject({ value: 0, share: null, ...NO_CONCENTRATION, ...EMPTY });
    expect(result.coverage).toEqual({ included: 0, missing: [], missingCount: 0 });
  });
});
