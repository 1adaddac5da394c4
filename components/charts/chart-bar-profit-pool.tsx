'use client';

import { useMemo } from 'react';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import { profitPoolChart } from '@/lib/charts/profit-pool';
import { ChartCard, queryState } from './chart-card';
import { lazyPlot, useHeldWhile } from './plot';

const ProfitPoolPlot = lazyPlot(() => import('./plots/profit-pool'));

/** Bain's profit-pool chart: each layer's width is its share of revenue, its height its operating margin. */
export function ChartBarProfitPool() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('profitability', filters);
  const chart = useMemo(() => profitPoolChart(query.data, filters), [query.data, filters]);
  const { bars, marginAxis } = useHeldWhile(query.isPlaceholderData, chart);
  return (
    <ChartCard {...chart} {...queryState(query)}>
      <ProfitPoolPlot bars={bars} marginAxis={marginAxis} />
    </ChartCard>
  );
}
