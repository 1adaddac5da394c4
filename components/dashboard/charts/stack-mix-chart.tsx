'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ScreenOnly } from '@/components/export/export-mode';
import type { Coverage } from '@/lib/domain/analytics/types';
import { PALETTE } from '@/lib/charts/palette';
import { LAYERS, type LayerKey } from '@/lib/domain/layers';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import { ChartCard } from '@/components/charts/chart-card';
import { useDashboardFilters } from '../dashboard-context';
import { useDashboardQuery, type DashboardAnswers } from '../use-dashboard-query';
import { AXIS_LABEL, AXIS_TICK, HOVER_CURSOR } from '@/components/charts/chart-style';
import { layerLabel } from '@/lib/charts/layers';
import { filtersSubtitle } from '@/lib/charts/export-text';
import { LAYER_LEGEND } from '@/lib/charts/layers';

type Profitability = DashboardAnswers['profitability'];
type PoolMetric = keyof Profitability['coverage'];

const BARS: readonly { metric: PoolMetric; name: string }[] = [
  { metric: 'revenue', name: 'Revenue' },
  { metric: 'capex', name: 'Capex' },
  { metric: 'operatingIncome', name: 'Operating income' },
];
const SHARE_TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Pools arrive rounded to 6 decimals, so a float sum this close to 0 is 0 (profits and losses that cancel). */
const ZERO_TOLERANCE = 5e-7;

/** One metric's 100% bar. */
interface MixRow {
  name: string;
  /** Σ of the layer pools in USD millions: gross, signed. */
  total: number;
  pools: Record<LayerKey, number>;
  /** The drawn share of each layer (a negative pool drawn as 0); null when the bar cannot be drawn. */
  shares: Record<LayerKey, number> | null;
  /** Why the bar is not drawn ("no company has capex"); null when it is. */
  notDrawn: string | null;
  /** Layers whose negative pool is drawn as 0. */
  clamped: LayerKey[];
}

function poolsOf(answer: Profitability, metric: PoolMetric): Record<LayerKey, number> {
  const pools = {} as Record<LayerKey, number>;
  for (const layer of answer.layers) pools[layer.key] = layer[metric];
  return pools;
}

/**
 * Shares for display only (plain division of already-rounded pools). A negative pool (an operating loss) has no
 * width in a 100% bar, so it is drawn as 0 and the bar splits the positive pools; a total ≤ 0 is not drawn at all.
 */
function mixRowOf(answer: Profitability, { metric, name }: (typeof BARS)[number]): MixRow {
  const pools = poolsOf(answer, metric);
  const total = LAYERS.reduce((sum, { key }) => sum + pools[key], 0);
  const clamped = LAYERS.filter(({ key }) => pools[key] < 0).map(({ key }) => key);
  const row = { name, total, pools, shares: null, clamped: [] };
  const lower = name.toLowerCase();
  if (answer.coverage[metric].included === 0) return { ...row, notDrawn: `no company has ${lower}` };
  if (total < -ZERO_TOLERANCE) return { ...row, notDrawn: `the stack's ${lower} is a loss of ${formatUsdMillions(total)}` };
  if (total <= ZERO_TOLERANCE) return { ...row, notDrawn: `the stack's ${lower} totals $0` };
  const drawnTotal = LAYERS.reduce((sum, { key }) => sum + Math.max(0, pools[key]), 0);
  const shares = {} as Record<LayerKey, number>;
  for (const { key } of LAYERS) shares[key] = Math.max(0, pools[key]) / drawnTotal;
  return { ...row, shares, notDrawn: null, clamped };
}

const layerName = (key: LayerKey) => LAYERS.find((l) => l.key === key)!.name;

function coverageText(name: string, coverage: Coverage): string {
  return `${name.toLowerCase()}: ${coverage.included} companies, ${coverage.missing.length} missing`;
}

/** The gross-total warning, each bar's own coverage, and why any bar is empty or shows a loss as 0. */
function noteOf(rows: MixRow[], answer: Profitability): string {
  const others = BARS.slice(1).map((b) => coverageText(b.name, answer.coverage[b.metric]));
  const parts = [
    "Stack totals are gross: one layer's revenue is often another's spend.",
    `Each bar covers the companies with that metric (${others.join('; ')}).`,
  ];
  for (const row of rows) {
    if (row.notDrawn) parts.push(`The ${row.name.toLowerCase()} bar is empty: ${row.notDrawn}, so it has no shares to draw.`);
    if (row.clamped.length) {
      const losses = row.clamped.map((key) => `${layerName(key)} ${formatUsdMillions(row.pools[key])}`).join(', ');
      parts.push(
        `${row.name}: a negative pool cannot be drawn as a share, so ${losses} ${row.clamped.length > 1 ? 'are' : 'is'} drawn as 0 and the bar splits the positive layers' total.`,
      );
    }
  }
  return parts.join(' ');
}

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
export function StackMixChart() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('profitability', filters);
  const answer = query.data;
  const rows = answer ? BARS.map((bar) => mixRowOf(answer, bar)) : [];
  const nothing = answer && BARS.every(({ metric }) => answer.coverage[metric].included === 0);
  return (
    <ChartCard
      id="stack-mix"
      title={`Stack mix of revenue, capex and operating income, ${filters.year}`}
      description="Each layer's share of the stack's revenue, capex and operating income, every company's figures split across the layers by its shares."
      coverage={answer?.coverage.revenue}
      estimated={answer?.estimated}
      loading={query.isPending}
      stale={query.isPlaceholderData}
      error={query.error}
      empty={
        nothing
          ? `No company has revenue, capex or operating income for ${filters.year}. Add figures on a company page or import a figures.csv.`
          : null
      }
      note={answer && !nothing ? noteOf(rows, answer) : undefined}
      table={{
        columns: [
          { label: 'Metric', kind: 'text' },
          { label: 'Layer', kind: 'text' },
          { label: 'Pool', kind: 'usdMillions' },
          { label: 'Share of stack total (as drawn)', kind: 'ratio' },
        ],
        rows: rows.flatMap((row) => LAYERS.map(({ key, name }) => [row.name, name, row.pools[key], row.shares?.[key] ?? null])),
      }}
      exportAs={{
        name: { chart: 'stack-mix', metric: 'all-metrics', period: String(filters.year), basis: filters.basis },
        subtitle: filtersSubtitle(filters, { measure: 'Revenue, capex and operating income', period: String(filters.year) }),
        legend: LAYER_LEGEND,
        coverages: answer ? BARS.map(({ metric, name }) => ({ label: name, coverage: answer.coverage[metric] })) : [],
      }}
    >
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
          />
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
    </ChartCard>
  );
}
