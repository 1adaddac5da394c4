'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { LAYER_POOL_SEGMENTS, segmentOpacity, type LayerPoolRow, type PoolSegment } from '@/lib/charts/layer-pools';
import { PALETTE } from '@/lib/charts/palette';
import type { UsdAxis } from '@/lib/charts/usd-axis';
import { textWidth } from '@/lib/export/text-width';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import { AXIS_TICK, HOVER_CURSOR, usdAxisProps } from '../chart-style';
import { boxOf, SegmentText, TOTAL_LABEL_SIZE, type LabelContentProps } from '../segment-text';
import { definePlot } from './define-plot';

export interface LayerPoolsPlotProps {
  rows: LayerPoolRow[];
  axis: UsdAxis;
  axisTitle: string;
}

/** A bar's total, just past the end of its positive stack: drawn by the segment that ends it. */
function TotalLabel({ row, viewBox }: LabelContentProps & { row: LayerPoolRow }) {
  const box = boxOf(viewBox);
  if (!box) return null;
  return (
    <text
      x={box.x + Math.max(0, box.width) + 6}
      y={box.y + box.height / 2}
      dominantBaseline="central"
      fontSize={TOTAL_LABEL_SIZE}
      fontWeight={700}
      fill={PALETTE.text}
    >
      {row.totalLabel}
    </text>
  );
}

/** Layer pools: a bar per layer, stacked by its five largest companies and the rest; a click opens the company. */
function LayerPoolsPlot({ rows, axis, axisTitle }: LayerPoolsPlotProps) {
  const router = useRouter();
  // Room on the right for the widest total, so no label runs off the chart.
  const right = Math.max(24, ...rows.map((r) => textWidth(r.totalLabel, TOTAL_LABEL_SIZE, true) + 14));
  return (
    <BarChart data={rows} layout="vertical" stackOffset="sign" margin={{ top: 8, right, bottom: 24, left: 8 }}>
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
            <Cell key={r.layer} fill={r.colour} fillOpacity={segmentOpacity(rank)} />
          ))}
          {/* The company's name inside its segment when it fits (the tooltip always names it); the bar's total after it. */}
          <LabelList
            content={(props: LabelContentProps) => {
              const row = props.index === undefined ? undefined : rows[props.index];
              const s = row?.[`s${k}`] as PoolSegment | undefined;
              if (!row || !s) return null;
              return (
                <g>
                  <SegmentText {...props} text={s.name} colour={s.text} />
                  {row.totalAfter === k && <TotalLabel {...props} row={row} />}
                </g>
              );
            }}
          />
        </Bar>
      ))}
    </BarChart>
  );
}

export default definePlot(LayerPoolsPlot);
