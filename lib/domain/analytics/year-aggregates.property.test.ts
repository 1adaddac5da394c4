import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, Dec } from '../decimal';
import { LAYER_KEYS, type LayerKey } from '../layers';
import { PROFILE_SCOPES, type ProfileKey } from '../profiles';
import { coverageListing, coverageOfBoth, type CoverageOptions } from './coverage';
import { poolGrowth } from './growth';
import { requiredRevenueGap } from './gap';
import { layerDetail } from './layer-detail';
import { aggregateLayers, layerPools } from './layers';
import { aggregateProfitability, layerRatioCoverages } from './profitability';
import { unvalued, valued } from './test-rows';
import type { CompanyYearValue } from './types';
import {
  prepareYears,
  yearGrowth,
  yearLayer,
  yearLayerDetail,
  yearLayers,
  yearPools,
  yearProfitability,
} from './year-aggregates';
import { yearGap } from './year-gap';

/**
 * The one-pass aggregates against the reference functions, on random years shaped like the database's rows:
 * each value is held as its exact numerator Σ value × months × rate (its twelfths, up to 12 decimals), signed for
 * operating income, and shares have up to 6 decimals and sum to at most 1. Equal means equal: every number of the answer, digit for digit.
 */
// Some shares and values come from a short list, so that equal attributed values (ranking ties) occur.
const weight = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(0, 0, 250_000, 500_000));
// A layer with no share is mostly absent, sometimes an explicit '0': neither makes the company one of the layer.
const shares = fc
  .tuple(fc.array(weight, { minLength: 6, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }))
  .map(([weights, zeros]): Partial<Record<LayerKey, string>> => {
    const total = weights.reduce((s, w) => s + w, 0);
    const result: Partial<Record<LayerKey, string>> = {};
    LAYER_KEYS.forEach((key, i) => {
      const w = total <= 1_000_000 ? (weights[i] ?? 0) : Math.floor(((weights[i] ?? 0) * 1_000_000) / total);
      if (w > 0) result[key] = canonicalDecimal(new Dec(w).div(1_000_000));
      else if (zeros[i]) result[key] = '0';
    });
    return result;
  });
/** A calendar-year value as the database keeps it: the exact numerator (12 × the value), up to 12 decimals. */
const twelfths = (signed: boolean) =>
  fc
    .oneof(
      fc.bigInt({ min: signed ? -(10n ** 20n) : 0n, max: 10n ** 20n }),
      fc.constantFrom(0n, 12_000_000n, 7n, 6n, 18n, signed ? -7n : 7n),
    )
    .map((n) => canonicalDecimal(new Dec(n.toString()).div(10 ** 6)));
/** The profile a row's shares come from: mostly the base (null), sometimes another. */
const profile = fc.option(
  fc.record({
    scope: fc.constantFrom(...PROFILE_SCOPES),
    fromYear: fc.option(fc.integer({ min: 2020, max: 2024 }), { nil: null }),
  }),
  { nil: null, freq: 2 },
);
/** A company's row in one year; `present` false leaves it out of that year (more often the year before). */
const company = (signed: boolean, present: fc.Arbitrary<boolean>) =>
  fc.record({
    shares,
    twelfths: fc.option(twelfths(signed), { nil: null, freq: 6 }),
    estimated: fc.boolean(),
    profile,
    present,
  });
const universe = (signed: boolean) =>
  fc.array(fc.record({ now: company(signed, fc.constantFrom(true, true, true, false)), before: company(signed, fc.boolean()) }), {
    maxLength: 25,
  });

/**
 * Two years of rows of mostly the same companies, some in one year only; a few names repeat so that ranking ties
 * by name and id occur.
 */
type Years = Map<number, CompanyYearValue[]>;

function yearsOf(companies: { now: Row; before: Row }[]): Years {
  const rowOf = (r: Row, i: number): CompanyYearValue => {
    const name = ['Alpha', 'alpha', 'Beta', 'Élan', `Company ${i}`][i % 5] ?? '';
    const row =
      r.twelfths === null
        ? unvalued(`c${i}`, name, r.shares)
        : { ...valued(`c${i}`, name, r.shares, '0', { estimated: r.estimated }), twelfths: r.twelfths };
    return r.profile ? { ...row, profile: r.profile } : row;
  };
  return new Map([
    [2023, companies.flatMap(({ before }, i) => (before.present ? [rowOf(before, i)] : []))],
    [2024, companies.flatMap(({ now }, i) => (now.present ? [rowOf(now, i)] : []))],
  ]);
}
type Row = {
  shares: Partial<Record<LayerKey, string>>;
  twelfths: string | null;
  estimated: boolean;
  profile: ProfileKey | null;
  present: boolean;
};

