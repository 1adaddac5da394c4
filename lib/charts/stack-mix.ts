import type { ProfitabilityAnswer } from '../analytics/query';
import type { Coverage } from '../domain/analytics/types';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { LAYERS, type LayerKey } from '../domain/layers';
import { formatCount, formatUsdMillions } from '../format';
import { filtersSubtitle } from './export-text';
import type { ChartFrame } from './frame';
import { LAYER_LEGEND } from './layers';
import { layerLabel, layerOf } from '../domain/layers';
import { SHARE_LABEL, type NativeChart } from '../export/native-chart';

type PoolMetric = 'revenue' | 'capex' | 'operatingIncome';

const BARS: readonly { metric: PoolMetric; name: string }[] = [
  { metric: 'revenue', name: 'Revenue' },
  { metric: 'capex', name: 'Capex' },
  { metric: 'operatingIncome', name: 'Operating income' },
];
/** Pools arrive rounded to 6 decimals, so a float sum this close to 0 is 0 (profits and losses that cancel). */
const ZERO_TOLERANCE = 5e-7;

/** One metric's 100% bar. */
export interface MixRow {
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

export type StackMixChart = ChartFrame & { rows: MixRow[] };

function poolsOf(answer: ProfitabilityAnswer, metric: PoolMetric): Record<LayerKey, number> {
  const pools = {} as Record<LayerKey, number>;
  for (const layer of answer.layers) pools[layer.key] = layer[metric];
  return pools;
}

/**
 * Shares for display only (plain division of already-rounded pools). A negative pool (an operating loss) has no
 * width in a 100% bar, so it is drawn as 0 and the bar splits the positive pools; a total ≤ 0 is not drawn at all.
 */
function mixRowOf(answer: ProfitabilityAnswer, { metric, name }: (typeof BARS)[number]): MixRow {
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

function coverageText(name: string, coverage: Coverage): string {
  return `${name.toLowerCase()}: ${formatCount(coverage.included, 'company', 'companies')}, ${coverage.missingCount} missing`;
}

/** The gross-total warning, each bar's own coverage, and why any bar is empty or shows a loss as 0. */
function noteOf(rows: MixRow[], answer: ProfitabilityAnswer): string {
  const others = BARS.slice(1).map((b) => coverageText(b.name, answer.coverage[b.metric]));
  const parts = [
    "Stack totals are gross: one layer's revenue is often another's spend.",
    `Each bar covers the companies with that metric (${others.join('; ')}).`,
  ];
  for (const row of rows) {
    if (row.notDrawn) parts.push(`The ${row.name.toLowerCase()} bar is empty: ${row.notDrawn}, so it has no shares to draw.`);
    if (row.clamped.length) {
      const losses = row.clamped.map((key) => `${layerOf(key).name} ${formatUsdMillions(row.pools[key])}`).join(', ');
      parts.push(
        `${row.name}: a negative pool cannot be drawn as a share, so ${losses} ${row.clamped.length > 1 ? 'are' : 'is'} drawn as 0 and the bar splits the positive layers' total.`,
      );
    }
  }
  return parts.join(' ');
}

/** The three bars as PowerPoint's 100% bars of the drawn shares: an empty bar stays empty, a loss drawn as 0 is 0. */
function nativeOf(rows: readonly MixRow[]): NativeChart {
  return {
    kind: 'percentStackedBars',
    categories: rows.map((r) => r.name),
    series: LAYERS.map((layer) => ({
      name: layerLabel(layer),
      values: rows.map((r) => r.shares?.[layer.key] ?? null),
      colour: layer.colour,
    })),
    valueAxis: { title: 'Share of the stack total (%)', format: '0%' },
    valueLabels: SHARE_LABEL,
  };
}

/** Stack mix: each layer's share of the stack's revenue, capex and operating income, as three 100% bars. */
export function stackMixChart(answer: ProfitabilityAnswer | undefined, filters: ResolvedFilters): StackMixChart {
  const rows = answer ? BARS.map((bar) => mixRowOf(answer, bar)) : [];
  const nothing = answer && BARS.every(({ metric }) => answer.coverage[metric].included === 0);
  return {
    id: 'stack-mix',
    title: `Stack mix of revenue, capex and operating income, ${filters.year}`,
    description:
      "Each layer's share of the stack's revenue, capex and operating income, every company's figures split across the layers by its shares.",
    coverage: answer?.coverage.revenue,
    estimated: answer?.estimated,
    empty: nothing
      ? `No company has revenue, capex or operating income for ${filters.year}. Add figures on a company page or import a figures.csv.`
      : null,
    note: answer && !nothing ? noteOf(rows, answer) : undefined,
    table: {
      columns: [
        { label: 'Metric', kind: 'text' },
        { label: 'Layer', kind: 'text' },
        { label: 'Pool', kind: 'usdMillions' },
        { label: 'Share of stack total (as drawn)', kind: 'ratio' },
      ],
      // Each metric's layers, then its stack total (gross), so a pasted table sums without a formula.
      rows: rows.flatMap((row) => [
        ...LAYERS.map(({ key, name }) => [row.name, name, row.pools[key], row.shares?.[key] ?? null]),
        [row.name, 'Stack total (gross)', row.total, row.shares ? 1 : null],
      ]),
    },
    exportAs: {
      name: { chart: 'stack-mix', metric: 'all-metrics', period: String(filters.year), basis: filters.basis, list: filters.list },
      subtitle: filtersSubtitle(filters, { measure: 'Revenue, capex and operating income', period: String(filters.year) }),
      legend: LAYER_LEGEND,
      coverages: answer ? BARS.map(({ metric, name }) => ({ label: name, coverage: answer.coverage[metric] })) : [],
      ...(answer && !nothing && { native: nativeOf(rows) }),
    },
    rows,
  };
}
