import { beforeAll, describe, expect, it } from 'vitest';
import { gapQuerySchema, layersQuerySchema, profitabilityQuerySchema, seriesQuerySchema } from '@/lib/analytics/schema';
import type { Actor } from '@/lib/domain/actor';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { ForbiddenError, RuleError } from '@/lib/errors';
import { loadSmallStack } from '@/lib/testing/small-stack';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { importCompaniesCsv } from '../company-csv';
import { importFiguresCsv } from '../figure-csv';
import { defaultAnalyticsYear, gapAnalytics, layerAnalytics, profitabilityAnalytics, seriesAnalytics } from '.';
import { layerDetailAnalytics } from './layer-detail';

/** The query strings as the API receives them, parsed by the API's schemas before the data layer sees them. */
type Search = Record<string, string>;

describe.each(TEST_DRIVERS)('analytics endpoints on %s', (driver) => {
  useFreshDatabase(driver);
  let viewer: Actor;
  beforeAll(async () => {
    await loadSmallStack();
    viewer = await makeUser('viewer');
  });

  const layers = async (search: Search, actor = viewer) => layerAnalytics({ actor }, layersQuerySchema.parse(search));
  const series = async (search: Search) => seriesAnalytics({ actor: viewer }, seriesQuerySchema.parse(search));
  const profitability = async (search: Search) =>
    profitabilityAnalytics({ actor: viewer }, profitabilityQuerySchema.parse(search));
  const gap = async (search: Search) => gapAnalytics({ actor: viewer }, gapQuerySchema.parse(search));

  it('answers /layers with hand-computed pools, shares, concentration, top companies and coverage', async () => {
    const answer = await layers({ year: '2024', metric: 'revenue' });
    // infrastructure 0.2 × 1000; chips 100 + 0.5 × 230; models 0.5 × 230; execution 0.3 × 1000; application
    // 0.2 × 1000 + 50 EUR × 1.1. Hyper's 30% outside the stack goes nowhere: total 1085, not 1385.
    expect(answer).toMatchObject({
      year: 2024,
      metric: 'revenue',
      basis: 'calendar',
      currency: 'USD',
      total: 1085,
      estimated: true,
    });
    expect(answer.layers.map((l) => [l.key, l.value, l.companies])).toEqual([
      ['infrastructure', 200, 1],
      ['chips', 215, 2],
      ['data', 0, 0],
      ['models', 115, 1],
      ['execution', 300, 1],
      ['application', 255, 2],
    ]);
    const chips = answer.layers[1]!;
    expect(chips.share).toBeCloseTo(215 / 1085, 12);
    // HHI = 10,000 × (100² + 115²) / 215² = 232,250,000 / 46,225.
    expect(chips.hhi).toBeCloseTo(232_250_000 / 46_225, 9);
    expect(chips.cr3).toBe(1);
    expect(chips.effectiveCompanies).toBeCloseTo(46_225 / 23_225, 12);
    expect(chips.top.map((t) => [t.name, t.value])).toEqual([
      ['Jan Co', 115],
      ['Chipco', 100],
    ]);
    expect(answer.layers[2]).toMatchObject({ hhi: null, cr3: null, effectiveCompanies: null, share: 0 });
    expect(answer.coverage).toEqual({
      included: 4,
      missing: [
        { id: expect.any(String), name: 'Gap Co', code: 'no_figure', reason: 'no revenue for FY2024' },
        { id: expect.any(String), name: 'Taiwan Fab', code: 'no_fx_rate', reason: 'no TWD rate for 2024' },
      ],
      missingCount: 2,
    });
  });

  it('filters by list (case-insensitively), status and country, excludes estimates, and names an unknown list', async () => {
    const portfolio = await layers({ year: '2024', list: 'portfolio' });
    expect(portfolio.total).toBe(800);
    expect(portfolio.estimated).toBe(false);
    expect((await layers({ year: '2024', status: 'private' })).coverage.included).toBe(1);
    expect((await layers({ year: '2024', country: 'fr' })).total).toBe(55);
    const reportedOnly = await layers({ year: '2024', estimates: 'exclude' });
    expect(reportedOnly.coverage.missing.find((m) => m.name === 'Jan Co')?.reason).toBe(
      'only estimates of revenue for FY2025, whose first 11 months fall in 2024',
    );
    expect(reportedOnly.total).toBe(855);
    await expect(layers({ year: '2024', list: 'Nope' })).rejects.toThrow('No list named “Nope”.');
    expect(() => layersQuerySchema.parse({ metric: 'revenue' })).toThrow('Give year');
    const error = await layers({ year: '2024', list: 'Nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleError);
  });

  it('answers /series with like-for-like growth, /profitability and /gap', async () => {
    const answer = await series({ from: '2023', to: '2024' });
    expect(answer.years.map((y) => y.year)).toEqual([2023, 2024]);
    const y2024 = answer.years[1]!;
    // Only Chipco and Hyper have both years: chips 80 → 100, infrastructure 160 → 200, application 160 → 200.
    expect(Object.fromEntries(y2024.layers.map((l) => [l.key, l.growth]))).toEqual({
      infrastructure: 0.25,
      chips: 0.25,
      data: null,
      models: null,
      execution: 0.25,
      application: 0.25,
    });
    expect(answer.years[0]!.total).toBe(0.2 * 800 + 80 + 0.3 * 800 + 0.2 * 800);

    const profit = await profitability({ year: '2024' });
    const chips = profit.layers.find((l) => l.key === 'chips')!;
    // Chipco alone has all three metrics in chips: margin 40 / 100, capex intensity 10 / 100.
    expect(chips).toMatchObject({ operatingIncome: 40, capex: 10, operatingMargin: 0.4, capexIntensity: 0.1 });
    const application = profit.layers.find((l) => l.key === 'application')!;
    // Hyper's application part: −100 × 0.2 over 1000 × 0.2.
    expect(application.operatingMargin).toBe(-0.1);

    // C = 215; required = 215 / 0.5 / (1 − 0.5) = 860; application pool 255; gap 605.
    const single = await gap({ year: '2024' });
    expect(single).toMatchObject({ g: 0.5, m: 0.5, year: 2024, chips: 215, required: 860, application: 255, gap: 605 });
    const onList = await gap({ year: '2024', chipsList: 'PORTFOLIO', g: '0.4', m: '0.6' });
    // Only Chipco's 100 counts: 100 / 0.4 / 0.4 = 625.
    expect(onList).toMatchObject({ chips: 100, required: 625, gap: 370 });
    expect((await gap({ from: '2023', to: '2024' })).years).toHaveLength(2);
    await expect(gap({ year: '2024', g: '0' })).rejects.toThrow('above 0 and at most 1');
  });

  it('answers likeForLike=1 on /series and /gap over the companies with revenue in every year, counting them', async () => {
    // Chipco and Hyper alone have revenue in 2023 and 2024 (Jan Co's calendar 2023 needs its FY2023).
    const same = await series({ from: '2023', to: '2024', likeForLike: '1' });
    expect(same.likeForLike).toEqual({ companies: 2, of: 6 });
    expect(Object.fromEntries(same.years[1]!.layers.map((l) => [l.key, l.value]))).toEqual({
      infrastructure: 200,
      chips: 100,
      data: 0,
      models: 0,
      execution: 300,
      application: 200,
    });
    // Coverage still says who reported each year.
    expect(same.years.map((y) => [y.coverage.included, y.coverage.missingCount])).toEqual([
      [2, 4],
      [4, 2],
    ]);
    expect((await series({ from: '2023', to: '2024' })).likeForLike).toBeUndefined();

    // C = Chipco 100; required 100 / 0.5 / 0.5 = 400; application = Hyper's 0.2 × 1000.
    const gapSame = await gap({ from: '2023', to: '2024', likeForLike: '1' });
    expect(gapSame.likeForLike).toEqual({ companies: 2, of: 6 });
    expect(gapSame.years.map((y) => [y.year, y.chips, y.required, y.application, y.gap])).toEqual([
      [2023, 80, 320, 160, 160],
      [2024, 100, 400, 200, 200],
    ]);
    // Application companies in 2024: Hyper and Euro App reported, Gap Co did not.
    expect(gapSame.years[1]!.coverage.application).toMatchObject({ included: 2, missingCount: 1 });
    const onList = await gap({ from: '2023', to: '2024', likeForLike: '1', chipsList: 'Portfolio' });
    expect(onList.likeForLike).toEqual({ companies: 2, of: 6, chipsList: { companies: 2, of: 2 } });
    await expect(series({ from: '2023', to: '2024', likeForLike: 'yes' })).rejects.toThrow('likeForLike is 1');
  });

  it("names each profitability layer's companies without both metrics", async () => {
    const profit = await profitability({ year: '2024' });
    const models = profit.layers.find((l) => l.key === 'models')!;
    // Jan Co has revenue in 2024 but no operating income.
    expect(models.coverage.revenueAndOperatingIncome).toMatchObject({ included: 0, missing: [{ name: 'Jan Co' }] });
    const application = profit.layers.find((l) => l.key === 'application')!;
    expect(application.coverage.revenueAndOperatingIncome.missing.map((m) => m.name)).toEqual(['Euro App', 'Gap Co']);
    expect(application.coverage.revenueAndOperatingIncome.included).toBe(1);
  });

  it('opens on the latest year where 80% of the set has revenue, and refuses users without a role', async () => {
    // 2024: 4 of 6 (67%); with the Portfolio list, 2024 has both companies.
    expect(await defaultAnalyticsYear({ actor: viewer }, { list: 'Portfolio' }, { latest: 2026 })).toBe(2024);
    expect(await defaultAnalyticsYear({ actor: viewer }, {}, { latest: 2026 })).toBeNull();
    const nobody = { ...viewer, role: 'none' as never };
    await expect(layers({ year: '2024' }, nobody)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe.each(TEST_DRIVERS)('coverage of a large set on %s', (driver) => {
  useFreshDatabase(driver);

  it('names the first 50 missing companies by name and counts them all; missing=all names every one (docs/data-contract.md §7)', async () => {
    const header =
      'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,website,description';
    const names = Array.from({ length: 60 }, (_, i) => `Company ${String(59 - i).padStart(2, '0')}`);
    await importCompaniesCsv(
      { actor: SYSTEM_ACTOR },
      { text: [header, ...names.map((n) => `${n},,,public,12,,,1,,,,,,`)].join('\n'), dryRun: false },
    );
    const actor = await makeUser('viewer');
    const capped = await layerAnalytics({ actor }, layersQuerySchema.parse({ year: '2024' }));
    expect(capped.coverage.missingCount).toBe(60);
    expect(capped.coverage.missing.map((m) => m.name)).toEqual([...names].sort().slice(0, 50));
    const all = await seriesAnalytics({ actor }, seriesQuerySchema.parse({ from: '2023', to: '2024', missing: 'all' }));
    expect(all.years.map((y) => [y.coverage.missing.length, y.coverage.missingCount])).toEqual([
      [60, 60],
      [60, 60],
    ]);
    const gapAnswer = await gapAnalytics({ actor }, gapQuerySchema.parse({ year: '2024' }));
    expect(gapAnswer.coverage?.chips).toMatchObject({ included: 0, missingCount: 60 });
    expect(gapAnswer.coverage?.chips.missing).toHaveLength(50);
    expect(() => layersQuerySchema.parse({ year: '2024', missing: 'some' })).toThrow(/missing is all/);
  });
});

describe.each(TEST_DRIVERS)('a pool exactly half-way between two millionths on %s', (driver) => {
  useFreshDatabase(driver);

  it('divides by 12 once, after share × numerator, and rounds the tie half-even (docs/data-contract.md §4)', async () => {
    // Tie Co's year ends in January: CY2024 = (0.00011 × 1 + 0.00001 × 11) / 12 = 0.00022 / 12 = 0.0000183…, a value
    // no decimal holds. Its chips part is 0.3 × 0.00022 / 12 = 0.0000055 exactly, which rounds half-even to 0.000006;
    // the value rounded to 40 digits first (0.0000183…3) would give 0.0000054…9, and 0.000005.
    await importCompaniesCsv(
      { actor: SYSTEM_ACTOR },
      {
        text: [
          'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,website,description',
          'Tie Co,,US,public,1,,,0.3,,,,0.7,,',
        ].join('\n'),
        dryRun: false,
      },
    );
    await importFiguresCsv(
      { actor: SYSTEM_ACTOR },
      {
        text: [
          'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note',
          'Tie Co,2024,,revenue,,0.00011,,,',
          'Tie Co,2025,,revenue,,0.00001,,,',
        ].join('\n'),
        dryRun: false,
      },
    );
    const actor = await makeUser('viewer');
    const answer = await layerAnalytics({ actor }, layersQuerySchema.parse({ year: '2024' }));
    const chips = answer.layers.find((l) => l.key === 'chips')!;
    expect([chips.value, chips.top[0]?.value]).toEqual([0.000006, 0.000006]);
    // 0.7 × 0.00022 / 12 = 0.00001283…; the total is the value itself, 0.0000183…
    expect(answer.layers.find((l) => l.key === 'application')?.value).toBe(0.000013);
    expect(answer.total).toBe(0.000018);
    const detail = await layerDetailAnalytics({ actor }, { ...layersQuerySchema.parse({ year: '2024' }), layer: 'chips' });
    expect([detail.value, detail.companies[0]?.value]).toEqual([0.000006, 0.000006]);
    const years = await seriesAnalytics({ actor }, seriesQuerySchema.parse({ from: '2024', to: '2024' }));
    expect(years.years[0]?.layers.find((l) => l.key === 'chips')?.value).toBe(0.000006);
  });
});
