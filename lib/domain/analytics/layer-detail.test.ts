import { describe, expect, it } from 'vitest';
import { layerDetail } from './layer-detail';
import { unvalued, valued } from './test-rows';

const alpha = { chips: '0.6', execution: '0.4' };

/**
 * Revenue, USD millions              2024      2025     chips a(c, L) 2024 → 2025
 *   Alpha Foundry  chips 0.6          800      1000     480 → 600   +25%
 *   Gamma Chips    chips 1            400       300     400 → 300   −25%
 *   Delta          chips 0.5          missing   200 e   — → 100     null (no earlier value)
 *   Zulu           chips 0.25           0       400       0 → 100   null (earlier ≤ 0)
 *   Foxtrot        chips 1             50         0      50 → 0     −100%
 *   Echo           chips 1            300     missing    counted in coverage only
 *   Beta Retail    application 0.7    500       500     not in chips at all
 * Pool 2025 = 600 + 300 + 100 + 100 + 0 = 1100. Like-for-like (Alpha, Gamma, Zulu, Foxtrot): 930 → 1000.
 */
const previous = [
  valued('a', 'Alpha Foundry', alpha, '800'),
  valued('b', 'Beta Retail', { application: '0.7' }, '500'),
  valued('c', 'Gamma Chips', { chips: '1' }, '400'),
  unvalued('d', 'Delta', { chips: '0.5' }, { code: 'no_figure', reason: 'no revenue for FY2024' }),
  valued('e', 'Echo', { chips: '1' }, '300'),
  valued('f', 'Foxtrot', { chips: '1' }, '50'),
  valued('z', 'Zulu', { chips: '0.25' }, '0'),
];
const current = [
  valued('a', 'Alpha Foundry', alpha, '1000'),
  valued('b', 'Beta Retail', { application: '0.7' }, '500'),
  valued('c', 'Gamma Chips', { chips: '1' }, '300'),
  valued('d', 'Delta', { chips: '0.5' }, '200', { estimated: true }),
  unvalued('e', 'Echo', { chips: '1' }),
  valued('f', 'Foxtrot', { chips: '1' }, '0'),
  valued('z', 'Zulu', { chips: '0.25' }, '400'),
];

describe('layerDetail', () => {
  const chips = layerDetail(current, previous, 'chips', 'revenue');

  it('lists the layer’s companies by attributed value, ties by name, with their share of the pool and growth', () => {
    expect(chips).toMatchObject({ key: 'chips', name: 'Chips', value: 1100, estimated: true });
    expect(chips.companies).toEqual([
      { id: 'a', name: 'Alpha Foundry', layerShare: 0.6, value: 600, shareOfLayer: 6 / 11, growth: 0.25, estimated: false },
      { id: 'c', name: 'Gamma Chips', layerShare: 1, value: 300, shareOfLayer: 3 / 11, growth: -0.25, estimated: false },
      { id: 'd', name: 'Delta', layerShare: 0.5, value: 100, shareOfLayer: 1 / 11, growth: null, estimated: true },
      { id: 'z', name: 'Zulu', layerShare: 0.25, value: 100, shareOfLayer: 1 / 11, growth: null, estimated: false },
      { id: 'f', name: 'Foxtrot', layerShare: 1, value: 0, shareOfLayer: 0, growth: -1, estimated: false },
    ]);
  });

  it('grows the pool like-for-like: 930 → 1000, not 1230 → 1100', () => {
    expect(chips.growth).toBe(70 / 930);
  });

  it('reports coverage for the layer’s own companies only', () => {
    expect(chips.coverage).toEqual({
      included: 5,
      missing: [{ id: 'e', name: 'Echo', code: 'no_figure', reason: 'no revenue for FY2025' }],
      missingCount: 1,
    });
    // Beta's 30% outside the stack and its application share: in the application layer, not in chips.
    expect(layerDetail(current, previous, 'application', 'revenue')).toMatchObject({
      value: 350,
      growth: 0,
      companies: [{ id: 'b', layerShare: 0.7, value: 350, shareOfLayer: 1, growth: 0 }],
      coverage: { included: 1, missing: [], missingCount: 0 },
      estimated: false,
    });
  });

  it('flags estimates only when an estimated company is counted in the layer', () => {
    expect(layerDetail(current, previous, 'execution', 'revenue')).toMatchObject({ value: 400, estimated: false });
    expect(
      layerDetail(
        current.filter((r) => r.id !== 'd'),
        previous,
        'chips',
        'revenue',
      ).estimated,
    ).toBe(false);
  });

  it('has no growth without a year before', () => {
    const alone = layerDetail(current, [], 'chips', 'revenue');
    expect(alone.growth).toBeNull();
    expect(alone.companies.map((c) => c.growth)).toEqual([null, null, null, null, null]);
    expect(alone.value).toBe(1100);
  });

  it('answers an empty layer with zero, no companies and full coverage', () => {
    expect(layerDetail(current, previous, 'infrastructure', 'revenue')).toEqual({
      key: 'infrastructure',
      name: 'Infrastructure',
      value: 0,
      growth: null,
      companies: [],
      coverage: { included: 0, missing: [], missingCount: 0 },
      estimated: false,
    });
  });

  /**
   * Operating income, models layer      2024    2025    a(c, L) 2024 → 2025
   *   Mike      models 1                −100    −600    −100 → −600   null (earlier ≤ 0)
   *   November  models 0.5               400     600     200 → 300    +50%
   *   Oscar     models 1                 250     200     250 → 200    −20%
   * Pool 2025 = −100, so no company has a share of it; like-for-like 350 → −100 = −9/7.
   */
  it('ranks operating income by absolute value and gives no share of a pool ≤ 0', () => {
    const models = layerDetail(
      [
        valued('o', 'Oscar', { models: '1' }, '200'),
        valued('n', 'November', { models: '0.5' }, '600'),
        valued('m', 'Mike', { models: '1' }, '-600'),
      ],
      [
        valued('m', 'Mike', { models: '1' }, '-100'),
        valued('n', 'November', { models: '0.5' }, '400'),
        valued('o', 'Oscar', { models: '1' }, '250'),
      ],
      'models',
      'operating_income',
    );
    expect(models.value).toBe(-100);
    expect(models.growth).toBe(-450 / 350);
    expect(models.companies.map((c) => [c.name, c.value, c.shareOfLayer, c.growth])).toEqual([
      ['Mike', -600, null, null],
      ['November', 300, null, 0.5],
      ['Oscar', 200, null, -0.2],
    ]);
  });
});
