'use client';

import { PALETTE } from '@/lib/charts/palette';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '@/components/charts/chart-card';
import { usdAxisProps, yearAxisProps, HOVER_CURSOR } from '@/components/charts/chart-style';
import { filtersSubtitle } from '@/lib/charts/export-text';
import { usdAxis } from '@/lib/charts/usd-axis';
import type { LayerDetailAnswer } from '@/lib/analytics/schema';
import { METRIC_LABELS, METRIC_NAMES } from '@/lib/domain/figures/types';
import { formatSignedPercent, formatUsdMillions } from '@/lib/format';
import { useUrlFilters } from './use-url-filters';

type Point = LayerDetailAnswer['series'][number];

const GROWTH_NOTE = 'Growth is like-for-like: over the companies with a value in both years.';

/** The layer's pool for each year up to the selected one; the selected year in full colour. */
export function LayerPoolChart({ answer, colour }: { answer: LayerDetailAnswer; colour: string }) {
  const filters = useUrlFilters();
  const { series, name, year } = answer;
  const metric = METRIC_LABELS[answer.metric];
  const first = series[0]?.year ?? year;
  const period = `${first}–${year}`;
  const axis = usdAxis(series.map((p) => p.value));
  return (
    <ChartCard
      id="layer-pool"
      title={`${METRIC_NAMES[answer.metric]} pool of ${name}, ${period}`}
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
      note={`${GROWTH_NOTE} Hover a year for how many of the layer's companies it covers.`}
      table={{
        columns: [
          { label: 'Year', kind: 'year' },
          { label: `Attributed ${metric}`, kind: 'usdMillions' },
          { label: 'Growth', kind: 'growth' },
          { label: 'Companies', kind: 'count' },
          { label: 'Missing', kind: 'count' },
        ],
        rows: series.map((p) => [p.year, p.value, p.growth, p.companies, p.missing]),
      }}
      exportAs={{
        name: { chart: `layer-${answer.key}-pool`, metric: answer.metric, period, basis: answer.basis },
        subtitle: filtersSubtitle(
          { ...filters, basis: answer.basis },
          { measure: `${METRIC_NAMES[answer.metric]} attributed to ${name}`, period },
        ),
        note: GROWTH_NOTE,
        coverages: [{ label: `${name} in ${year}`, coverage: answer.coverage }],
      }}
    >
      <BarChart data={series} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid vertical={false} stroke={PALETTE.grid} />
        <XAxis {...yearAxisProps(answer.basis)} />
        <YAxis width={80} {...usdAxisProps(axis, `Attributed ${metric}`, 'y')} />
        <ReferenceLine y={0} stroke={PALETTE.referenceFaint} />
        <Tooltip
          cursor={HOVER_CURSOR}
          content={({ active, payload }) => <PointTooltip point={active ? payload?.[0]?.payload : undefined} />}
        />
        <Bar dataKey="value" isAnimationActive={false}>
          {series.map((p) => (
            <Cell key={p.year} fill={colour} fillOpacity={p.year === year ? 1 : 0.55} />
          ))}
        </Bar>
      </BarChart>
    </ChartCard>
  );
}

function PointTooltip({ point }: { point: Point | undefined }) {
  if (!point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.year}</strong>: {formatUsdMillions(point.value)}
      {point.growth !== null && ` · ${formatSignedPercent(point.growth)}`}
      <br />
      {point.companies} {point.companies === 1 ? 'company' : 'companies'}
      {point.missing > 0 && ` · ${point.missing} missing`}
      {point.estimated && ' · includes estimates'}
    </div>
  );
}
