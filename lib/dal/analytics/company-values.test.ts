import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { companies } from '@/db/schema';
import type { Database } from '@/db/types';
import { gapQuerySchema, layersQuerySchema, profitabilityQuerySchema, seriesQuerySchema } from '@/lib/analytics/schema';
import { aggregateLayers, layerPools } from '@/lib/domain/analytics/layers';
import { poolGrowth } from '@/lib/domain/analytics/growth';
import { aggregateProfitability } from '@/lib/domain/analytics/profitability';
import { requiredRevenueGap } from '@/lib/domain/analytics/gap';
import { likeForLikeRows } from '@/lib/domain/analytics/like-for-like';
import type { CompanyYearValue } from '@/lib/domain/analytics/types';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { canonicalDecimal } from '@/lib/domain/decimal';
import { companyYearValue } from '@/lib/domain/figures/calendar';
import { METRICS, type Basis, type Metric } from '@/lib/domain/figures/types';
import type { LayerKey } from '@/lib/domain/layers';
import { applicableProfile, isBaseProfile } from '@/lib/domain/profiles';
import { makeUser } from '@/lib/testing/actors';
import {
  universeCompaniesCsv,
  universeFiguresCsv,
  universeFxCsv,
  universeProfiles,
  valueUniverse,
  type UniverseProfile,
  type ValueUniverse,
} from '@/lib/testing/value-universe';
import { importCompaniesCsv } from '../company-csv';
import { loadCompanyViews } from '../company-views';
import { replaceProfiles } from '../company-writes';
import { importFiguresCsv } from '../figure-csv';
import { importFxCsv } from '../fx';
import { gapAnalytics, layerAnalytics, profitabilityAnalytics, seriesAnalytics } from '.';
import { companyValues, metricsValues } from './company-values';

const YEARS = { from: 2020, to: 2025 };

async function load(db: Database, u: ValueUniverse, seed: number, profiles: Map<string, UniverseProfile[]>) {
  await importCompaniesCsv({ actor: SYSTEM_ACTOR }, { text: universeCompaniesCsv(u, seed), dryRun: false });
  await importFxCsv({ actor: SYSTEM_ACTOR }, { text: universeFxCsv(u.rates), dryRun: false });
  await importFiguresCsv({ actor: SYSTEM_ACTOR }, { text: universeFiguresCsv(u.figures), dryRun: false });
  const ids = await db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(inArray(companies.name, [...profiles.keys()]));
  const byId = new Map(
    ids.map((c) => [
      c.id,
      profiles.get(c.name)!.map((p) => ({ ...p, exposures: p.exposures.map((e) => ({ ...e, subLayer: null })) })),
    ]),
  );
  await db.transaction((tx) => replaceProfiles(tx, byId));
}

/** The reference shares of a company for a metric and year: docs/data-contract.md §2 applied to the universe. */
function referenceShares(
  base: Partial<Record<LayerKey, string>>,
  profiles: readonly UniverseProfile[],
  metric: Metric,
  year: number,
): Pick<CompanyYearValue, 'shares' | 'profile'> {
  const applies = applicableProfile(profiles, metric, year);
  if (isBaseProfile(applies)) return { shares: base, profile: null };
  const p = applies as UniverseProfile;
  return {
    shares: Object.fromEntries(p.exposures.map((e) => [e.layer, canonicalDecimal(e.share)])),
    profile: { scope: p.scope, fromYear: p.fromYear },
  };
}

/** Profile-years where a later profile of the same scope supersedes an earlier one, over every universe below. */
let superseded = 0;
// Counted over all the universes together: one seed may have none, and then its one-year check proves nothing.
afterAll(() => expect(superseded).toBeGreaterThan(0));

