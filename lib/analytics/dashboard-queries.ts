import {
  SERIES_YEARS,
  type FlowsQuery,
  type GapQuery,
  type LayersQuery,
  type ProfitabilityQuery,
  type SeriesQuery,
} from './query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { FIRST_YEAR } from '../domain/year-range';

/**
 * The typed analytics query behind each dashboard chart for the filters in the URL. Each holds only what changes
 * its answer (profitability reads every metric, so the metric filter does not refetch it), and the server prefetch
 * and the browser use these very values.
 */
export function dashboardQueries(f: ResolvedFilters) {
  const scope = {
    basis: f.basis,
    estimates: f.estimates,
    ...(f.list !== undefined && { list: f.list }),
    ...(f.status !== undefined && { status: f.status }),
    ...(f.country !== undefined && { country: f.country }),
  };
  // The first accepted year bounds the look-back, so the earliest years still draw.
  const range = {
    from: Math.max(FIRST_YEAR, f.year - SERIES_YEARS + 1),
    to: f.year,
    ...(f.likeForLike && { likeForLike: true as const }),
  };
  return {
    layers: { ...scope, year: f.year, metric: f.metric } satisfies LayersQuery,
    series: { ...scope, ...range, metric: f.metric } satisfies SeriesQuery,
    profitability: { ...scope, year: f.year } satisfies ProfitabilityQuery,
    // Flows are calendar years: the basis filter does not change this answer (docs/data-contract.md §9).
    flows: { ...scope, basis: 'calendar', year: f.year } satisfies FlowsQuery,
    gap: {
      ...scope,
      ...range,
      single: false,
      g: f.g,
      m: f.m,
      ...(f.chipsList !== undefined && { chipsList: f.chipsList }),
    } satisfies GapQuery,
  };
}
export type DashboardQuery = keyof ReturnType<typeof dashboardQueries>;
