'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ScreenOnly } from '@/components/export/export-mode';
import { GAP_SERIES, type GapRow } from '@/lib/charts/gap';
import { PALETTE } from '@/lib/charts/palette';
import type { UsdAxis } from '@/lib/charts/usd-axis';
import { yearCoverageReason } from '@/lib/charts/year-coverage';
import type { Coverage } from '@/lib/domain/analytics/types';
import { formatUsdMillions } from '@/lib/format';
import { HOVER_CURSOR, usdAxisProps, yearAxisProps } from '../chart-style';
import { legendText } from '../legend-text';
import { CoverageBar } from './coverage-bar';
import { definePlot } from './define-plot';

const counts = ({ included, missingCount }: Coverage) => `${included} included · ${missingCount} missing`;

function GapTooltip({ point }: { point: GapRow | undefined }) {
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
      {point.low && (
        <div className="muted">
          <strong>
            Chips {yearCoverageReason(point.inputs.chips)}; application {yearCoverageReason(point.inputs.application)}
          </strong>
          : under 80%, so the year is faded and its gap dashed: not a closing gap
        </div>
      )}
    </div>
  );
}

/** The hollow point of a year under the threshold, marked `data-coverage="low"`; the year before it has its solid one. */
function ThinGapDot({ cx, cy, payload, index }: { cx?: number; cy?: number; payload?: GapRow; index?: number }) {
  if (!payload?.low || cx === undefined || cy === undefined) return <g key={index} />;
  return (
    <g key={index} data-coverage="low">
      <circle cx={cx} cy={cy} r={4} fill={PALETTE.white} stroke={GAP_SERIES.gap.colour} strokeWidth={2} />
    </g>
  );
}

export interface GapPlotProps {
  rows: GapRow[];
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
          <GapTooltip point={active ? (payload?.[0]?.payload as GapRow | undefined) : undefined} />
        )}
      />
      {(['required', 'application'] as const).map((key) => (
        <Bar
          key={key}
          dataKey={key}
          name={GAP_SERIES[key].name}
          fill={GAP_SERIES[key].colour}
          isAnimationActive={false}
          shape={CoverageBar}
        />
      ))}
      <Line
        dataKey="gapComplete"
        name={GAP_SERIES.gap.name}
        stroke={GAP_SERIES.gap.colour}
        strokeWidth={2}
        dot={{ r: 3, fill: GAP_SERIES.gap.colour }}
        isAnimationActive={false}
      />
      {/* Into a year under the threshold: dashed, its point hollow, so the gap there never reads as closing. */}
      <Line
        dataKey="gapThin"
        name={`${GAP_SERIES.gap.name}, year under 80% reported`}
        legendType="none"
        stroke={GAP_SERIES.gap.colour}
        strokeWidth={2}
        strokeDasharray="6 4"
        dot={ThinGapDot}
        activeDot={false}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}

export default definePlot(GapPlot);
