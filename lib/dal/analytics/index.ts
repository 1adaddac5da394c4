import 'server-only';
import type { Database } from '@/db/types';
import {
  coverageListing,
  coverageOf,
  likeForLikeRows,
  prepareYears,
  type PreparedYears,
  yearGap,
  yearGrowth,
  yearLayers,
  yearPools,
  yearPoolAmounts,
  yearProfitability,
  type CompanyYearValue,
  type CoverageOptions,
} from '../../domain/analytics';
import type { Metric } from '../../domain/figures/types';
import { FIRST_YEAR } from '../../domain/years';
import type {
  AnalyticsScope,
  FlowCellAnswer,
  FlowCellQuery,
  FlowsAnswer,
  FlowsQuery,
  GapAnswer,
  GapQuery,
  LayersAnswer,
  LayersQuery,
  ProfitabilityAnswer,
  ProfitabilityQuery,
  SeriesAnswer,
  SeriesQuery,
} from '../../analytics/schema';
import { dbOf, type Ctx } from '../context';
import { assertRole } from '../guard';
import { answerKey, answerOncePerVersion, type Share } from './answer-cache';
import { companySetCondition } from './company-set';
import { companyValues, metricsValues } from './company-values';
import { cellFlowsOf, flowsAggregateOf } from './flows';

export { dashboardYear, defaultAnalyticsYear } from './default-year';

type Range = { from: number; to: number };
/** An answer as computed: `answerOncePerVersion` adds the data version's `asOf`. */
type Computed<A> = Omit<A, 'asOf'>;

/**
 * The set's values of each metric, for the scope's basis and estimates mode: one statement for all the metrics,
 * read once among the answers of one data version that ask for the same (`share`): the dashboard's series and gap.
 */
function valuesOf(db: Database, scope: AnalyticsScope, range: Range, metrics: readonly Metric[], share: Share) {
  const { list, status, country, basis, estimates } = scope;
  return share(answerKey('values', { list, status, country, basis, estimates, ...range, metrics }), async () => {
    const companySet = await companySetCondition(db, scope);
    return metricsValues(db, { ...range, metrics, basis, estimates, companySet });
  });
}

async function valuesFor(db: Database, scope: AnalyticsScope, range: Range, metric: Metric, share: Share) {
  return (await valuesOf(db, scope, range, [metric], share)).get(metric)!;
}

/** The years from `from` to `to` and the one before, which a growth over `from` needs (none before FIRST_YEAR). */
const withYearBefore = ({ from, to }: Range): Range => ({ from: Math.max(FIRST_YEAR, from - 1), to });

/**
 * `prepareYears` once per read and listing: the answers that share a values read (`share`), the dashboard's series
 * and gap, share its preparation too. Kept with the read, and gone with it.
 */
const preparations = new WeakMap<ReadonlyMap<number, readonly CompanyYearValue[]>, Map<number, PreparedYears>>();
function preparedOnce(byYear: ReadonlyMap<number, readonly CompanyYearValue[]>, coverage: CoverageOptions): PreparedYears {
  const listed = coverage.listed ?? Infinity;
  let byListing = preparations.get(byYear);
  if (!byListing) preparations.set(byYear, (byListing = new Map()));
  let years = byListing.get(listed);
  if (!years) byListing.set(listed, (years = prepareYears(byYear, coverage)));
  return years;
}

const rowsOf = (byYear: Map<number, CompanyYearValue[]>, year: number) => byYear.get(year) ?? [];

/** GET /api/v1/analytics/layers (docs/data-contract.md §7): one year's pools, shares, concentration, top companies and coverage. */
export const layerAnalytics = answerOncePerVersion('layers', computeLayers);
async function computeLayers(ctx: Ctx, query: LayersQuery, share: Share): Promise<Computed<LayersAnswer>> {
  assertRole(ctx.actor, 'viewer');
  const { year, metric, basis } = query;
  const years = preparedOnce(
    await valuesFor(await dbOf(ctx), query, { from: year, to: year }, metric, share),
    coverageListing(query.missing),
  );
  return { year, metric, basis, currency: 'USD', ...yearLayers(years, year, metric) };
}

/**
 * GET /api/v1/analytics/series: each year's pools with like-for-like growth over the year before (the year before
 * `from` is read too, so the first year has a growth when its predecessor has data).
 */
export const seriesAnalytics = answerOncePerVersion('series', computeSeries);
async function computeSeries(ctx: Ctx, query: SeriesQuery, share: Share): Promise<Computed<SeriesAnswer>> {
  assertRole(ctx.actor, 'viewer');
  const { from, to, metric, basis } = query;
  const listing = coverageListing(query.missing);
  const byYear = await valuesFor(await dbOf(ctx), query, withYearBefore({ from, to }), metric, share);
  // Like-for-like sums only the companies present in every year; each year's coverage still counts the whole set.
  const selected = query.likeForLike ? likeForLikeRows(byYear, { from, to }) : null;
  const prepared = preparedOnce(selected?.byYear ?? byYear, listing);
  const years = [];
  for (let year = from; year <= to; year++) {
    const { total, estimated, layers, coverage } = yearPools(prepared, year);
    const growth = byYear.has(year - 1) ? yearGrowth(prepared, year) : null;
    years.push({
      year,
      total,
      estimated,
      growth: growth?.total ?? null,
      layers: layers.map((l, i) => ({ key: l.key, value: l.value, growth: growth?.layers[i]?.growth ?? null })),
      coverage: selected ? coverageOf(rowsOf(byYear, year), listing) : coverage,
    });
  }
  return { metric, basis, currency: 'USD', years, ...(selected && { likeForLike: selected.likeForLike }) };
}

