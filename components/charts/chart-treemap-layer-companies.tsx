'use client';

import { useMemo } from 'react';
import { useUrlFilters } from '@/components/layer-detail/use-url-filters';
import type { LayerDetailAnswer } from '@/lib/analytics/query';
import { layerCompaniesChart } from '@/lib/charts/layer-companies';
import { ChartCard } from './chart-card';
import { lazyPlot } from './plot';

const LayerCompaniesPlot = lazyPlot(() => import('./plots/layer-companies'));

/** The layer's companies as tiles sized by attributed value, in shades of the layer colour; a click opens the company. */
export function ChartTreemapLayerCompanies({ answer, colour }: { answer: LayerDetailAnswer; colour: string }) {
  const filters = useUrlFilters();
  const { tiles, ...frame } = useMemo(() => layerCompaniesChart(answer, filters, colour), [answer, filters, colour]);
  return (
    <ChartCard {...frame} loading={false} stale={false} error={null} asOf={answer.asOf}>
      <LayerCompaniesPlot tiles={tiles} name={answer.name} />
    </ChartCard>
  );
}
