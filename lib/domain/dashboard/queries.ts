import { analyticsSearch, type DashboardFilters } from './filters';

export type ResolvedFilters = DashboardFilters & { year: number };

/** How many years the "over time" and gap charts look back from the selected year. */
export const SERIES_YEARS = 8;

/**
 * One factory for the dashboard's queries: each has its TanStack Query key and the API path that answers it.
 * The key holds only what changes the answer, so a filter that does not touch a chart does not refetch it.
 */
export const dashboardQueries = {
  layers: (f: ResolvedFilters) => ({
    key: ['analytics', 'layers', f.year, f.metric, f.basis, f.list, f.status, f.country, f.estimates] as const,
    path: `/api/v1/analytics/layers?${analyticsSearch(f)}`,
  }),
  series: (f: ResolvedFilters) => ({
    key: ['analytics', 'series', f.year, f.metric, f.basis, f.list, f.status, f.country, f.estimates] as const,
    path: `/api/v1/analytics/series?${analyticsSearch(f, { year: undefined, from: f.year - SERIES_YEARS + 1, to: f.year })}`,
  }),
  profitability: (f: ResolvedFilters) => ({
    key: ['analytics', 'profitability', f.year, f.basis, f.list, f.status, f.country, f.estimates] as const,
    path: `/api/v1/analytics/profitability?${analyticsSearch(f, { metric: undefined })}`,
  }),
  gap: (f: ResolvedFilters) => ({
    key: ['analytics', 'gap', f.year, f.basis, f.list, f.status, f.country, f.estimates, f.g, f.m, f.chipsList] as const,
    path: `/api/v1/analytics/gap?${analyticsSearch(f, { metric: undefined, year: undefined, from: f.year - SERIES_YEARS + 1, to: f.year, g: f.g, m: f.m, chipsList: f.chipsList })}`,
  }),
};
export type DashboardQuery = keyof typeof dashboardQueries;
