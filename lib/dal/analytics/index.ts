import 'server-only';
import { getDb } from '@/db/client';
import type { Database } from '@/db/types';
import type { Actor } from '../../domain/actor';
import {
  aggregateLayers,
  aggregateProfitability,
  coverageOf,
  layerPools,
  poolGrowth,
  requiredRevenueGap,
  type CompanyYearValue,
} from '../../domain/analytics';
import {
  gapParamsSchema,
  oneYearParamsSchema,
  rangeParamsSchema,
  yearsOf,
  type AnalyticsParams,
} from '../../domain/analytics/params';
import type { Metric } from '../../domain/figures/types';
import { assertRole } from '../guard';
import { companySetCondition } from './company-set';
import { companyValues } from './company-values';

type Range = { from: number; to: number };

async function valuesFor(db: Database, params: AnalyticsParams, range: Range, metric: Metric = params.metric) {
  const companySet = await companySetCondition(db, params);
  return companyValues(db, { ...range, metric, basis: params.basis, estimates: params.estimates, companySet });
}

const rowsOf = (byYear: Map<number, CompanyYearValue[]>, year: number) => byYear.get(year) ?? [];

/** GET /api/v1/analytics/layers (SPEC §7): one year's pools, shares, concentration, top companies and coverage. */
export async function layerAnalytics(actor: Actor, raw: unknown) {
  assertRole(actor, 'viewer');
  const params = oneYearParamsSchema.parse(raw);
  const year = params.year!;
  const db = await getDb();
  const rows = rowsOf(await valuesFor(db, params, { from: year, to: year }), year);
  const aggregate = aggregateLayers(rows, params.metric);
  return { year, metric: params.metric, basis: params.basis, currency: 'USD' as const, ...aggregate };
}

/**
 * GET /api/v1/analytics/series: each year's pools with like-for-like growth over the year before (the year before
 * `from` is read too, so the first year has a growth when its predecessor has data).
 */
export async function seriesAnalytics(actor: Actor, raw: unknown) {
  assertRole(actor, 'viewer');
  const params = rangeParamsSchema.parse(raw);
  const { from, to } = yearsOf(params);
  const db = await getDb();
  const byYear = await valuesFor(db, params, { from: Math.max(1990, from - 1), to });
  const years = [];
  for (let year = from; year <= to; year++) {
    const rows = rowsOf(byYear, year);
    const { total, estimated, layers, coverage } = layerPools(rows);
    const growth = byYear.has(year - 1) ? poolGrowth(rowsOf(byYear, year - 1), rows) : null;
    years.push({
      year,
      total,
      estimated,
      growth: growth?.total ?? null,
      layers: layers.map((l, i) => ({ key: l.key, value: l.value, growth: growth?.layers[i]?.growth ?? null })),
      coverage,
    });
  }
  return { metric: params.metric, basis: params.basis, currency: 'USD' as const, years };
}

/** GET /api/v1/analytics/profitability: revenue, capex and operating income by layer, the profit pool and capex intensity. */
export async function profitabilityAnalytics(actor: Actor, raw: unknown) {
  assertRole(actor, 'viewer');
  const params = oneYearParamsSchema.parse(raw);
  const year = params.year!;
  const range = { from: year, to: year };
  const db = await getDb();
  const [revenue, capex, operatingIncome] = await Promise.all(
    (['revenue', 'capex', 'operating_income'] as const).map(async (metric) =>
      rowsOf(await valuesFor(db, params, range, metric), year),
    ),
  );
  const result = aggregateProfitability({ revenue: revenue!, capex: capex!, operatingIncome: operatingIncome! });
  return { year, basis: params.basis, currency: 'USD' as const, ...result };
}

/**
 * GET /api/v1/analytics/gap: the required-revenue gap (SPEC §5) for a year or a range. The chips input is the set,
 * or the companies on `chipsList` (the other filters still apply); the application input is always the set.
 */
export async function gapAnalytics(actor: Actor, raw: unknown) {
  assertRole(actor, 'viewer');
  const params = gapParamsSchema.parse(raw);
  const range = yearsOf(params);
  const db = await getDb();
  const revenue = { ...params, metric: 'revenue' as const };
  const application = await valuesFor(db, revenue, range);
  const chips = params.chipsList
    ? await companyValues(db, {
        ...range,
        metric: 'revenue',
        basis: params.basis,
        estimates: params.estimates,
        companySet: await companySetCondition(db, { ...params, list: params.chipsList }, 'chipsList'),
      })
    : application;
  const years = [];
  for (let year = range.from; year <= range.to; year++)
    years.push({
      year,
      ...requiredRevenueGap({ chips: rowsOf(chips, year), application: rowsOf(application, year), g: params.g, m: params.m }),
    });
  const single = params.from === undefined && years.length === 1 ? years[0] : undefined;
  return { g: params.g, m: params.m, basis: params.basis, currency: 'USD' as const, ...single, years };
}

/**
 * The year a dashboard opens on (SPEC §8): the latest in which at least 80% of the set has revenue on the calendar
 * basis, searched over the `lookback` years up to `latest`; null when no year qualifies.
 */
export async function defaultAnalyticsYear(
  actor: Actor,
  raw: unknown,
  { latest = new Date().getUTCFullYear(), lookback = 15 }: { latest?: number; lookback?: number } = {},
): Promise<number | null> {
  assertRole(actor, 'viewer');
  const params = rangeParamsSchema.parse({ ...(raw as object), from: latest - lookback + 1, to: latest });
  const db = await getDb();
  const byYear = await valuesFor(db, { ...params, metric: 'revenue', basis: 'calendar' }, { from: params.from!, to: latest });
  for (let year = latest; year > latest - lookback; year--) {
    const { included, missing } = coverageOf(rowsOf(byYear, year));
    if (included > 0 && included >= 0.8 * (included + missing.length)) return year;
  }
  return null;
}
