'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ScreenOnly } from '@/components/export/export-mode';
import type { YearRow } from '@/lib/charts/over-time';
import { PALETTE } from '@/lib/charts/palette';
import type { UsdAxis } from '@/lib/charts/usd-axis';
import { yearCoverageReason } from '@/lib/charts/year-coverage';
import type { Coverage } from '@/lib/domain/analytics/types';
import { layerLabel, layerOf, LAYERS } from '@/lib/domain/layers';
import { formatCount, formatSignedPercent, formatUsdMillions } from '@/lib/format';
import { HOVER_CURSOR, usdAxisProps, yearAxisProps } from '../chart-style';
import { legendText } from '../legend-text';
import { CoverageBar } from './coverage-bar';
import { definePlot } from './define-plot';

const coverageText = ({ included, missingCount }: Coverage) =>
  `${formatCount(included, 'company', 'companies')} included · ${missingCount} missing`;

/** A year's bar, top of the stack first: each layer's pool and like-for-like growth, the gross total and coverage. */
function YearTooltip({ row }: { row: YearRow | undefined }) {
  if (!row) return null;
  const { point } = row;
  return (
    <div className="chart-tooltip">
      <strong>{point.year}</strong> · stack total {formatUsdMillions(point.total)} (gross)
      {[...point.layers].reverse().map((l) => {
        const layer = layerOf(l.key);
        const growth = formatSignedPercent(l.growth);
        return (
          <div key={l.key}>
            <span style={{ color: layer.colour }}>■</span> {layerLabel(layer)}: {formatUsdMillions(l.value)} ·{' '}
            {l.growth === null ? growth : `${growth} like-for-like`}
          </div>
        );
      })}
      <div className="muted">{coverageText(point.coverage)}</div>
      {row.low && (
        <div className="muted">
          <strong>{yearCoverageReason(row.coverage)}</strong>: under 80%, so the bar is faded
        </div>
      )}
    </div>
  );
}

export interface OverTimePlotProps {
  rows: YearRow[];
  axis: UsdAxis;
  axisTitle: string;
  basis: 'calendar' | 'fiscal';
}

/** Each layer's pool per year, stacked in stack order (Application on top), with like-for-like growth. */
function OverTimePlot({ rows, axis, axisTitle, basis }: OverTimePlotProps) {
  return (
    <BarChart data={rows} stackOffset="sign" margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
      <CartesianGrid vertical={false} stroke={PALETTE.grid} />
      <XAxis {...yearAxisProps(basis)} />
      <YAxis width={80} {...usdAxisProps(axis, axisTitle, 'y')} />
      {/* At the top: a legend at the bottom sits where the x-axis label is. */}
      <ScreenOnly>
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
      </ScreenOnly>
      <Tooltip
        cursor={HOVER_CURSOR}
        content={({ active, payload }) => (
          <YearTooltip row={active ? (payload?.[0]?.payload as YearRow | undefined) : undefined} />
        )}
      />
      {/* Rendered bottom to top, so Application ends on top of the stack. */}
      {LAYERS.map((layer) => (
        <Bar
          key={layer.key}
          dataKey={layer.key}
          name={layerLabel(layer)}
          stackId="pool"
          fill={layer.colour}
          stroke={PALETTE.white}
          strokeWidth={1}
          isAnimationActive={false}
          shape={CoverageBar}
        />
      ))}
    </BarChart>
  );
}

export default definePlot(OverTimePlot);
