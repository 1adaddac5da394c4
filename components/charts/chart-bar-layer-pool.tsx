'use client';

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useUrlFilters } from '@/components/layer-detail/use-url-filters';
import type { LayerDetailAnswer, LayerDetailYear } from '@/lib/analytics/schema';
import { layerPoolChart } from '@/lib/charts/layer-pool';
import { PALETTE } from '@/lib/charts/palette';
import { formatSignedPercent, formatUsdMillions } from '@/lib/format';
import { ChartCard } from './chart-card';
import { HOVER_CURSOR, usdAxisProps, yearAxisProps } from './chart-style';

/** The layer's pool for each year up to the selected one; the selected year in full colour. */
export function ChartBarLayerPool({ answer, colour }: { answer: LayerDetailAnswer; colour: string }) {
  const filters = useUrlFilters();
  const { rows, axis, axisTitle, ...frame } = layerPoolChart(answer, filters);
  return (
    <ChartCard {...frame} loading={false} stale={false} error={null}>
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid vertical={false} stroke={PALETTE.grid} />
        <XAxis {...yearAxisProps(answer.basis)} />
        <YAxis width={80} {...usdAxisProps(axis, axisTitle, 'y')} />
        <ReferenceLine y={0} stroke={PALETTE.referenceFaint} />
        <Tooltip
          cursor={HOVER_CURSOR}
          content={({ active, payload }) => <PointTooltip point={active ? payload?.[0]?.payload : undefined} />}
        />
        <Bar dataKey="value" isAnimationActive={false}>
          {rows.map((p) => (
            <Cell key={p.year} fill={colour} fillOpacity={p.selected ? 1 : 0.55} />
          ))}
        </Bar>
      </BarChart>
    </ChartCard>
  );
}

function PointTooltip({ point }: { point: LayerDetailYear | undefined }) {
  if (!point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.year}</strong>: {formatUsdMillions(point.value)}
      {point.growth !== null && ` · ${formatSignedPercent(point.growth)}`}
      <br />
      {point.companies} {point.companies === 1 ? 'company' : 'companies'}
      {point.missing > 0 && ` · ${point.missing} missing`}
      {point.estimated && ' · includes estimates'}
    </div>
  );
}
