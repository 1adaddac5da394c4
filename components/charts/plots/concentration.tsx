'use client';

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatHhi, HHI_MAX, HIGHLY_CONCENTRATED, UNCONCENTRATED, type ConcentrationRow } from '@/lib/charts/concentration';
import { PALETTE } from '@/lib/charts/palette';
import { formatPercent } from '@/lib/format';
import { AXIS_LABEL, AXIS_TICK, HOVER_CURSOR } from '../chart-style';
import { definePlot } from './define-plot';

const HHI_TICKS = [0, 2_500, 5_000, 7_500, HHI_MAX];
/**
 * Above this HHI a bar's label goes inside its end, haloed (outside, it would run past the axis at ~600 px); below,
 * it sits after the end on a white box, so a threshold line does not run through its text.
 */
const LABEL_INSIDE_FROM = 7_000;

const formatEffective = (count: number) => count.toFixed(1);

function ConcentrationTooltip({ row, metric }: { row: ConcentrationRow; metric: string }) {
  return (
    <div className="chart-tooltip">
      <strong>{row.layer.replace(/^\d /, '')}</strong>
      <br />
      {row.hhi === null || row.effectiveCompanies === null ? (
        `No company with a positive ${metric}`
      ) : (
        <>
          HHI {formatHhi(row.hhi)} · CR3 {formatPercent(row.cr3)}
          <br />
          Effective number of companies: {formatEffective(row.effectiveCompanies)}
        </>
      )}
    </div>
  );
}

/** Concentration: each layer's HHI among the tracked companies, against the US merger-guideline thresholds. */
function ConcentrationPlot({ rows, metric }: { rows: ConcentrationRow[]; metric: string }) {
  return (
    <BarChart data={rows} layout="vertical" margin={{ top: 22, right: 24, bottom: 24, left: 8 }}>
      <CartesianGrid horizontal={false} stroke={PALETTE.grid} />
      <XAxis
        type="number"
        domain={[0, HHI_MAX]}
        ticks={HHI_TICKS}
        tickFormatter={formatHhi}
        tick={AXIS_TICK}
        label={{ value: 'HHI among tracked companies (0–10,000)', position: 'insideBottom', offset: -14, ...AXIS_LABEL }}
      />
      <YAxis type="category" dataKey="layer" width={118} tick={AXIS_TICK} interval={0} />
      <Tooltip
        cursor={HOVER_CURSOR}
        content={({ active, payload }) => {
          const row = active ? (payload?.[0]?.payload as ConcentrationRow | undefined) : undefined;
          return row ? <ConcentrationTooltip row={row} metric={metric} /> : null;
        }}
      />
      {/* The two labels sit above the plot and grow away from each other, so they never overlap. */}
      <ReferenceLine
        x={UNCONCENTRATED.value}
        stroke={UNCONCENTRATED.colour}
        strokeDasharray="4 3"
        label={{ value: '1,000', position: 'top', textAnchor: 'end', dx: -3, fontSize: 11, fill: PALETTE.referenceLabel }}
      />
      <ReferenceLine
        x={HIGHLY_CONCENTRATED.value}
        stroke={HIGHLY_CONCENTRATED.colour}
        strokeDasharray="4 3"
        label={{
          value: '1,800: highly concentrated',
          position: 'top',
          textAnchor: 'start',
          dx: 3,
          fontSize: 11,
          fill: PALETTE.highlightText,
        }}
      />
      <Bar dataKey="hhi" maxBarSize={28} isAnimationActive={false}>
        {rows.map((r) => (
          <Cell key={r.layer} fill={r.colour} />
        ))}
        <LabelList
          dataKey={(r: ConcentrationRow) => (r.hhi !== null && r.hhi <= LABEL_INSIDE_FROM ? r.label : null)}
          position="right"
          fontSize={11}
          fill={PALETTE.axisTick}
          background={{ fill: PALETTE.white, padding: { x: 2, y: 1 } }}
        />
        <LabelList
          dataKey={(r: ConcentrationRow) => (r.hhi !== null && r.hhi > LABEL_INSIDE_FROM ? r.label : null)}
          position="insideRight"
          fontSize={11}
          fill={PALETTE.text}
          halo
        />
      </Bar>
    </BarChart>
  );
}

export default definePlot(ConcentrationPlot);
