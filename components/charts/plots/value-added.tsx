'use client';

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { POOL_OPACITY, type ValueAddedRow } from '@/lib/charts/flows-value-added';
import { PALETTE } from '@/lib/charts/palette';
import type { UsdAxis } from '@/lib/charts/usd-axis';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import { AXIS_TICK, HOVER_CURSOR, usdAxisProps } from '../chart-style';
import { definePlot } from './define-plot';

export interface ValueAddedPlotProps {
  rows: ValueAddedRow[];
  axis: UsdAxis;
}

/** Per layer, its revenue pool (faded) above what it retains after its known purchases (full colour). */
function ValueAddedPlot({ rows, axis }: ValueAddedPlotProps) {
  return (
    <BarChart data={rows} layout="vertical" barGap={1} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
      <CartesianGrid horizontal={false} stroke={PALETTE.grid} />
      <XAxis type="number" {...usdAxisProps(axis, 'Revenue', 'x')} />
      <YAxis type="category" dataKey="layer" width={118} tick={AXIS_TICK} interval={0} />
      <Tooltip
        cursor={HOVER_CURSOR}
        content={({ active, payload }) => {
          const row = active ? (payload?.[0]?.payload as ValueAddedRow | undefined) : undefined;
          if (!row) return null;
          return (
            <div className="chart-tooltip">
              <strong>{row.layer}</strong>
              <br />
              Revenue pool P(L): {formatUsdMillions(row.pool)}
              <br />
              Known purchases from the stack: {formatUsdMillions(row.outflow)}
              <br />
              Retained: {formatUsdMillions(row.retained)}
              {row.kept !== null && ` (${formatPercent(row.kept)} of the pool)`}
            </div>
          );
        }}
      />
      <Bar dataKey="pool" name="Revenue pool" maxBarSize={16} isAnimationActive={false}>
        {rows.map((r) => (
          <Cell key={r.key} fill={r.colour} fillOpacity={POOL_OPACITY} />
        ))}
      </Bar>
      <Bar dataKey="retained" name="Retained" maxBarSize={16} isAnimationActive={false}>
        {rows.map((r) => (
          <Cell key={r.key} fill={r.colour} />
        ))}
      </Bar>
    </BarChart>
  );
}

export default definePlot(ValueAddedPlot);
