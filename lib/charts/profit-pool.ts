import type { ProfitabilityAnswer } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { filtersSubtitle } from './export-text';
import type { ChartFrame } from './frame';
import { layerLabel, layerOf } from '../domain/layers';
import type { Coverage } from '../domain/analytics/types';
import { GREYED_LAYER_LEGEND, isThinLayer, reportedRevenueIn, thinLayersNote } from './layer-coverage';
import { PALETTE } from './palette';

/** One layer's bar: from `start` to `end` along the 0–1 revenue axis, as tall as its operating margin. */
export interface PoolBar {
  label: string;
  colour: string;
  start: number;
  end: number;
  /** Where the bar's hover point sits on the x axis. */
  middle: number;
  revenueShare: number;
  operatingMargin: number;
  companies: number;
  /** The layer's companies with and without both revenue and operating income. */
  coverage: Coverage;
  /** Under 80% of them have both: drawn grey and marked `data-coverage="low"`. */
  low: boolean;
}

export type ProfitPoolChart = ChartFrame & { bars: PoolBar[]; marginAxis: { ticks: number[]; domain: [number, number] } };

/** Side by side in stack order; a layer without a margin or without width cannot be drawn and is named instead. */
function poolBarsOf(answer: ProfitabilityAnswer): { bars: PoolBar[]; omitted: string[] } {
  const bars: PoolBar[] = [];
  const omitted: string[] = [];
  let start = 0;
  for (const l of answer.layers) {
    const layer = layerOf(l.key);
    if (l.operatingMargin === null || !l.revenueShare) {
      omitted.push(layerLabel(layer));
      continue;
    }
    const end = start + l.revenueShare;
    const low = isThinLayer(l.coverage.revenueAndOperatingIncome);
    bars.push({
      label: layerLabel(layer),
      colour: low ? PALETTE.greyed : layer.colour,
      start,
      end,
      middle: (start + end) / 2,
      revenueShare: l.revenueShare,
      operatingMargin: l.operatingMargin,
      companies: l.companies,
      coverage: l.coverage.revenueAndOperatingIncome,
      low,
    });
    start = end;
  }
  return { bars, omitted };
}

const TICK_STEPS = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10];

/** Round ticks from the lowest margin (or 0) to the highest (or 0), so zero is a tick and losses go below it. */
function marginAxis(bars: readonly PoolBar[]): { ticks: number[]; domain: [number, number] } {
  const margins = bars.map((b) => b.operatingMargin);
  const low = Math.min(0, ...margins);
  const high = Math.max(0, ...margins);
  const step = TICK_STEPS.find((s) => (high - low) / s <= 6) ?? Math.ceil((high - low) / 6);
  const first = Math.floor(low / step);
  const last = Math.max(first + 1, Math.ceil(high / step));
  return { ticks: Array.from({ length: last - first + 1 }, (_, i) => (first + i) * step), domain: [first * step, last * step] };
}

/** Bain's profit-pool chart: each layer's width is its share of revenue, its height its operating margin. */
export function profitPoolChart(answer: ProfitabilityAnswer | undefined, filters: ResolvedFilters): ProfitPoolChart {
  const { bars, omitted } = answer ? poolBarsOf(answer) : { bars: [], omitted: [] };
  const thin = thinLayersNote(
    (answer?.layers ?? []).map((l) => ({ label: layerLabel(layerOf(l.key)), coverage: l.coverage.revenueAndOperatingIncome })),
    'revenue and operating income',
    answer ? reportedRevenueIn(answer.coverage.revenue) : undefined,
  );
  return {
    id: 'profit-pool',
    title: `Profit pool by layer, ${filters.year}`,
    description:
      "Each layer's bar is as wide as its share of revenue and as tall as its operating margin, so its area = the layer's share of operating profit.",
    // The profit pool counts the companies with both revenue and operating income.
    coverage: answer?.coverage.revenueAndOperatingIncome,
    estimated: answer?.estimated,
    empty:
      answer && bars.length === 0
        ? `No company has both revenue and operating income for ${filters.year}. Add operating-income figures on a company page or import a figures.csv.`
        : null,
    note: [
      'Only companies with both revenue and operating income count, for width and height alike.',
      omitted.length > 0 && `Left out, having no such company: ${omitted.join(', ')}.`,
      thin,
    ]
      .filter(Boolean)
      .join(' '),
    table: {
      columns: [
        { label: 'Layer', kind: 'text' },
        { label: 'Share of revenue (width)', kind: 'ratio' },
        { label: 'Operating margin (height)', kind: 'ratio' },
      ],
      rows: bars.map((b) => [b.label, b.revenueShare, b.operatingMargin]),
    },
    exportAs: {
      name: {
        chart: 'profit-pool',
        metric: 'operating-margin',
        period: String(filters.year),
        basis: filters.basis,
        list: filters.list,
      },
      subtitle: filtersSubtitle(filters, { measure: 'Share of revenue × operating margin', period: String(filters.year) }),
      legend: [
        ...bars.map((b) => ({ label: b.label, colour: b.colour })),
        ...(bars.some((b) => b.low) ? [GREYED_LAYER_LEGEND] : []),
      ],
    },
    bars,
    marginAxis: marginAxis(bars),
  };
}
