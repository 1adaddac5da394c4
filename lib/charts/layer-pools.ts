import type { LayersAnswer } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { METRIC_LABELS, METRIC_NAMES } from '../domain/figures/types';
import { filtersSubtitle } from './export-text';
import type { ChartFrame } from './frame';
import { layerLabel, layerOf } from '../domain/layers';
import { isThinCoverage } from '../domain/analytics/coverage';
import { GREYED_LAYER_LEGEND } from './layer-coverage';
import { PALETTE } from './palette';
import { onWhite, textOn } from './shades';
import { stackExtents, usdAxis, type UsdAxis } from './usd-axis';

/** How many of a layer's largest companies its bar names; the rest are one "Others" segment. */
const RANKS = 5;
/** The segments of every bar, largest company first: row keys `v0`…`v4`, `vOthers` (values) and `s…` (segments). */
export const LAYER_POOL_SEGMENTS: readonly string[] = [...Array.from({ length: RANKS }, (_, i) => String(i)), 'Others'];

/** A segment of a bar: the company (or the rest), its value and share of the layer, and its label's colour. */
export type PoolSegment = { id: string | null; name: string; value: number; share: number | null; text: string };
/**
 * One layer's bar: its label, the colour it is drawn in, its total as the chart labels it (in the axis's unit), and
 * per segment its value and what it stands for.
 */
export type LayerPoolRow = {
  layer: string;
  colour: string;
  greyed: boolean;
  totalLabel: string;
  /** The segment that ends the bar's positive stack, after which the total is written; null when none is positive. */
  totalAfter: string | null;
} & Record<string, number | string | boolean | null | PoolSegment>;

/** The segments of one bar: the largest company fullest, fading to "Others". */
export function segmentOpacity(rank: number): number {
  return 1 - (rank / Math.max(1, LAYER_POOL_SEGMENTS.length - 1)) * 0.6;
}

export type LayerPoolsChart = ChartFrame & { rows: LayerPoolRow[]; axis: UsdAxis; axisTitle: string };

type LayerAnswer = LayersAnswer['layers'][number];
/** A layer whose coverage is under 80% of its companies is drawn grey (issue 6): its pool is too partial to compare. */
const isGreyed = (l: LayerAnswer) => isThinCoverage(l.companies, l.missing);

/** The rest of a layer's share of it; null when the layer's pool is 0. */
const othersShare = (l: LayerAnswer) => (l.value === 0 ? null : l.others.value / l.value);

/** Each layer's row (application on top, like the stack): its top companies, then "Others". */
function rowsOf(answer: LayersAnswer, axis: UsdAxis): LayerPoolRow[] {
  return [...answer.layers].reverse().map((l) => {
    const layer = layerOf(l.key);
    const greyed = isGreyed(l);
    const colour = greyed ? PALETTE.greyed : layer.colour;
    const values = [...l.top.slice(0, RANKS).map((t) => t.value), l.others.value];
    const last = values.findLastIndex((v) => v > 0);
    const totalAfter = last === -1 ? null : (LAYER_POOL_SEGMENTS[last] ?? null);
    const row: LayerPoolRow = { layer: layerLabel(layer), colour, greyed, totalLabel: axis.label(l.value), totalAfter };
    const text = (rank: number) => textOn(onWhite(colour, segmentOpacity(rank)));
    l.top.slice(0, RANKS).forEach((t, i) => {
      row[`v${i}`] = t.value;
      row[`s${i}`] = { id: t.id, name: t.name, value: t.value, share: t.share, text: text(i) };
    });
    row.vOthers = l.others.value;
    row.sOthers = {
      id: null,
      name: `Others (${l.others.count})`,
      value: l.others.value,
      share: othersShare(l),
      text: text(RANKS),
    };
    return row;
  });
}

const NOTE =
  "Stack totals are gross: one layer's revenue is often another's spend. Each bar: the layer's five largest companies, fading to the rest.";

/** Layer pools: a bar per layer, stacked by its five largest companies and the rest. */
export function layerPoolsChart(answer: LayersAnswer | undefined, filters: ResolvedFilters): LayerPoolsChart {
  const layers = answer?.layers ?? [];
  const metric = METRIC_NAMES[filters.metric];
  const axisTitle = `Attributed ${METRIC_LABELS[filters.metric]}`;
  // The legend names the grey only when a grey bar is drawn.
  const greyed = layers.some((l) => isGreyed(l) && l.value !== 0);
  const axis = usdAxis(stackExtents(layers.map((l) => [...l.top.map((t) => t.value), l.others.value])));
  return {
    id: 'layer-pools',
    title: `${metric} pools by layer, ${filters.year}`,
    description: `Each company's ${metric.toLowerCase()} split across the layers by its shares, in USD; the largest five companies of each layer, then the rest.`,
    coverage: answer?.coverage,
    estimated: answer?.estimated,
    empty:
      answer && answer.coverage.included === 0
        ? `No company has ${metric.toLowerCase()} for ${filters.year}. Add figures on a company page or import a figures.csv.`
        : null,
    note: `${NOTE} Layers with under 80% of their companies covered are greyed.`,
    table: {
      columns: [
        { label: 'Layer', kind: 'text' },
        { label: 'Company', kind: 'text' },
        { label: axisTitle, kind: 'usdMillions' },
        { label: 'Share of layer', kind: 'ratio' },
      ],
      // Each layer's companies, its "Others", then its total, so a pasted table sums without a formula.
      rows: layers.flatMap((l) => [
        ...l.top.map((t) => [l.name, t.name, t.value, t.share]),
        ...(l.others.count ? [[l.name, `Others (${l.others.count})`, l.others.value, othersShare(l)]] : []),
        [l.name, `Total ${l.name}`, l.value, l.value === 0 ? null : 1],
      ]),
    },
    exportAs: {
      name: {
        chart: 'layer-pools',
        metric: filters.metric,
        period: String(filters.year),
        basis: filters.basis,
        list: filters.list,
      },
      subtitle: filtersSubtitle(filters, { measure: metric, period: String(filters.year) }),
      legend: greyed ? [GREYED_LAYER_LEGEND] : [],
      note: NOTE,
    },
    rows: answer ? rowsOf(answer, axis) : [],
    axis,
    axisTitle,
  };
}
