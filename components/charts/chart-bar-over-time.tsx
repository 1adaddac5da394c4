'use client';

import { useMemo } from 'react';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { LikeForLikeSwitch } from '@/components/dashboard/like-for-like-switch';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import { overTimeChart } from '@/lib/charts/over-time';
import { ChartCard, queryState } from './chart-card';
import { lazyPlot, useHeldWhile } from './plot';

const OverTimePlot = lazyPlot(() => import('./plots/over-time'));

/** Each layer's pool per year, stacked in stack order (Application on top), with like-for-like growth. */
export function ChartBarOverTime() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('series', filters);
  const chart = useMemo(() => overTimeChart(query.data, filters), [query.data, filters]);
  const { rows, axis, axisTitle, basis } = useHeldWhile(query.isPlaceholderData, chart);
  return (
    <ChartCard {...chart} {...queryState(query)} controls={<LikeForLikeSwitch />}>
      <OverTimePlot rows={rows} axis={axis} axisTitle={axisTitle} basis={basis} />
    </ChartCard>
  );
}
