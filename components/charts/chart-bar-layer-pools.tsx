'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import { LAYER_POOL_SEGMENTS, layerPoolsChart, type LayerPoolRow, type PoolSegment } from '@/lib/charts/layer-pools';
import { PALETTE } from '@/lib/charts/palette';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import { ChartCard, queryState } from './chart-card';
import { AXIS_TICK, fadeFor, HOVER_CURSOR, usdAxisProps } from './chart-style';

/** Layer pools: a bar per layer, stacked by its five largest companies and the rest; a click opens the company. */
export function ChartBarLayerPools() {
  const router = useRouter();
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('layers', filters);
  const { rows, axis, axisTitle, ...frame } = layerPoolsChart(query.data, filters);
  return (
    <ChartCard {...frame} {...queryState(query)}>
      <BarChart data={rows} layout="vertical" stackOffset="sign" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid horizontal={false} stroke={PALETTE.grid} />
        <XAxis type="number" {...usdAxisProps(axis, axisTitle, 'x')} />
        <YAxis type="category" dataKey="layer" width={118} tick={AXIS_TICK} interval={0} />
        <Tooltip
          cursor={HOVER_CURSOR}
          content={({ active, payload }) => {
            const segment = active ? (payload?.[0]?.payload as LayerPoolRow | undefined) : undefined;
            const key = payload?.[0]?.dataKey?.toString().replace(/^v/, 's');
            const s = segment && key ? (segment[key] as PoolSegment | undefined) : undefined;
            if (!s) return null;
            return (
              <div className="chart-tooltip">
                <strong>{s.name}</strong>
                <br />
                {formatUsdMillions(s.value)}
                {s.share !== null && ` · ${formatPercent(s.share)} of ${segment!.layer.replace(/^\d /, '')}`}
              </div>
            );
          }}
        />
        {LAYER_POOL_SEGMENTS.map((k, rank) => (
          <Bar
            key={k}
            dataKey={`v${k}`}
            stackId="pool"
            isAnimationActive={false}
            stroke={PALETTE.white}
            strokeWidth={1}
            cursor={k === 'Others' ? undefined : 'pointer'}
            onClick={(data: { payload?: LayerPoolRow }) => {
              const s = data.payload?.[`s${k}`] as PoolSegment | undefined;
              if (s?.id) router.push(`/companies/${s.id}`);
            }}
          >
            {rows.map((r) => (
              <Cell key={r.layer} fill={r.colour} fillOpacity={fadeFor(rank, LAYER_POOL_SEGMENTS.length)} />
            ))}
          </Bar>
        ))}
      </BarChart>
    </ChartCard>
  );
}
