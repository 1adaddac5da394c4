'use client';

import { Bar, BarChart, CartesianGrid, Cell, LabelList, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { IntensityRow } from '@/lib/charts/capex-intensity';
import { PALETTE } from '@/lib/charts/palette';
import { formatPercent } from '@/lib/format';
import { AXIS_LABEL, AXIS_TICK, HOVER_CURSOR } from '../chart-style';
import { definePlot } from './define-plot';
import { LayerMissing } from './layer-missing';

export interface CapexIntensityPlotProps {
  rows: IntensityRow[];
  ticks: number[];
  digits: number;
}

/** Capex intensity: capex / revenue per layer, over the companies with both figures. */
function CapexIntensityPlot({ rows, ticks, digits }: CapexIntensityPlotProps) {
  return (
    <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 48, bottom: 24, left: 8 }}>
      <CartesianGrid horizontal={false} stroke={PALETTE.grid} />
      <XAxis
        type="number"
        domain={[0, ticks.at(-1) ?? 1]}
        ticks={ticks}
        tickFormatter={(v: number) => formatPercent(v, digits)}
        tick={AXIS_TICK}
        label={{ value: 'Capex / revenue (%)', position: 'insideBottom', offset: -14, ...AXIS_LABEL }}
      />
      <YAxis type="category" dataKey="layer" width={118} tick={AXIS_TICK} interval={0} />
      <Tooltip
        cursor={HOVER_CURSOR}
        content={({ active, payload }) => {
          const row = active ? (payload?.[0]?.payload as IntensityRow | undefined) : undefined;
          if (!row) return null;
          return (
            <div className="chart-tooltip">
              <strong>{row.name}</strong>
              <br />
              {row.intensity === null
                ? 'No company with both revenue and capex'
                : `Capex is ${formatPercent(row.intensity)} of revenue`}
              <LayerMissing coverage={row.coverage} low={row.low} both="revenue and capex" />
            </div>
          );
        }}
      />
      <Bar
        dataKey="intensity"
        maxBarSize={28}
        isAnimationActive={false}
        shape={(props: BarShapeProps) => (
          <g data-coverage={(props.payload as IntensityRow | undefined)?.low ? 'low' : undefined}>
            <Rectangle {...props} />
          </g>
        )}
      >
        {rows.map((r) => (
          <Cell key={r.layer} fill={r.colour} />
        ))}
        <LabelList
          dataKey="intensity"
          position="right"
          fontSize={11}
          fill={PALETTE.axisTick}
          formatter={(v) => formatPercent(Number(v))}
        />
      </Bar>
    </BarChart>
  );
}

export default definePlot(CapexIntensityPlot);