// A fresh database per universe: one universe's FX rates must not leak into another's reference.
describe.each(TEST_DRIVERS.flatMap((driver) => [11, 29].map((seed) => [driver, seed] as const)))(
  'per-company values in SQL on %s, seed %i',
  (driver, seed) => {
    const database = useFreshDatabase(driver);
    const u = valueUniverse(seed, 24, YEARS);
    const profiles = universeProfiles(u, seed, YEARS);
    // Tests run in a shuffled order: whichever needs the universe first loads it, once.
    let loading: Promise<void> | undefined;
    const loaded = () => (loading ??= load(database.current().db, u, seed, profiles));

    /** The reference rows of a metric: values by lib/domain's calendar rule, shares by the profile rule. */
    async function referenceRows(metric: Metric, basis: Basis, estimates: 'include' | 'exclude') {
      const { db } = database.current();
      const all = await db.select({ id: companies.id }).from(companies);
      const views = await loadCompanyViews(
        db,
        all.map((c) => c.id),
      );
      const byYear = new Map<number, CompanyYearValue[]>();
      for (let year = YEARS.from; year <= YEARS.to; year++)
        byYear.set(
          year,
          views.map((view) => {
            const company = u.companies.find((c) => c.name === view.name)!;
            const base = Object.fromEntries(view.exposures.map((e) => [e.layer, e.share]));
            const expected = companyYearValue({
              figures: u.figures.filter((f) => f.company === company.name),
              fiscalYearEndMonth: company.fye,
              year,
              metric,
              basis,
              estimates,
              usdPerUnit: (currency, y) => u.rates.get(`${currency}|${y}`),
            });
            return {
              id: view.id,
              name: view.name,
              ...referenceShares(base, profiles.get(view.name) ?? [], metric, year),
              ...(expected.ok
                ? { twelfths: expected.twelfths, estimated: expected.estimated, missing: null }
                : { twelfths: null, estimated: false, missing: expected.missing }),
            };
          }),
        );
      return byYear;
    }

    it('equal the lib/ reference for every company, year, metric, basis and estimates mode, shares by profile', async () => {
      const { db } = database.current();
      await loaded();
      let compared = 0;
      const outcomes = new Set<string>();
      const profileUses = new Set<string>();
      for (const metric of METRICS)
        for (const basis of ['calendar', 'fiscal'] as Basis[])
          for (const estimates of ['include', 'exclude'] as const) {
            const sqlValues = await companyValues(db, { ...YEARS, metric, basis, estimates, companySet: undefined });
            const reference = await referenceRows(metric, basis, estimates);
            for (let year = YEARS.from; year <= YEARS.to; year++) {
              const rows = sqlValues.get(year) ?? [];
              expect(rows).toHaveLength(u.companies.length);
              const wanted = new Map(reference.get(year)!.map((r) => [r.id, r]));
              for (const row of rows) {
                expect(row, `${row.name} ${year} ${metric} ${basis} ${estimates}`).toEqual(wanted.get(row.id));
                outcomes.add(row.twelfths !== null ? `ok${row.estimated ? '-estimated' : ''}` : row.missing!.code);
                profileUses.add(row.profile ? (row.profile.scope === 'all' ? 'all' : 'metric') : 'base');
                if (row.profile && Object.keys(row.shares).length === 0) profileUses.add('outside');
                compared++;
              }
            }
          }
      // The universe exercises every outcome and every kind of profile, so agreement is not vacuous.
      expect([...outcomes].sort()).toEqual(['no_figure', 'no_fx_rate', 'ok', 'ok-estimated']);
      expect([...profileUses].sort()).toEqual(['all', 'base', 'metric', 'outside']);
      expect(compared).toBe(3 * 2 * 2 * 6 * 24);
    }, 120_000);

    it('choose the same profiles when one year is read as when the whole range is', async () => {
      // A one-year read leaves out the profiles a later one of the same scope supersedes by then; this holds it to
      // the range's answer, and counts the years where that leaving out happened, so the check is not vacuous.
      await loaded();
      const { db } = database.current();
      for (const metric of METRICS) {
        const range = await companyValues(db, {
          ...YEARS,
          metric,
          basis: 'calendar',
          estimates: 'include',
          companySet: undefined,
        });
        for (let year = YEARS.from; year <= YEARS.to; year++) {
          const one = await companyValues(db, {
            from: year,
            to: year,
            metric,
            basis: 'calendar',
            estimates: 'include',
            companySet: undefined,
          });
          expect(one.get(year), `${metric} ${year}`).toEqual(range.get(year));
          for (const own of profiles.values())
            for (const p of own)
              if (own.some((q) => q.scope === p.scope && (q.fromYear ?? 0) > (p.fromYear ?? 0) && (q.fromYear ?? 0) <= year))
                superseded += 1;
        }
      }
    });

    it('read several metrics in one go as each metric alone, one year and the range, with each metric its own profile', async () => {
      // /profitability reads three metrics with one statement; a row given another metric's value or shares fails.
      await loaded();
      const { db } = database.current();
      // Not METRICS' order, so a result that follows the order of the rows read, not of the metrics, shows.
      const metrics = ['operating_income', 'revenue', 'capex'] as const;
      let differing = 0;
      for (const basis of ['calendar', 'fiscal'] as Basis[])
        for (const estimates of ['include', 'exclude'] as const)
          for (const range of [YEARS, ...[2020, 2023, 2025].map((year) => ({ from: year, to: year }))]) {
            const read = { ...range, basis, estimates, companySet: undefined };
            const together = await metricsValues(db, { ...read, metrics });
            expect([...together.keys()]).toEqual(metrics);
            for (const metric of metrics)
              expect(together.get(metric), `${metric} ${basis} ${estimates} ${range.from}–${range.to}`).toEqual(
                await companyValues(db, { ...read, metric }),
              );
            // Metrics whose shares differ for one company and year: the per-metric profiles are really in play.
            for (const [year, rows] of together.get('revenue')!)
              rows.forEach((row, i) => {
                if (!isDeepStrictEqual(row.shares, together.get('capex')!.get(year)![i]!.shares)) differing++;
              });
          }
      expect(differing).toBeGreaterThan(0);
    });

    it('answer /layers, /series, /profitability and /gap as the reference functions do on those rows, digit for digit', async () => {
      await loaded();
      const viewer = await makeUser('viewer');
      const actor = viewer;
      for (const basis of ['calendar', 'fiscal'] as Basis[]) {
        const [revenue, capex, income] = await Promise.all(METRICS.map((metric) => referenceRows(metric, basis, 'include')));
        const byMetric = { revenue: revenue!, capex: capex!, operating_income: income! };
        for (const metric of METRICS) {
          const rows = byMetric[metric];
          for (let year = YEARS.from; year <= YEARS.to; year++) {
            const answer = await layerAnalytics(
              { actor },
              layersQuerySchema.parse({ year: String(year), metric, basis, missing: 'all' }),
            );
            const { asOf: _asOf, year: _y, metric: _m, basis: _b, currency: _c, ...rest } = answer;
            expect(rest, `${metric} ${basis} ${year}`).toEqual(aggregateLayers(rows.get(year)!, metric));
          }
          const series = await seriesAnalytics(
            { actor },
            seriesQuerySchema.parse({ from: String(YEARS.from + 1), to: String(YEARS.to), metric, basis, missing: 'all' }),
          );
          for (const y of series.years) {
            const pools = layerPools(rows.get(y.year)!);
            const growth = poolGrowth(rows.get(y.year - 1)!, rows.get(y.year)!);
            expect(y.total).toBe(pools.total);
            expect(y.coverage).toEqual(pools.coverage);
            expect(y.layers.map((l) => [l.value, l.growth])).toEqual(
              pools.layers.map((l, i) => [l.value, growth.layers[i]!.growth]),
            );
          }
          // Like-for-like: the reference's pools over the companies with a value in every year of the range.
          const range = { from: YEARS.from + 1, to: YEARS.to };
          const same = likeForLikeRows(rows, range);
          const sameSeries = await seriesAnalytics(
            { actor },
            seriesQuerySchema.parse({ from: String(range.from), to: String(range.to), metric, basis, likeForLike: '1' }),
          );
          expect(sameSeries.likeForLike, `like-for-like ${metric} ${basis}`).toEqual(same.likeForLike);
          for (const y of sameSeries.years) {
            const pools = layerPools(same.byYear.get(y.year)!);
            expect(y.total).toBe(pools.total);
            expect(y.layers.map((l) => l.value)).toEqual(pools.layers.map((l) => l.value));
          }
        }
        for (let year = YEARS.from; year <= YEARS.to; year++) {
          const profit = await profitabilityAnalytics(
            { actor },
            profitabilityQuerySchema.parse({ year: String(year), basis, missing: 'all' }),
          );
          const reference = aggregateProfitability({
            revenue: revenue!.get(year)!,
            capex: capex!.get(year)!,
            operatingIncome: income!.get(year)!,
          });
          expect(profit.layers, `profitability ${basis} ${year}`).toEqual(reference.layers);
          expect(profit.coverage).toEqual(reference.coverage);
          const gap = await gapAnalytics({ actor }, gapQuerySchema.parse({ year: String(year), basis, missing: 'all' }));
          const wanted = requiredRevenueGap({ chips: revenue!.get(year)!, application: revenue!.get(year)!, g: 0.5, m: 0.5 });
          expect(gap.years[0], `gap ${basis} ${year}`).toEqual({ year, ...wanted });
        }
      }
    }, 180_000);
  },
);
