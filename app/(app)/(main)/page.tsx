import { dehydrate, HydrationBoundary, QueryClient, type DehydratedState } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense, type ReactNode } from 'react';
import { ChartCardSkeleton } from '@/components/charts/chart-card-skeleton';
import { DashboardBody } from '@/components/dashboard/dashboard-body';
import { DashboardProvider } from '@/components/dashboard/dashboard-context';
import { PageHeader } from '@/components/ui/page-header';
import type { Actor } from '@/lib/domain/actor';
import { requireUser } from '@/lib/auth/session';
import { hasRole } from '@/lib/domain/roles';
import {
  defaultAnalyticsYear,
  flowAnalytics,
  gapAnalytics,
  layerAnalytics,
  profitabilityAnalytics,
  seriesAnalytics,
} from '@/lib/dal/analytics';
import { companyCountries } from '@/lib/dal/companies';
import { listLists } from '@/lib/dal/lists';
import { parseDashboardFilters, type DashboardFilters, type ResolvedFilters } from '@/lib/domain/dashboard/filters';
import { analyticsQueries } from '@/lib/queries/analytics';
import { dashboardQueries } from '@/lib/analytics/dashboard-queries';

export const metadata: Metadata = { title: 'Dashboard' };

/**
 * The dashboard. Its title paints at once; the filters follow as soon as the server has the lists, countries and
 * the default year (docs/data-contract.md §8), and each chart streams in as its own answer arrives, so the first
 * paint never waits for the slowest query. The server answers every chart's query through the same data-layer
 * functions as the API, with the same typed queries and keys the browser's query factory uses; later filter
 * changes are fetched by the browser.
 */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const actor = await requireUser('viewer');
  const filters = parseDashboardFilters(await searchParams);
  return (
    <>
      <PageHeader title="Where value accrues across the AI stack">
        Revenue flows down the stack from applications; capex flows up ahead of it. Pick a year, a metric and a set of companies.
      </PageHeader>
      <Suspense fallback={<DashboardSkeleton />}>
        <Dashboard actor={actor} filters={filters} />
      </Suspense>
    </>
  );
}

/** The filters and the charts, once the year is settled; each chart behind its own boundary. */
async function Dashboard({ actor, filters }: { actor: Actor; filters: DashboardFilters }) {
  const ctx = { actor };
  const [lists, countries, defaultYear] = await Promise.all([
    listLists(ctx),
    companyCountries(ctx),
    defaultAnalyticsYear(ctx, { list: filters.list, status: filters.status, country: filters.country }).catch(() => null),
  ]);
  const fallbackYear = defaultYear ?? new Date().getUTCFullYear() - 1;
  const resolved: ResolvedFilters = { ...filters, year: filters.year ?? fallbackYear };
  const answers = prefetchAnswers(ctx, resolved);
  return (
    <DashboardProvider defaultYear={fallbackYear} lists={lists.map((l) => l.name)} countries={countries}>
      <DashboardBody
        canFreeze={hasRole(actor.role, 'analyst')}
        gate={(names, part, fallback) => (
          <Streamed answer={names.map((name) => answers[name])} fallback={fallback}>
            {part}
          </Streamed>
        )}
      />
    </DashboardProvider>
  );
}

/**
 * Starts the five queries at once, each in a query client of its own, and gives each answer's dehydrated state as
 * a promise: a chart renders when its own answer is in. A failed query is left out of its state (TanStack's
 * default), so the browser asks again and the card shows the error.
 */
function prefetchAnswers(ctx: { actor: Actor }, filters: ResolvedFilters) {
  const queries = dashboardQueries(filters);
  const answer = async <T,>(options: { queryKey: readonly unknown[] }, queryFn: () => Promise<T>): Promise<DehydratedState> => {
    const client = new QueryClient();
    await client.prefetchQuery({ queryKey: options.queryKey, queryFn });
    return dehydrate(client);
  };
  return {
    layers: answer(analyticsQueries.layers(queries.layers), () => layerAnalytics(ctx, queries.layers)),
    series: answer(analyticsQueries.series(queries.series), () => seriesAnalytics(ctx, queries.series)),
    profitability: answer(analyticsQueries.profitability(queries.profitability), () =>
      profitabilityAnalytics(ctx, queries.profitability),
    ),
    gap: answer(analyticsQueries.gap(queries.gap), () => gapAnalytics(ctx, queries.gap)),
    flows: answer(analyticsQueries.flows(queries.flows), () => flowAnalytics(ctx, queries.flows)),
  };
}

/** A chart (or the summary) once its answer (or answers) is in, handed to the browser's query cache. */
function Streamed({
  answer,
  fallback = <ChartCardSkeleton />,
  children,
}: {
  answer: Promise<DehydratedState>[];
  fallback?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Suspense fallback={fallback}>
      <Answered answer={answer}>{children}</Answered>
    </Suspense>
  );
}

async function Answered({ answer, children }: { answer: Promise<DehydratedState>[]; children: ReactNode }) {
  const states = await Promise.all(answer);
  const state: DehydratedState = { mutations: [], queries: states.flatMap((s) => s.queries) };
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}

/** The filters' and the charts' places while the year is settled. */
function DashboardSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the dashboard">
      <div className="card skeleton" style={{ height: 112, marginBottom: 16 }} />
      <ChartCardSkeleton />
    </div>
  );
}
