'use client';

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '@/components/dashboard/chart-card';
import { AXIS_TICK, CHART_HEIGHT } from '@/components/dashboard/charts/chart-style';
import type { LayerDetailAnswer } from '@/lib/dal/analytics/layer-detail';
import { METRIC_LABELS, METRIC_NAMES } from '@/lib/domain/figures/types';
import { formatUsdMillions } from '@/lib/format';
import { signedPercent } from './percent';

type Point = LayerDetailAnswer['series'][number];

/** The layer's pool for each year up to the selected one; the selected year in full colour. */
export function LayerPoolChart({ answer, colour }: { answer: LayerDetailAnswer; colour: string }) {
  const { series, name, year } = answer;
  const metric = METRIC_LABELS[answer.metric];
  const first = series[0]?.year ?? year;
  return (
    <ChartCard
      id="layer-pool"
      title={`${METRIC_NAMES[answer.metric]} pool of ${name}, ${first}–${year}`}
      description={`The ${metric} attributed to ${name} each year, in USD: each company's ${metric} times its share in this layer.`}
      estimated={series.some((p) => p.estimated)}
      loading={false}
      stale={false}
      error={null}
      empty={
        series.every((p) => p.companies === 0)
          ? `No company of ${name} has ${metric} from ${first} to ${year}. Add figures on a company page or import a figures.csv.`
          : null
      }
      note="Growth is like-for-like: over the companies with a value in both years. Hover a year for how many of the layer's companies it covers."
      table={{
        columns: ['Year', 'USD m', 'Growth', 'Companies', 'Missing'],
        rows: series.map((p) => [p.year, p.value, signedPercent(p.growth), p.companies, p.missing]),
      }}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={series} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid vertical={false} stroke="#e6e9ef" />
          <XAxis dataKey="year" tick={AXIS_TICK} />
          <YAxis tickFormatter={formatUsdMillions} tick={AXIS_TICK} width={72} />
          <ReferenceLine y={0} stroke="#9aa3b2" />
          <Tooltip
            cursor={{ fill: 'rgba(0,0,0,0.04)' }}
            content={({ active, payload }) => <PointTooltip point={active ? payload?.[0]?.payload : undefined} />}
          />
          <Bar dataKey="value" isAnimationActive={false}>
            {series.map((p) => (
              <Cell key={p.year} fill={colour} fillOpacity={p.year === year ? 1 : 0.55} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function PointTooltip({ point }: { point: Point | undefined }) {
  if (!point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.year}</strong>: {formatUsdMillions(point.value)}
      {point.growth !== null && ` · ${signedPercent(point.growth)}`}
      <br />
      {point.companies} {point.companies === 1 ? 'company' : 'companies'}
      {point.missing > 0 && ` · ${point.missing} missing`}
      {point.estimated && ' · includes estimates'}
    </div>
  );
}
