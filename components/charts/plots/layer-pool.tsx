'use client';

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { LayerPoolRow } from '@/lib/charts/layer-pool';
import { PALETTE } from '@/lib/charts/palette';
import type { UsdAxis } from '@/lib/charts/usd-axis';
import { yearCoverageReason } from '@/lib/charts/year-coverage';
import { formatSignedPercent, formatUsdMillions } from '@/lib/format';
import { HOVER_CURSOR, usdAxisProps, yearAxisProps } from '../chart-style';
import { CoverageBar } from './coverage-bar';
import { definePlot } from './define-plot';

export interface LayerPoolPlotProps {
  rows: LayerPoolRow[];
  axis: UsdAxis;
  axisTitle: string;
  basis: 'calendar' | 'fiscal';
  colour: string;
}

/** The layer's pool for each year up to the selected one; the selected year in full colour. */
function LayerPoolPlot({ rows, axis, axisTitle, basis, colour }: LayerPoolPlotProps) {
  return (
    <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
      <CartesianGrid vertical={false} stroke={PALETTE.grid} />
      <XAxis {...yearAxisProps(basis)} />
      <YAxis width={80} {...usdAxisProps(axis, axisTitle, 'y')} />
      <ReferenceLine y={0} stroke={PALETTE.referenceFaint} />
      <Tooltip
        cursor={HOVER_CURSOR}
        content={({ active, payload }) => <PointTooltip point={active ? payload?.[0]?.payload : undefined} />}
      />
      <Bar dataKey="value" isAnimationActive={false} shape={CoverageBar}>
        {rows.map((p) => (
          <Cell key={p.year} fill={colour} fillOpacity={p.selected ? 1 : 0.55} />
        ))}
      </Bar>
    </BarChart>
  );
}

function PointTooltip({ point }: { point: LayerPoolRow | undefined }) {
  if (!point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.year}</strong>: {formatUsdMillions(point.value)}
      {point.growth !== null && ` · ${formatSignedPercent(point.growth)}`}
      <br />
      {point.companies} {point.companies === 1 ? 'company' : 'companies'}
      {point.missing > 0 && ` · ${point.missing} missing`}
      {point.estimated && ' · includes estimates'}
      {point.low && (
        <div className="muted">
          <strong>{yearCoverageReason(point.coverage)}</strong>: under 80%, so the bar is faded
        </div>
      )}
    </div>
  );
}

export default definePlot(LayerPoolPlot);
