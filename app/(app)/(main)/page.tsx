import { dehydrate, HydrationBoundary, QueryClient, type DehydratedState } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense, type ReactNode } from 'react';
import { ChartBarCapexIntensity } from '@/components/charts/chart-bar-capex-intensity';
import { ChartBarGrossNet } from '@/components/charts/chart-bar-gross-net';
import { ChartBarConcentration } from '@/components/charts/chart-bar-concentration';
import { ChartBarLayerPools } from '@/components/charts/chart-bar-layer-pools';
import { ChartBarOverTime } from '@/components/charts/chart-bar-over-time';
import { ChartBarProfitPool } from '@/components/charts/chart-bar-profit-pool';
import { ChartBarStackMix } from '@/components/charts/chart-bar-stack-mix';
import { ChartBarTopFlows } from '@/components/charts/chart-bar-top-flows';
import { ChartBarValueAdded } from '@/components/charts/chart-bar-value-added';
import { ChartCardSkeleton } from '@/components/charts/chart-card-skeleton';
import { ChartComposedGap } from '@/components/charts/chart-composed-gap';
import { ChartSankeyFlows } from '@/components/charts/chart-sankey-flows';
import { DashboardCharts } from '@/components/dashboard/dashboard-charts';
import { DashboardProvider } from '@/components/dashboard/dashboard-context';
import { DashboardSummary } from '@/components/dashboard/dashboard-summary';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { FlowsSection, FlowsWide } from '@/components/dashboard/flows-section';
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
      <FilterBar />
      <Streamed
        answer={[answers.layers, answers.profitability, answers.series, answers.gap]}
        fallback={<div className="card skeleton" style={{ height: 160, marginTop: 16 }} aria-hidden="true" />}
      >
        <DashboardSummary />
      </Streamed>
      <DashboardCharts canFreeze={hasRole(actor.role, 'analyst')}>
        <FlowsWide>
          <Streamed answer={answers.flows}>
            <FlowsSection>
              <FlowsWide>
                <ChartSankeyFlows />
              </FlowsWide>
              <ChartBarGrossNet />
              <ChartBarValueAdded />
              <FlowsWide>
                <ChartBarTopFlows />
              </FlowsWide>
            </FlowsSection>
          </Streamed>
        </FlowsWide>
        <Streamed answer={answers.layers}>
          <ChartBarLayerPools />
        </Streamed>
        <Streamed answer={answers.profitability}>
          <ChartBarStackMix />
        </Streamed>
        <Streamed answer={answers.series}>
          <ChartBarOverTime />
        </Streamed>
        <Streamed answer={answers.layers}>
          <ChartBarConcentration />
        </Streamed>
        <Streamed answer={answers.profitability}>
          <ChartBarProfitPool />
        </Streamed>
        <Streamed answer={answers.profitability}>
          <ChartBarCapexIntensity />
        </Streamed>
        <Streamed answer={answers.gap}>
          <ChartComposedGap />
        </Streamed>
      </DashboardCharts>
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
  answer: Promise<DehydratedState> | Promise<DehydratedState>[];
  fallback?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Suspense fallback={fallback}>
      <Answered answer={answer}>{children}</Answered>
    </Suspense>
  );
}

async function Answered({
  answer,
  children,
}: {
  answer: Promise<DehydratedState> | Promise<DehydratedState>[];
  children: ReactNode;
}) {
  const states = await Promise.all([answer].flat());
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
