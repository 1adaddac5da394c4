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
import type { Actor } from '@/lib/domain/actor';
import { parseDashboardFilters } from '@/lib/domain/dashboard/filters';
import { dashboardQueries, type DashboardQuery, type ResolvedFilters } from '@/lib/domain/dashboard/queries';

export const metadata: Metadata = { title: 'Dashboard' };

const ANSWER: Record<DashboardQuery, (actor: Actor, params: Record<string, string>) => Promise<unknown>> = {
  layers: layerAnalytics,
  series: seriesAnalytics,
  profitability: profitabilityAnalytics,
  gap: gapAnalytics,
};

/**
 * The dashboard: the server resolves the default year (SPEC §8) and answers every chart's query through the same
 * data-layer functions as the API (with the very parameters the browser would send), so the first paint is
 * complete; later filter changes are fetched by the browser.
 */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const actor = await requireUser('viewer');
  const filters = parseDashboardFilters(await searchParams);
  const [lists, countries, defaultYear] = await Promise.all([
    listLists(actor),
    companyCountries(actor),
    defaultAnalyticsYear(actor, { list: filters.list, status: filters.status, country: filters.country }).catch(() => null),
  ]);
  const fallbackYear = defaultYear ?? new Date().getUTCFullYear() - 1;
  const resolved: ResolvedFilters = { ...filters, year: filters.year ?? fallbackYear };

  const client = new QueryClient();
  await Promise.all(
    (Object.keys(dashboardQueries) as DashboardQuery[]).map((name) => {
      const query = dashboardQueries[name](resolved);
      const params = Object.fromEntries(new URLSearchParams(query.path.split('?')[1]));
      return client.prefetchQuery({ queryKey: query.key, queryFn: () => ANSWER[name](actor, params) });
    }),
  );
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
