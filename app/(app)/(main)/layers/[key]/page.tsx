import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ChartBarLayerPool } from '@/components/charts/chart-bar-layer-pool';
import { ChartTreemapLayerCompanies } from '@/components/charts/chart-treemap-layer-companies';
import { FilterSummary } from '@/components/layer-detail/filter-summary';
import { LayerCompaniesTable } from '@/components/layer-detail/layer-companies-table';
import { LayerFlowsSection } from '@/components/layer-detail/layer-flows-section';
import { LayerHeader } from '@/components/layer-detail/layer-header';
import styles from '@/components/layer-detail/layer-detail.module.css';
import { requireUser } from '@/lib/auth/session';
import { defaultAnalyticsYear } from '@/lib/dal/analytics';
import { layerDetailAnalytics } from '@/lib/dal/analytics/layer-detail';
import { layerFlowsAnalytics } from '@/lib/dal/analytics/layer-flows';
import type { Ctx } from '@/lib/dal/context';
import { listLayers } from '@/lib/dal/layers';
import { dashboardFiltersToSearch, parseDashboardFilters, type DashboardFilters } from '@/lib/domain/dashboard/filters';
import { isLayerKey, layerOf } from '@/lib/domain/layers';
import { RuleError } from '@/lib/errors';
import { dashboardQueries } from '@/lib/analytics/dashboard-queries';

type Props = {
  params: Promise<{ key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { key } = await params;
  return { title: isLayerKey(key) ? layerOf(key).name : 'Layer' };
}

/**
 * One layer under the dashboard's filters (read from the URL, the default year as the dashboard's). Rendered on the
 * server with the data layer the API uses: nothing on this page changes the filters in the browser (they change on
 * the dashboard, and every change here is a navigation), so there is no client query to hydrate.
 */
export default async function LayerPage({ params, searchParams }: Props) {
  await connection();
  const actor = await requireUser('viewer');
  const ctx = { actor };
  const { key } = await params;
  if (!isLayerKey(key)) notFound();
  const filters = parseDashboardFilters(await searchParams);
  const year = filters.year ?? (await openingYear(ctx, filters));
  // The dashboard's layers query for the same filters, narrowed to this layer.
  const query = { ...dashboardQueries({ ...filters, year }).layers, layer: key };
  // Flows are calendar years whatever the basis (docs/data-contract.md §9); the metric does not apply to them.
  const { metric: _metric, ...scope } = query;
  // An unknown list is the reader's to fix, not a crash: say so in the page.
  const orRuleError = (error: unknown) => {
    if (error instanceof RuleError) return error;
    throw error;
  };
  const [layers, answer, flows] = await Promise.all([
    listLayers(ctx),
    layerDetailAnalytics(ctx, query).catch(orRuleError),
    layerFlowsAnalytics(ctx, { ...scope, basis: 'calendar' }).catch(orRuleError),
  ]);
  const layer = layers.find((l) => l.key === key);
  if (!layer) notFound();
  const colour = layerOf(key).colour;
  const withoutList = dashboardFiltersToSearch({ ...filters, list: undefined });
  return (
    <>
      <LayerHeader layer={layer} answer={answer instanceof RuleError ? null : answer} />
      <FilterSummary filters={filters} year={year} />
      {answer instanceof RuleError ? (
        <p className="message message-error">
          {answer.message} <Link href={`/layers/${key}${withoutList ? `?${withoutList}` : ''}`}>Show all companies</Link>.
        </p>
      ) : (
        <>
          <div className={styles.grid}>
            <ChartBarLayerPool answer={answer} colour={colour} />
            <ChartTreemapLayerCompanies answer={answer} colour={colour} />
          </div>
          <LayerCompaniesTable answer={answer} />
          {!(flows instanceof RuleError) && <LayerFlowsSection answer={flows} basis={filters.basis} />}
        </>
      )}
    </>
  );
}

/** The dashboard's year when the URL names none (docs/data-contract.md §8), or last year when no year qualifies. */
async function openingYear(ctx: Ctx, { list, status, country }: DashboardFilters): Promise<number> {
  const year = await defaultAnalyticsYear(ctx, { list, status, country }).catch(() => null);
  return year ?? new Date().getUTCFullYear() - 1;
}
