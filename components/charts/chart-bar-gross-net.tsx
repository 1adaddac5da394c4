'use client';

import { useMemo } from 'react';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import { grossNetChart } from '@/lib/charts/flows-gross-net';
import { ChartCard, queryState } from './chart-card';
import { lazyPlot, useHeldWhile } from './plot';

const GrossNetPlot = lazyPlot(() => import('./plots/gross-net'));

/** Gross → known double counting → net revenue of the stack (docs/data-contract.md §9). */
export function ChartBarGrossNet() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('flows', filters);
  const chart = useMemo(() => grossNetChart(query.data, filters), [query.data, filters]);
  const { rows, axis } = useHeldWhile(query.isPlaceholderData, chart);
  return (
    <ChartCard {...chart} {...queryState(query)}>
      <GrossNetPlot rows={rows} axis={axis} />
    </ChartCard>
  );
}
