'use client';

import { useMemo } from 'react';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import { layerPoolsChart } from '@/lib/charts/layer-pools';
import { ChartCard, queryState } from './chart-card';
import { lazyPlot, useHeldWhile } from './plot';

const LayerPoolsPlot = lazyPlot(() => import('./plots/layer-pools'));

/** Layer pools: a bar per layer, stacked by its five largest companies and the rest; a click opens the company. */
export function ChartBarLayerPools() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('layers', filters);
  const chart = useMemo(() => layerPoolsChart(query.data, filters), [query.data, filters]);
  const { rows, axis, axisTitle } = useHeldWhile(query.isPlaceholderData, chart);
  return (
    <ChartCard {...chart} {...queryState(query)}>
      <LayerPoolsPlot rows={rows} axis={axis} axisTitle={axisTitle} />
    </ChartCard>
  );
}
