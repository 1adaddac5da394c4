'use client';

import { useMemo } from 'react';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import { stackMixChart } from '@/lib/charts/stack-mix';
import { ChartCard, queryState } from './chart-card';
import { lazyPlot, useHeldWhile } from './plot';

const StackMixPlot = lazyPlot(() => import('./plots/stack-mix'));

/** Stack mix: each layer's share of the stack's revenue, capex and operating income, as three 100% bars. */
export function ChartBarStackMix() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('profitability', filters);
  const chart = useMemo(() => stackMixChart(query.data, filters), [query.data, filters]);
  const { rows } = useHeldWhile(query.isPlaceholderData, chart);
  return (
    <ChartCard {...chart} {...queryState(query)}>
      <StackMixPlot rows={rows} />
    </ChartCard>
  );
}
