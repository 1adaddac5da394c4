'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ScreenOnly } from '@/components/export/export-mode';
import { PALETTE } from '@/lib/charts/palette';
import { textOn } from '@/lib/charts/shades';
import type { MixRow } from '@/lib/charts/stack-mix';
import { layerLabel, LAYERS } from '@/lib/domain/layers';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import { AXIS_LABEL, AXIS_TICK, HOVER_CURSOR } from '../chart-style';
import { SegmentText, type LabelContentProps } from '../segment-text';
import { definePlot } from './define-plot';

const SHARE_TICKS = [0, 0.25, 0.5, 0.75, 1];

function MixTooltip({ row }: { row: MixRow }) {
  return (
    <div className="chart-tooltip">
      <strong>{row.name}</strong> · stack total {formatUsdMillions(row.total)} (gross)
      {[...LAYERS].reverse().map((layer) => (
        <div key={layer.key}>
          <span style={{ color: layer.colour }} aria-hidden>
            ■
          </span>{' '}
          {layer.name}: {formatUsdMillions(row.pools[layer.key])}
          {row.shares && ` · ${formatPercent(row.shares[layer.key])}`}
        </div>
      ))}
      {row.notDrawn && <div>Not drawn: {row.notDrawn}.</div>}
    </div>
  );
}

/** Stack mix: each layer's share of the stack's revenue, capex and operating income, as three 100% bars. */
function StackMixPlot({ rows }: { rows: MixRow[] }) {
  return (
    <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
      <CartesianGrid horizontal={false} stroke={PALETTE.grid} />
      <XAxis
        type="number"
        domain={[0, 1]}
        ticks={SHARE_TICKS}
        tickFormatter={(v: number) => formatPercent(v, 0)}
        tick={AXIS_TICK}
        label={{ value: 'Share of the stack total (%)', position: 'insideBottom', offset: -14, ...AXIS_LABEL }}
      />
      <YAxis type="category" dataKey="name" width={118} tick={AXIS_TICK} interval={0} />
      <Tooltip
        cursor={HOVER_CURSOR}
        content={({ active, payload }) => {
          const row = active ? (payload?.[0]?.payload as MixRow | undefined) : undefined;
          return row ? <MixTooltip row={row} /> : null;
        }}
      />
      {/* On top: at the bottom it collides with the axis label. Neutral text: light layer colours read badly as text. */}
      <ScreenOnly>
        <Legend
          verticalAlign="top"
          itemSorter={null}
          wrapperStyle={{ fontSize: 12, paddingBottom: 8 }}
          formatter={(value: string) => <span style={{ color: AXIS_TICK.fill }}>{value}</span>}
        />
      </ScreenOnly>
      {LAYERS.map((layer) => (
        <Bar
          key={layer.key}
          name={layerLabel(layer)}
          dataKey={(row: MixRow) => row.shares?.[layer.key]}
          stackId="mix"
          fill={layer.colour}
          stroke={PALETTE.white}
          strokeWidth={1}
          maxBarSize={56}
          isAnimationActive={false}
        >
          {/* Each layer's share inside its segment, where it fits. */}
          <LabelList
            content={(props: LabelContentProps) => {
              const share = props.index === undefined ? undefined : rows[props.index]?.shares?.[layer.key];
              return share ? <SegmentText {...props} text={formatPercent(share, 0)} colour={textOn(layer.colour)} /> : null;
            }}
          />
        </Bar>
      ))}
      {/* A grey placeholder across an undrawable bar, saying why, so an empty row does not read as a glitch. */}
      <Bar
        dataKey={(row: MixRow) => (row.notDrawn ? 1 : undefined)}
        stackId="mix"
        fill={PALETTE.placeholder}
        legendType="none"
        maxBarSize={56}
        isAnimationActive={false}
      >
        <LabelList
          dataKey={(row: MixRow) => row.notDrawn && `Not drawn: ${row.notDrawn}`}
          position="insideLeft"
          offset={10}
          fontSize={12}
          fill={PALETTE.axisTick}
        />
      </Bar>
    </BarChart>
  );
}

export default definePlot(StackMixPlot);
