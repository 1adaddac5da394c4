'use client';

import {
  CartesianGrid,
  Legend,
  Rectangle,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
} from 'recharts';
import { ScreenOnly } from '@/components/export/export-mode';
import { PALETTE } from '@/lib/charts/palette';
import type { PoolBar } from '@/lib/charts/profit-pool';
import { labelFits, lineHeight, linesThatFit, SEGMENT_LABEL_SIZE } from '@/lib/charts/segment-label';
import { textOn } from '@/lib/charts/shades';
import { formatCount, formatPercent } from '@/lib/format';
import { AXIS_LABEL, AXIS_TICK } from '../chart-style';
import { definePlot } from './define-plot';
import { LayerMissing } from './layer-missing';

/** What a layer's bar says: its name, then the two numbers its size stands for. */
const labelLines = (bar: PoolBar) => [
  bar.label,
  `${formatPercent(bar.revenueShare, 0)} of revenue`,
  `${formatPercent(bar.operatingMargin, 0)} margin`,
];

/**
 * A bar drawn from the axes' own scales (Recharts has no variable-width bar): the Scatter point only carries the
 * layer and makes it hoverable. Inside, as many lines of its label as fit; a bar too small for its numbers has
 * them just outside its end, within its width; the legend and tooltip name every layer.
 */
function PoolBarShape({ payload }: { payload?: PoolBar }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const left = payload && x?.(payload.start);
  const right = payload && x?.(payload.end);
  const zero = y?.(0);
  const top = payload && y?.(payload.operatingMargin);
  if (!payload || left === undefined || right === undefined || zero === undefined || top === undefined) return null;
  const box = { x: left, y: Math.min(zero, top), width: right - left, height: Math.abs(top - zero) };
  const lines = linesThatFit(labelLines(payload), box);
  const centre = box.x + box.width / 2;
  const step = lineHeight();
  // Outside, share · margin where it fits the bar's width, else the margin alone (the bar's height names it).
  const outsideBox = { width: box.width, height: SEGMENT_LABEL_SIZE + 8 };
  const outside = [
    `${formatPercent(payload.revenueShare, 0)} · ${formatPercent(payload.operatingMargin, 0)}`,
    formatPercent(payload.operatingMargin, 0),
  ].find((text) => labelFits(text, outsideBox));
  // Above a profit, below a loss: the side away from the zero line.
  const outsideY =
    payload.operatingMargin >= 0 ? box.y - 4 - SEGMENT_LABEL_SIZE / 2 : box.y + box.height + 4 + SEGMENT_LABEL_SIZE / 2;
  return (
    <g data-coverage={payload.low ? 'low' : undefined}>
      <Rectangle {...box} fill={payload.colour} stroke={PALETTE.white} strokeWidth={1} />
      {lines.map((line, i) => (
        <text
          key={line}
          x={centre}
          y={box.y + box.height / 2 + (i - (lines.length - 1) / 2) * step}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={SEGMENT_LABEL_SIZE}
          fontWeight={i === 0 ? 700 : 400}
          fill={textOn(payload.colour)}
          pointerEvents="none"
        >
          {line}
        </text>
      ))}
      {lines.length < 3 && outside && (
        <text
          x={centre}
          y={outsideY}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={SEGMENT_LABEL_SIZE}
          fill={PALETTE.text}
          pointerEvents="none"
        >
          {outside}
        </text>
      )}
    </g>
  );
}

function PoolTooltip({ bar }: { bar: PoolBar | undefined }) {
  if (!bar) return null;
  return (
    <div className="chart-tooltip">
      <strong>{bar.label}</strong>
      <br />
      Share of revenue (width): {formatPercent(bar.revenueShare)}
      <br />
      Operating margin (height): {formatPercent(bar.operatingMargin)}
      <br />
      <span className="muted">{formatCount(bar.companies, 'company', 'companies')} with revenue and operating income</span>
      <LayerMissing coverage={bar.coverage} low={bar.low} both="revenue and operating income" />
    </div>
  );
}

/** Every drawn layer by colour, since a narrow bar has no room for its label. */
function PoolLegend({ bars }: { bars: readonly PoolBar[] }) {
  return (
    <ul
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        justifyContent: 'center',
        gap: '0 1rem',
        margin: 0,
        padding: 0,
        listStyle: 'none',
      }}
    >
      {bars.map((bar) => (
        <li key={bar.label}>
          <span style={{ color: bar.colour }}>■</span> {bar.label}
        </li>
      ))}
    </ul>
  );
}

export interface ProfitPoolPlotProps {
  bars: PoolBar[];
  marginAxis: { ticks: number[]; domain: [number, number] };
}

/** Bain's profit-pool chart: each layer's width is its share of revenue, its height its operating margin. */
function ProfitPoolPlot({ bars, marginAxis }: ProfitPoolPlotProps) {
  return (
    <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
      <CartesianGrid stroke={PALETTE.grid} />
      <XAxis
        type="number"
        dataKey="middle"
        domain={[0, 1]}
        ticks={[0, 0.25, 0.5, 0.75, 1]}
        tickFormatter={(v: number) => formatPercent(v, 0)}
        tick={AXIS_TICK}
        label={{ value: 'Share of revenue (%)', position: 'insideBottom', offset: -14, ...AXIS_LABEL }}
      />
      <YAxis
        type="number"
        dataKey="operatingMargin"
        domain={marginAxis.domain}
        ticks={marginAxis.ticks}
        interval={0}
        width={64}
        tickFormatter={(v: number) => formatPercent(v, 0)}
        tick={AXIS_TICK}
        label={{
          value: 'Operating margin (%)',
          angle: -90,
          position: 'insideLeft',
          ...AXIS_LABEL,
          style: { textAnchor: 'middle' },
        }}
      />
      <ReferenceLine y={0} stroke={PALETTE.reference} />
      <ScreenOnly>
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} content={<PoolLegend bars={bars} />} />
      </ScreenOnly>
      <Tooltip
        cursor={false}
        content={({ active, payload }) => (
          <PoolTooltip bar={active ? (payload?.[0]?.payload as PoolBar | undefined) : undefined} />
        )}
      />
      <Scatter
        data={bars}
        isAnimationActive={false}
        shape={(props: { payload?: PoolBar }) => <PoolBarShape payload={props.payload} />}
      />
    </ScatterChart>
  );
}

export default definePlot(ProfitPoolPlot);