/** How many missing companies and profiles a coverage names: the API's two listings, none, a few, or unset. */
const listing = fc.constantFrom<CoverageOptions | undefined>(
  undefined,
  {},
  { listed: 0 },
  { listed: 2 },
  coverageListing(undefined),
  coverageListing('all'),
);

describe('the one-pass year aggregates equal the reference', () => {
  it.each([
    ['revenue', false],
    ['capex', false],
    ['operating_income', true],
  ] as const)('%s: pools, shares, concentration, top companies, others and coverage', (metric, signed) => {
    fc.assert(
      fc.property(universe(signed), fc.integer({ min: 0, max: 6 }), (companies, top) => {
        const byYear = yearsOf(companies);
        const years = prepareYears(byYear);
        expect(yearLayers(years, 2024, metric, { top })).toEqual(aggregateLayers(byYear.get(2024)!, metric, { top }));
        expect(yearPools(years, 2023)).toEqual(layerPools(byYear.get(2023)!));
      }),
      { numRuns: 150 },
    );
  });

  it('like-for-like growth over the companies valued in both years', () => {
    fc.assert(
      fc.property(universe(true), (companies) => {
        const byYear = yearsOf(companies);
        expect(yearGrowth(prepareYears(byYear), 2024)).toEqual(poolGrowth(byYear.get(2023)!, byYear.get(2024)!));
      }),
      { numRuns: 150 },
    );
  });

  it('capex intensity and the profit pool over the companies with both metrics', () => {
    fc.assert(
      fc.property(universe(false), universe(false), universe(true), (revenue, capex, income) => {
        const [r, c, o] = [revenue, capex, income].map(yearsOf) as [Years, Years, Years];
        const prepared = { revenue: prepareYears(r), capex: prepareYears(c), operatingIncome: prepareYears(o) };
        expect(yearProfitability(prepared, 2024)).toEqual(
          aggregateProfitability({ revenue: r.get(2024)!, capex: c.get(2024)!, operatingIncome: o.get(2024)! }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('names each layer’s ratio coverage as its definition does: both metrics’ rows of the companies exposed in either', () => {
    fc.assert(
      fc.property(universe(false), universe(false), listing, (revenue, capex, options) => {
        const [r, c] = [yearsOf(revenue).get(2024)!, yearsOf(capex).get(2024)!];
        const inLayer = (row: CompanyYearValue, key: LayerKey) => Number(row.shares[key] ?? 0) > 0;
        const definition = LAYER_KEYS.map((key) => {
          const members = new Set([...r, ...c].filter((row) => inLayer(row, key)).map((row) => row.id));
          const of = (rows: CompanyYearValue[]) => rows.filter((row) => members.has(row.id));
          return coverageOfBoth(of(r), of(c), options);
        });
        expect(layerRatioCoverages(r, c, c, options).map((l) => l.revenueAndCapex)).toEqual(definition);
      }),
      { numRuns: 150 },
    );
  });

  it.each(LAYER_KEYS)('a layer page’s year of %s: pool, growth, companies with and without a value, estimates', (key) => {
    fc.assert(
      fc.property(universe(true), (companies) => {
        const byYear = yearsOf(companies);
        const detail = layerDetail(byYear.get(2024)!, byYear.get(2023)!, key, 'operating_income');
        expect(yearLayer(prepareYears(byYear), 2024, key)).toEqual({
          value: detail.value,
          growth: detail.growth,
          companies: detail.coverage.included,
          missing: detail.coverage.missing.length,
          estimated: detail.estimated,
        });
      }),
      { numRuns: 50 },
    );
  });

  it('the required-revenue gap: C from the chips input, the application pool from the set, coverage from the rows given', () => {
    const assumption = fc.record({
      g: fc.oneof(fc.constantFrom(1, 0.5, 0.3, 0.7), fc.double({ min: 0.01, max: 1, noNaN: true })),
      m: fc.oneof(fc.constantFrom(0, 0.5, 0.25, 0.4), fc.double({ min: 0, max: 0.99, noNaN: true })),
    });
    fc.assert(
      fc.property(universe(false), universe(false), assumption, fc.integer({ min: 0, max: 3 }), (set, list, { g, m }, listed) => {
        const [application, chips] = [yearsOf(set), yearsOf(list)];
        const prepared = { chips: prepareYears(chips, { listed }), application: prepareYears(application, { listed }) };
        for (const year of [2023, 2024])
          expect(yearGap(prepared, year, { g, m })).toEqual(
            requiredRevenueGap({ chips: chips.get(year)!, application: application.get(year)!, g, m }, { listed }),
          );
        // Like-for-like plots fewer companies than its coverage counts: the two come from different rows.
        const plotted = { chips: prepareYears(new Map([[2024, chips.get(2023)!]])), application: prepared.application };
        expect(yearGap(plotted, 2024, { g, m }, prepared)).toEqual({
          ...requiredRevenueGap({ chips: chips.get(2023)!, application: application.get(2024)!, g, m }),
          coverage: requiredRevenueGap({ chips: chips.get(2024)!, application: application.get(2024)!, g, m }, { listed })
            .coverage,
        });
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['revenue', false],
    ['capex', false],
    ['operating_income', true],
  ] as const)(
    '%s: a layer page’s year of every layer — table ranked with ties by name, growth, coverage as listed — equals layerDetail',
    (metric, signed) => {
      fc.assert(
        fc.property(universe(signed), listing, (companies, coverage) => {
          const byYear = yearsOf(companies);
          const years = prepareYears(byYear, coverage);
          for (const key of LAYER_KEYS)
            for (const [year, current, previous] of [
              [2024, byYear.get(2024)!, byYear.get(2023)!],
              [2023, byYear.get(2023)!, []], // no year before
            ] as const) {
              const fast = yearLayerDetail(years, year, key, metric);
              const reference = layerDetail(current, previous, key, metric, coverage);
              expect(fast).toStrictEqual(reference);
              // The same fields in the same order, as the answer's JSON shows them.
              expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
            }
        }),
        { numRuns: 150 },
      );
    },
  );

  /** A row whose value is `twelfths` / 12 USD millions exactly, which no decimal string of the value could hold. */
  const inTwelfths = (id: string, shares: CompanyYearValue['shares'], twelfths: string): CompanyYearValue => ({
    ...valued(id, id, shares, '0'),
    twelfths,
  });

  it('opposite values that cancel give a total of exactly 0 and null shares, not a rounding residue', () => {
    const rows = [
      inTwelfths('Loss', { infrastructure: '0.151759', chips: '0.123827', application: '0.724412' }, '-0.000007'),
      inTwelfths('Profit', { infrastructure: '0.320457', models: '0.330606', application: '0.348935' }, '0.000007'),
    ];
    const answer = yearLayers(prepareYears(new Map([[2024, rows]])), 2024, 'operating_income');
    expect(answer.total).toBe(0);
    expect(answer.layers.map((l) => l.share)).toEqual([null, null, null, null, null, null]);
    expect(answer).toEqual(aggregateLayers(rows, 'operating_income'));
  });

  it('divides by 12 once, after the sum: a pool exactly half-way between two millionths rounds to the even one', () => {
    // A value of 1 / 12 USD millions (0.0833…) with a chips share of 0.000018: the pool is 0.000018 × 1 / 12 =
    // 0.0000015 exactly, and half-even gives 0.000002. Rounding the value to 40 digits before the product (0.0833…3)
    // lands just below the tie, 0.0000014999…94, which rounds to 0.000001.
    const rows = [inTwelfths('A', { chips: '0.000018' }, '1'), inTwelfths('B', { application: '1' }, '0')];
    const pools = yearPools(prepareYears(new Map([[2024, rows]])), 2024);
    expect(pools.layers.find((l) => l.key === 'chips')?.value).toBe(0.000002);
    expect(pools).toEqual(layerPools(rows));
    const layers = yearLayers(prepareYears(new Map([[2024, rows]])), 2024, 'revenue');
    expect(layers).toEqual(aggregateLayers(rows, 'revenue'));
    expect(layers.total).toBe(0.000002);
  });

  it('a year with no rows has empty pools, and a company twice is refused as the reference refuses it', () => {
    const years = prepareYears(new Map([[2024, [valued('a', 'A', { chips: '1' }, '1'), valued('a', 'A', { chips: '1' }, '2')]]]));
    expect(yearPools(years, 2020)).toEqual(layerPools([]));
    expect(() => yearPools(years, 2024)).toThrow(/appears more than once/);
  });
});
