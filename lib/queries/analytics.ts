import { queryOptions } from '@tanstack/react-query';
import {
  analyticsSearch,
  type FlowCellAnswer,
  type FlowCellQuery,
  type FlowsAnswer,
  type FlowsQuery,
  type GapAnswer,
  type GapQuery,
  type LayersAnswer,
  type LayersQuery,
  type ProfitabilityAnswer,
  type ProfitabilityQuery,
  type SeriesAnswer,
  type SeriesQuery,
} from '../analytics/query';
import { fetchAnswer } from './fetch-answer';

/**
 * One TanStack Query factory per analytics answer. The key is the typed query itself, so two views that ask the
 * same question share one answer; the browser fetches the API path built from that query, and the server
 * prefetch answers the same key by calling the data layer with the same query (app/(app)/(main)/page.tsx).
 */
export const analyticsQueries = {
  layers: (query: LayersQuery) =>
    queryOptions({
      queryKey: ['analytics', 'layers', query] as const,
      queryFn: () => fetchAnswer<LayersAnswer>(`/api/v1/analytics/layers?${analyticsSearch(query)}`),
    }),
  series: (query: SeriesQuery) =>
    queryOptions({
      queryKey: ['analytics', 'series', query] as const,
      queryFn: () => fetchAnswer<SeriesAnswer>(`/api/v1/analytics/series?${analyticsSearch(query)}`),
    }),
  profitability: (query: ProfitabilityQuery) =>
    queryOptions({
      queryKey: ['analytics', 'profitability', query] as const,
      queryFn: () => fetchAnswer<ProfitabilityAnswer>(`/api/v1/analytics/profitability?${analyticsSearch(query)}`),
    }),
  gap: (query: GapQuery) =>
    queryOptions({
      queryKey: ['analytics', 'gap', query] as const,
      queryFn: () => fetchAnswer<GapAnswer>(`/api/v1/analytics/gap?${analyticsSearch(query)}`),
    }),
  flows: (query: FlowsQuery) =>
    queryOptions({
      queryKey: ['analytics', 'flows', query] as const,
      queryFn: () => fetchAnswer<FlowsAnswer>(`/api/v1/analytics/flows?${analyticsSearch(query)}`),
    }),
  flowCell: (query: FlowCellQuery) =>
    queryOptions({
      queryKey: ['analytics', 'flows', 'cell', query] as const,
      queryFn: () => fetchAnswer<FlowCellAnswer>(`/api/v1/analytics/flows/cell?${analyticsSearch(query)}`),
    }),
};
