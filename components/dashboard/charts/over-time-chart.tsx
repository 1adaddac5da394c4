'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ScreenOnly } from '@/components/export/export-mode';
import type { Coverage } from '@/lib/domain/analytics/types';
import { METRIC_LABELS, METRIC_NAMES } from '@/lib/domain/figures/types';
import { PALETTE } from '@/lib/charts/palette';
import { LAYERS, type LayerKey } from '@/lib/domain/layers';
import { formatSignedPercent, formatUsdMillions } from '@/lib/format';
import { ChartCard } from '@/components/charts/chart-card';
import { useDashboardFilters } from '../dashboard-context';
import { useDashboardQuery, type DashboardAnswers } from '../use-dashboard-query';
import { usdAxisProps, yearAxisProps, HOVER_CURSOR } from '@/components/charts/chart-style';
import { layerLabel } from '@/lib/charts/layers';
import { fromFirstYearWithData, plottedSpan } from '@/lib/charts/chart-years';
import { filtersSubtitle } from '@/lib/charts/export-text';
import { LAYER_LEGEND } from '@/lib/charts/layers';
import { stackExtents, usdAxis } from '@/lib/charts/usd-axis';

type SeriesYear = DashboardAnswers['series']['years'][number];
/** One stacked bar: a year's pool per layer, keyed by layer, and the answer's year behind it (for the tooltip). */
type YearRow = Record<LayerKey, number> & { year: number; point: SeriesYear };

function rowOf(point: SeriesYear): YearRow {
  const pools = Object.fromEntries(point.layers.map((l) => [l.key, l.value])) as Record<LayerKey, number>;
  return { ...pools, year: point.year, point };
}

const coverageText = ({ included, missing }: Coverage) => `${included} companies included · ${missing.length} missing`;

/** A year's bar, top of the stack first: each layer's pool and like-for-like growth, the gross total and coverage. */
function YearTooltip({ row }: { row: YearRow | undefined }) {
  if (!row) return null;
  const { point } = row;
  return (
    <div className="chart-tooltip">
      <strong>{point.year}</strong> · stack total {formatUsdMillions(point.total)} (gross)
      {[...point.layers].reverse().map((l) => {
        const layer = LAYERS.find((x) => x.key === l.key)!;
        const growth = formatSignedPercent(l.growth);
        return (
          <div key={l.key}>
            <span style={{ color: layer.colour }}>■</span> {layerLabel(layer)}: {formatUsdMillions(l.value)} ·{' '}
            {l.growth === null ? growth : `${growth} like-for-like`}
          </div>
        );
      })}
      <div className="muted">{coverageText(point.coverage)}</div>
    </div>
  );
}

/** Each layer's pool per year, stacked in stack order (Application on top), with like-for-like growth. */
export function OverTimeChart() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('series', filters);
  const answer = query.data;
  const years = fromFirstYearWithData(answer?.years ?? [], (y) => y.coverage.included > 0);
  const rows = years.map(rowOf);
  const metric = METRIC_NAMES[filters.metric];
  const span = plottedSpan(years, filters.year);
  const axis = usdAxis(stackExtents(years.map((y) => y.layers.map((l) => l.value))));
  return (
    <ChartCard
      id="over-time"
      title={`${metric} pools by layer over time, ${span}`}
      description={`Each layer's attributed ${metric.toLowerCase()} per year in USD, stacked from Infrastructure at the bottom to Application on top.`}
      coverage={years.at(-1)?.coverage}
      estimated={years.some((y) => y.estimated)}
      loading={query.isPending}
      stale={query.isPlaceholderData}
      error={query.error}
      empty={
        answer && years.length === 0
          ? `No company has ${metric.toLowerCase()} for ${span}. Add figures on a company page or import a figures.csv.`
          : null
      }
      note="Stack totals are gross: one layer's revenue is often another's spend. Growth is like-for-like: only companies with figures in both years count. Years before the first figure are left out."
      table={{
        columns: [
          { label: 'Year', kind: 'year' },
          { label: 'Layer', kind: 'text' },
          { label: `Attributed ${METRIC_LABELS[filters.metric]}`, kind: 'usdMillions' },
          { label: 'YoY growth (like-for-like)', kind: 'growth' },
          { label: 'Companies included', kind: 'count' },
          { label: 'Companies missing', kind: 'count' },
        ],
        rows: years.flatMap((y) =>
          y.layers.map((l) => [
            y.year,
            layerLabel(LAYERS.find((x) => x.key === l.key)!),
            l.value,
            l.growth,
            y.coverage.included,
            y.coverage.missing.length,
          ]),
        ),
      }}
      exportAs={{
        name: { chart: 'over-time', metric: filters.metric, period: span, basis: filters.basis },
        subtitle: filtersSubtitle(filters, { measure: metric, period: span }),
        legend: LAYER_LEGEND,
      }}
    >
      <BarChart data={rows} stackOffset="sign" margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid vertical={false} stroke={PALETTE.grid} />
        <XAxis {...yearAxisProps(answer?.basis ?? filters.basis)} />
        <YAxis width={80} {...usdAxisProps(axis, `Attributed ${METRIC_LABELS[filters.metric]}`, 'y')} />
        {/* At the top: a legend at the bottom sits where the x-axis label is. */}
        <ScreenOnly>
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} />
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
          />
        ))}
      </BarChart>
    </ChartCard>
  );
}