/** GET /api/v1/analytics/profitability: revenue, capex and operating income by layer, the profit pool and capex intensity. */
export const profitabilityAnalytics = answerOncePerVersion('profitability', computeProfitability);
async function computeProfitability(ctx: Ctx, query: ProfitabilityQuery, share: Share): Promise<Computed<ProfitabilityAnswer>> {
  assertRole(ctx.actor, 'viewer');
  const { year, basis } = query;
  const metrics = ['revenue', 'capex', 'operating_income'] as const;
  const values = await valuesOf(await dbOf(ctx), query, { from: year, to: year }, metrics, share);
  const read = (metric: Metric) => preparedOnce(values.get(metric)!, coverageListing(query.missing));
  const result = yearProfitability(
    { revenue: read('revenue'), capex: read('capex'), operatingIncome: read('operating_income') },
    year,
  );
  return { year, basis, currency: 'USD', ...result };
}

/**
 * GET /api/v1/analytics/gap: the required-revenue gap (docs/data-contract.md §5) for a year or a range. The chips
 * input is the set, or the companies on `chipsList` (the other filters still apply); the application input is
 * always the set.
 */
export const gapAnalytics = answerOncePerVersion('gap', computeGap);
async function computeGap(ctx: Ctx, query: GapQuery, share: Share): Promise<Computed<GapAnswer>> {
  assertRole(ctx.actor, 'viewer');
  const { from, to, g, m, basis, chipsList } = query;
  const db = await dbOf(ctx);
  // The year before is read too, unused, so that the dashboard's revenue series and gap share one read.
  const application = await valuesFor(db, query, withYearBefore({ from, to }), 'revenue', share);
  const chips = chipsList
    ? await companyValues(db, {
        from,
        to,
        metric: 'revenue',
        basis,
        estimates: query.estimates,
        companySet: await companySetCondition(db, { ...query, list: chipsList }, 'chipsList'),
      })
    : application;
  const listing = coverageListing(query.missing);
  // Like-for-like keeps, in each input, the companies with revenue in every year of data; coverage stays the set's.
  const sameApplication = query.likeForLike ? likeForLikeRows(application, { from, to }) : null;
  const sameChips = chipsList && query.likeForLike ? likeForLikeRows(chips, { from, to }) : sameApplication;
  // Without a chips list both inputs are the same rows, read once.
  const appliedSet = preparedOnce(application, listing);
  const inputs = { application: appliedSet, chips: chipsList ? preparedOnce(chips, listing) : appliedSet };
  const plottedSet = sameApplication ? preparedOnce(sameApplication.byYear, listing) : appliedSet;
  const plotted = {
    application: plottedSet,
    chips: !chipsList ? plottedSet : sameChips ? preparedOnce(sameChips.byYear, listing) : inputs.chips,
  };
  const years = [];
  for (let year = from; year <= to; year++) years.push({ year, ...yearGap(plotted, year, { g, m }, inputs) });
  const likeForLike = sameApplication && {
    ...sameApplication.likeForLike,
    ...(chipsList && sameChips && { chipsList: sameChips.likeForLike }),
  };
  return { g, m, basis, currency: 'USD', ...(query.single ? years[0] : undefined), years, ...(likeForLike && { likeForLike }) };
}

/**
 * GET /api/v1/analytics/flows (docs/data-contract.md §9): who pays whom across the stack for one calendar year, set
 * against the set's revenue pools (calendar basis, the same estimates mode), which come from the values every other
 * answer uses; the flows are summed by one statement (./flows.ts) over the companies those values include.
 */
export const flowAnalytics = answerOncePerVersion('flows', computeFlows);
async function computeFlows(ctx: Ctx, query: FlowsQuery): Promise<Computed<FlowsAnswer>> {
  assertRole(ctx.actor, 'viewer');
  const { year } = query;
  const db = await dbOf(ctx);
  const companySet = await companySetCondition(db, query);
  const listing = coverageListing(query.missing);
  const values = await companyValues(db, {
    from: year,
    to: year,
    metric: 'revenue',
    basis: 'calendar',
    estimates: query.estimates,
    companySet,
  });
  const prepared = preparedOnce(values, listing);
  const aggregate = await flowsAggregateOf(db, query, {
    companySet,
    included: [...prepared.year(year).ids],
    pools: yearPoolAmounts(prepared, year),
    listed: listing.listed ?? Infinity,
  });
  return { year, basis: 'calendar', currency: 'USD', ...aggregate, poolCoverage: coverageOf(rowsOf(values, year), listing) };
}

/**
 * GET /api/v1/analytics/flows/cell: the flows of one matrix cell of `/analytics/flows` (the same choice and scope),
 * each with its source, so the dashboard's Sankey can list what a link sums; `top` holds only the largest 20.
 */
export const flowCellAnalytics = answerOncePerVersion('flows-cell', computeFlowCell);
async function computeFlowCell(ctx: Ctx, query: FlowCellQuery): Promise<Computed<FlowCellAnswer>> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const items = await cellFlowsOf(db, query, await companySetCondition(db, query));
  return { year: query.year, basis: 'calendar', currency: 'USD', from: query.from, to: query.to, items };
}
