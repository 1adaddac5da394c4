'use client';

import { useMemo } from 'react';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import { concentrationChart } from '@/lib/charts/concentration';
import { ChartCard, queryState } from './chart-card';
import { lazyPlot, useHeldWhile } from './plot';

const ConcentrationPlot = lazyPlot(() => import('./plots/concentration'));

/** Concentration: each layer's HHI among the tracked companies, against the US merger-guideline thresholds. */
export function ChartBarConcentration() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('layers', filters);
  const chart = useMemo(() => concentrationChart(query.data, filters), [query.data, filters]);
  const { rows, metric } = useHeldWhile(query.isPlaceholderData, chart);
  return (
    <ChartCard {...chart} {...queryState(query)}>
      <ConcentrationPlot rows={rows} metric={metric} />
    </ChartCard>
  );
}
