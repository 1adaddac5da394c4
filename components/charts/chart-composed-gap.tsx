'use client';

import { useMemo } from 'react';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { GapControls, InputCoverage } from '@/components/dashboard/gap-controls';
import { LikeForLikeSwitch } from '@/components/dashboard/like-for-like-switch';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import { gapChart } from '@/lib/charts/gap';
import { ChartCard, queryState } from './chart-card';
import { lazyPlot, useHeldWhile } from './plot';

const GapPlot = lazyPlot(() => import('./plots/gap'));

/** The required-revenue gap: the application revenue chips revenue implies, against the actual, per year. */
export function ChartComposedGap() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('gap', filters);
  const chart = useMemo(() => gapChart(query.data, filters), [query.data, filters]);
  const { rows, axis, basis } = useHeldWhile(query.isPlaceholderData, chart);
  return (
    <ChartCard
      {...chart}
      {...queryState(query)}
      controls={
        <>
          <GapControls />
          <LikeForLikeSwitch />
          {chart.selected && <InputCoverage point={chart.selected} chipsList={filters.chipsList} />}
        </>
      }
    >
      <GapPlot rows={rows} axis={axis} basis={basis} />
    </ChartCard>
  );
}
