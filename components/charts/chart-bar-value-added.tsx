'use client';

import { useMemo } from 'react';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import { valueAddedChart } from '@/lib/charts/flows-value-added';
import { ChartCard, queryState } from './chart-card';
import { lazyPlot, useHeldWhile } from './plot';

const ValueAddedPlot = lazyPlot(() => import('./plots/value-added'));

/** Value added by layer: each layer's revenue pool beside what it retains after its known purchases. */
export function ChartBarValueAdded() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('flows', filters);
  const chart = useMemo(() => valueAddedChart(query.data, filters), [query.data, filters]);
  const { rows, axis } = useHeldWhile(query.isPlaceholderData, chart);
  return (
    <ChartCard {...chart} {...queryState(query)}>
      <ValueAddedPlot rows={rows} axis={axis} />
    </ChartCard>
  );
}
