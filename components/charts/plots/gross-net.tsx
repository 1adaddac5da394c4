'use client';

import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { GrossNetRow } from '@/lib/charts/flows-gross-net';
import { PALETTE } from '@/lib/charts/palette';
import type { UsdAxis } from '@/lib/charts/usd-axis';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import { AXIS_TICK, HOVER_CURSOR, usdAxisProps } from '../chart-style';
import { definePlot } from './define-plot';

export interface GrossNetPlotProps {
  rows: GrossNetRow[];
  axis: UsdAxis;
}

/** Gross → known double counting → net: the middle bar floats from net up to gross. */
function GrossNetPlot({ rows, axis }: GrossNetPlotProps) {
  return (
    <BarChart data={rows} margin={{ top: 24, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid vertical={false} stroke={PALETTE.grid} />
      <XAxis dataKey="step" tick={AXIS_TICK} interval={0} />
      <YAxis type="number" width={64} {...usdAxisProps(axis, 'Revenue', 'y')} />
      <Tooltip
        cursor={HOVER_CURSOR}
        content={({ active, payload }) => {
          const row = active ? (payload?.[0]?.payload as GrossNetRow | undefined) : undefined;
          if (!row) return null;
          return (
            <div className="chart-tooltip">
              <strong>{row.step}</strong>
              <br />
              {formatUsdMillions(row.value)} · {formatPercent(row.share)} of gross
            </div>
          );
        }}
      />
      <Bar dataKey="base" stackId="step" fill="transparent" isAnimationActive={false} />
      <Bar dataKey="value" stackId="step" maxBarSize={96} isAnimationActive={false}>
        {rows.map((r) => (
          <Cell key={r.step} fill={r.colour} />
        ))}
        <LabelList
          dataKey="value"
          position="top"
          fontSize={12}
          fill={PALETTE.axisTick}
          formatter={(v) => formatUsdMillions(Number(v))}
        />
      </Bar>
    </BarChart>
  );
}

export default definePlot(GrossNetPlot);
