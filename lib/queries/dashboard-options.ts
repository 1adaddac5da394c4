import type { FlowsAnswer, GapAnswer, LayersAnswer, ProfitabilityAnswer, SeriesAnswer } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { analyticsQueries } from './analytics';
import { dashboardQueries, type DashboardQuery } from '../analytics/dashboard-queries';

/** What each dashboard query answers. */
export interface DashboardAnswers {
  layers: LayersAnswer;
  series: SeriesAnswer;
  profitability: ProfitabilityAnswer;
  gap: GapAnswer;
  flows: FlowsAnswer;
}

type Inputs = ReturnType<typeof dashboardQueries>;

/** The query options of one dashboard chart for these filters: its typed query through its factory. */
export function dashboardQueryOptions<Q extends DashboardQuery>(name: Q, filters: ResolvedFilters) {
  // The factory and the input are picked by the same name; TypeScript cannot correlate the two lookups.
  const factory = analyticsQueries[name] as unknown as (input: Inputs[Q]) => ReturnType<(typeof analyticsQueries)[Q]>;
  return factory(dashboardQueries(filters)[name]);
}
