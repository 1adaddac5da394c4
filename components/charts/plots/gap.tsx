'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ScreenOnly } from '@/components/export/export-mode';
import type { GapYear } from '@/lib/analytics/query';
import { GAP_SERIES } from '@/lib/charts/gap';
import { PALETTE } from '@/lib/charts/palette';
import type { UsdAxis } from '@/lib/charts/usd-axis';
import type { Coverage } from '@/lib/domain/analytics/types';
import { formatUsdMillions } from '@/lib/format';
import { HOVER_CURSOR, usdAxisProps, yearAxisProps } from '../chart-style';
import { legendText } from '../legend-text';
import { definePlot } from './define-plot';

const counts = ({ included, missingCount }: Coverage) => `${included} included · ${missingCount} missing`;

function GapTooltip({ point }: { point: GapYear | undefined }) {
  if (!point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.year}</strong>
      <div>Chips revenue (C): {formatUsdMillions(point.chips)}</div>
      <div>
        <span style={{ color: GAP_SERIES.required.colour }}>■</span> Required, C ÷ g ÷ (1 − m):{' '}
        {formatUsdMillions(point.required)}
      </div>
      <div>
        <span style={{ color: GAP_SERIES.application.colour }}>■</span> Application revenue:{' '}
        {formatUsdMillions(point.application)}
      </div>
      <div>
        <strong>Gap: {formatUsdMillions(point.gap)}</strong>
      </div>
      <div className="muted">Chips companies: {counts(point.coverage.chips)}</div>
      <div className="muted">Application companies: {counts(point.coverage.application)}</div>
    </div>
  );
}

export interface GapPlotProps {
  rows: GapYear[];
  axis: UsdAxis;
  basis: 'calendar' | 'fiscal';
}

/** The required-revenue gap: the application revenue chips revenue implies, against the actual, per year. */
function GapPlot({ rows, axis, basis }: GapPlotProps) {
  return (
    <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
      <CartesianGrid vertical={false} stroke={PALETTE.grid} />
      <XAxis {...yearAxisProps(basis)} />
      <YAxis width={80} {...usdAxisProps(axis, 'Revenue', 'y')} />
      <ReferenceLine y={0} stroke={PALETTE.reference} />
      {/* At the top: a legend at the bottom sits where the x-axis label is. */}
      <ScreenOnly>
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={legendText} />
      </ScreenOnly>
      <Tooltip
        cursor={HOVER_CURSOR}
        content={({ active, payload }) => (
          <GapTooltip point={active ? (payload?.[0]?.payload as GapYear | undefined) : undefined} />
        )}
      />
      <Bar dataKey="required" name={GAP_SERIES.required.name} fill={GAP_SERIES.required.colour} isAnimationActive={false} />
      <Bar
        dataKey="application"
        name={GAP_SERIES.application.name}
        fill={GAP_SERIES.application.colour}
        isAnimationActive={false}
      />
      <Line
        dataKey="gap"
        name={GAP_SERIES.gap.name}
        stroke={GAP_SERIES.gap.colour}
        strokeWidth={2}
        dot={{ r: 3, fill: GAP_SERIES.gap.colour }}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}

export default definePlot(GapPlot);
