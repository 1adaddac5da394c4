import type { Coverage, LayersAggregate, LikeForLike, Profitability, RequiredRevenueGap } from '../domain/analytics';
import type { FlowsAggregate, TopFlow } from '../domain/analytics/flows';
import type { LayerDetail } from '../domain/analytics/layer-detail';
import type { LayerFlows } from '../domain/analytics/layer-flows';
import type { Metric } from '../domain/figures/types';
import type { LayerKey } from '../domain/layers';

/**
 * The analytics queries and answers as types, and what the browser needs to ask for them, without a parser: the
 * client's query factory imports this module, the API and the CLI parse their input with lib/analytics/schema.ts
 * (which re-exports everything here), so the dashboard's JavaScript carries no schema library.
 */

/** How many years the over-time charts and a layer page's pool chart look back from the selected year. */
export const SERIES_YEARS = 8;

/** The longest range a series answers at once. */
export const MAX_SERIES_YEARS = 50;

export const BASES = ['calendar', 'fiscal'] as const;
export type Basis = (typeof BASES)[number];
export const ESTIMATES_MODES = ['include', 'exclude'] as const;
export type EstimatesMode = (typeof ESTIMATES_MODES)[number];

/** Which companies are analysed and how their values are read: shared by every analytics answer. */
export interface AnalyticsScope {
  basis: Basis;
  estimates: EstimatesMode;
  list?: string;
  status?: 'public' | 'private';
  country?: string;
  /** `all`: every missing company is named in the coverage, not only the first 50 (docs/data-contract.md §7). */
  missing?: 'all';
}

/** `/layers`: one year and one metric. */
export type LayersQuery = AnalyticsScope & { year: number; metric: Metric };

/** `/profitability`: one year; it reads all three metrics. */
export type ProfitabilityQuery = AnalyticsScope & { year: number };

/** `/layers/{key}`: one layer, one year and one metric (the key comes from the path). */
export type LayerDetailQuery = LayersQuery & { layer: LayerKey };

/**
 * Like-for-like (`likeForLike=1`): only the companies with a value in every year of the range that has data, the
 * same companies in every year. Absent when off, so the plain query keeps its cache key and URL.
 */
interface LikeForLikeMode {
  likeForLike?: true;
}

/** `/series`: a range of years and one metric. */
export type SeriesQuery = AnalyticsScope & LikeForLikeMode & { from: number; to: number; metric: Metric };

/** `/gap`: a range (or one year, then the answer repeats that year's fields at its top level) and the assumptions. */
export type GapQuery = AnalyticsScope &
  LikeForLikeMode & {
    from: number;
    to: number;
    /** Asked for one year (`year=`) rather than a range. */
    single: boolean;
    g: number;
    m: number;
    chipsList?: string;
  };

/** `/flows`: one calendar year (flows are not calendarised, so the basis is always calendar: docs/data-contract.md §9). */
export type FlowsQuery = AnalyticsScope & { basis: 'calendar'; year: number };

/** A layer page's customers and suppliers: the flows query and the layer. */
export type LayerFlowsQuery = FlowsQuery & { layer: LayerKey };

/**
 * `/flows/cell`: the in-scope flows of one matrix cell, from payer layer `from` to payee layer `to` (the dashboard's
 * Sankey lists them when a link is clicked; the aggregate's `top` holds only the largest 20 of all cells).
 */
export type FlowCellQuery = FlowsQuery & { from: LayerKey; to: LayerKey };

/** The set whose default year is searched (docs/data-contract.md §8): only the set filters count. */
export type DefaultYearQuery = Pick<AnalyticsScope, 'list' | 'status' | 'country'>;

/**
 * A typed query back as the API's query string: what the browser sends for the answer the server prefetched with
 * the same query. Parsing it with the query's schema gives the query back (pinned by a test).
 */
export function analyticsSearch(
  query: LayersQuery | LayerDetailQuery | ProfitabilityQuery | SeriesQuery | GapQuery | FlowsQuery | FlowCellQuery,
): string {
  // The layer of a detail query travels in the path; a one-year gap query is sent as `year`, so its answer keeps
  // that year's fields at the top level.
  const { single, from, to, layer: _layer, ...rest } = query as Partial<GapQuery & LayerDetailQuery> & Record<string, unknown>;
  const fields: Record<string, unknown> = single ? { ...rest, year: from } : { ...rest, from, to };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined) params.set(key, value === true ? '1' : String(value));
  params.sort();
  return params.toString();
}

// ---- Answers (docs/data-contract.md §7). Money is USD millions rounded to 6 decimals; ratios are unrounded.

interface AnswerHead {
  basis: Basis;
  currency: 'USD';
  /**
   * When the data this answer comes from was last written (ISO 8601): the data version's time (docs/architecture.md,
   * "The data version and the analytics cache"). Two answers with the same `asOf` come from the same data.
   */
  asOf: string;
}

export type LayersAnswer = AnswerHead & { year: number; metric: Metric } & LayersAggregate;

export interface SeriesYear {
  year: number;
  total: number;
  estimated: boolean;
  /** Like-for-like growth of the total over the year before; null when that year has no comparable pool. */
  growth: number | null;
  layers: { key: LayerKey; value: number; growth: number | null }[];
  coverage: Coverage;
}
/** With likeForLike=1: how many companies every year sums (those with a value in each year of data), of the set. */
export type SeriesAnswer = AnswerHead & { metric: Metric; years: SeriesYear[]; likeForLike?: LikeForLike };

export type ProfitabilityAnswer = AnswerHead & { year: number } & Profitability;

export type GapYear = { year: number } & RequiredRevenueGap;
/**
 * With likeForLike=1, `likeForLike` counts the set's companies kept, and with `chipsList` also that list's (the chips
 * input); each year's coverage still says who reported that year.
 */
export type GapAnswer = AnswerHead & {
  g: number;
  m: number;
  years: GapYear[];
  likeForLike?: LikeForLike & { chipsList?: LikeForLike };
} & Partial<GapYear>;

export interface LayerDetailYear {
  year: number;
  value: number;
  growth: number | null;
  /** How many of the layer's companies have a value that year, and how many do not. */
  companies: number;
  missing: number;
  estimated: boolean;
}
export type LayerDetailAnswer = AnswerHead & { year: number; metric: Metric } & LayerDetail & { series: LayerDetailYear[] };

/** `/flows` (docs/data-contract.md §9), with the revenue coverage of the pools it compares the flows with. */
export type FlowsAnswer = AnswerHead & { year: number } & FlowsAggregate & { poolCoverage: Coverage };

/** A layer page's customers and suppliers (docs/data-contract.md §9). */
export type LayerFlowsAnswer = AnswerHead & { year: number } & LayerFlows;

/** One flow of a cell, as `/flows/cell` lists it: `top`'s fields and the flow's source. */
export type CellFlow = TopFlow & { source: string | null };

/** `/flows/cell`: the cell's flows by USD value, largest first, tied as `top` is (docs/data-contract.md §9). */
export type FlowCellAnswer = AnswerHead & {
  year: number;
  from: LayerKey;
  to: LayerKey;
  items: CellFlow[];
};
