'use client';

import { useMemo } from 'react';
import { useUrlFilters } from '@/components/layer-detail/use-url-filters';
import type { LayerDetailAnswer } from '@/lib/analytics/query';
import { layerPoolChart } from '@/lib/charts/layer-pool';
import { ChartCard } from './chart-card';
import { lazyPlot } from './plot';

const LayerPoolPlot = lazyPlot(() => import('./plots/layer-pool'));

/** The layer's pool for each year up to the selected one; the selected year in full colour. */
export function ChartBarLayerPool({ answer, colour }: { answer: LayerDetailAnswer; colour: string }) {
  const filters = useUrlFilters();
  const { rows, axis, axisTitle, ...frame } = useMemo(() => layerPoolChart(answer, filters), [answer, filters]);
  return (
    <ChartCard {...frame} loading={false} stale={false} error={null} asOf={answer.asOf}>
      <LayerPoolPlot rows={rows} axis={axis} axisTitle={axisTitle} basis={answer.basis} colour={colour} />
    </ChartCard>
  );
}
