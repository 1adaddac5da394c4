'use client';

import { useMemo } from 'react';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import { capexIntensityChart } from '@/lib/charts/capex-intensity';
import { ChartCard, queryState } from './chart-card';
import { lazyPlot, useHeldWhile } from './plot';

const CapexIntensityPlot = lazyPlot(() => import('./plots/capex-intensity'));

/** Capex intensity: capex / revenue per layer, over the companies with both figures. */
export function ChartBarCapexIntensity() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('profitability', filters);
  const chart = useMemo(() => capexIntensityChart(query.data, filters), [query.data, filters]);
  const { rows, ticks, digits } = useHeldWhile(query.isPlaceholderData, chart);
  return (
    <ChartCard {...chart} {...queryState(query)}>
      <CapexIntensityPlot rows={rows} ticks={ticks} digits={digits} />
    </ChartCard>
  );
}
