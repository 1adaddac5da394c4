'use client';

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { TopFlowRow } from '@/lib/charts/flows-top';
import { PALETTE } from '@/lib/charts/palette';
import type { UsdAxis } from '@/lib/charts/usd-axis';
import { formatUsdMillions } from '@/lib/format';
import { AXIS_TICK, HOVER_CURSOR, usdAxisProps } from '../chart-style';
import { definePlot } from './define-plot';

export interface TopFlowsPlotProps {
  rows: TopFlowRow[];
  axis: UsdAxis;
}

/** The largest flows, a bar each labelled payer → payee, coloured by the payer's layer. */
function TopFlowsPlot({ rows, axis }: TopFlowsPlotProps) {
  return (
    <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
      <CartesianGrid horizontal={false} stroke={PALETTE.grid} />
      <XAxis type="number" {...usdAxisProps(axis, 'Flow', 'x')} />
      <YAxis type="category" dataKey="label" width={190} tick={{ ...AXIS_TICK, fontSize: 11 }} interval={0} />
      <Tooltip
        cursor={HOVER_CURSOR}
        content={({ active, payload }) => {
          const row = active ? (payload?.[0]?.payload as TopFlowRow | undefined) : undefined;
          if (!row) return null;
          return (
            <div className="chart-tooltip">
              <strong>{row.label}</strong>
              <br />
              {row.payerLayer} → {row.payeeLayer}
              <br />
              {formatUsdMillions(row.value)} · {row.kind}
            </div>
          );
        }}
      />
      <Bar dataKey="value" maxBarSize={14} isAnimationActive={false}>
        {rows.map((r) => (
          <Cell key={r.id} fill={r.colour} />
        ))}
      </Bar>
    </BarChart>
  );
}

export default definePlot(TopFlowsPlot);
