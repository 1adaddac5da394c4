import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DashboardCharts } from '@/components/dashboard/dashboard-charts';
import { DashboardProvider } from '@/components/dashboard/dashboard-context';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { defaultAnalyticsYear, gapAnalytics, layerAnalytics, profitabilityAnalytics, seriesAnalytics } from '@/lib/dal/analytics';
import { companyCountries } from '@/lib/dal/companies';
import { listLists } from '@/lib/dal/lists';
import { parseDashboardFilters, type ResolvedFilters } from '@/lib/domain/dashboard/filters';
import { analyticsQueries } from '@/lib/queries/analytics';
import { dashboardQueries } from '@/lib/queries/dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

/**
 * The dashboard: the server resolves the default year (docs/data-contract.md §8) and answers every chart's query
 * through the same data-layer functions as the API, with the same typed queries and keys the browser's query
 * factory uses, so the first paint is complete; later filter changes are fetched by the browser.
 */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const actor = await requireUser('viewer');
  const ctx = { actor };
  const filters = parseDashboardFilters(await searchParams);
  const [lists, countries, defaultYear] = await Promise.all([
    listLists(ctx),
    companyCountries(ctx),
    defaultAnalyticsYear(ctx, { list: filters.list, status: filters.status, country: filters.country }).catch(() => null),
  ]);
  const fallbackYear = defaultYear ?? new Date().getUTCFullYear() - 1;
  const resolved: ResolvedFilters = { ...filters, year: filters.year ?? fallbackYear };

  const client = new QueryClient();
  const queries = dashboardQueries(resolved);
  await Promise.all([
    client.prefetchQuery({ ...analyticsQueries.layers(queries.layers), queryFn: () => layerAnalytics(ctx, queries.layers) }),
    client.prefetchQuery({ ...analyticsQueries.series(queries.series), queryFn: () => seriesAnalytics(ctx, queries.series) }),
    client.prefetchQuery({
      ...analyticsQueries.profitability(queries.profitability),
      queryFn: () => profitabilityAnalytics(ctx, queries.profitability),
    }),
    client.prefetchQuery({ ...analyticsQueries.gap(queries.gap), queryFn: () => gapAnalytics(ctx, queries.gap) }),
  ]);
  return (
    <DashboardProvider defaultYear={fallbackYear} lists={lists.map((l) => l.name)} countries={countries}>
      <PageHeader title="Where value accrues across the AI stack">
        Revenue flows down the stack from applications; capex flows up ahead of it. Pick a year, a metric and a set of companies.
      </PageHeader>
      <FilterBar />
      <HydrationBoundary state={dehydrate(client)}>
        <DashboardCharts />
      </HydrationBoundary>
    </DashboardProvider>
  );
}
