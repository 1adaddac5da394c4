'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { LAYER_POOL_SEGMENTS, type LayerPoolRow, type PoolSegment } from '@/lib/charts/layer-pools';
import { PALETTE } from '@/lib/charts/palette';
import type { UsdAxis } from '@/lib/charts/usd-axis';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import { AXIS_TICK, fadeFor, HOVER_CURSOR, usdAxisProps } from '../chart-style';
import { definePlot } from './define-plot';

export interface LayerPoolsPlotProps {
  rows: LayerPoolRow[];
  axis: UsdAxis;
  axisTitle: string;
}

/** Layer pools: a bar per layer, stacked by its five largest companies and the rest; a click opens the company. */
function LayerPoolsPlot({ rows, axis, axisTitle }: LayerPoolsPlotProps) {
  const router = useRouter();
  return (
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
  );
}

export default definePlot(LayerPoolsPlot);
