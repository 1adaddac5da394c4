import type { ProfitabilityAnswer } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { filtersSubtitle } from './export-text';
import type { ChartFrame } from './frame';
import { layerLabel, layerOf } from '../domain/layers';
import type { Coverage } from '../domain/analytics/types';
import { GREYED_LAYER_LEGEND, isThinLayer, reportedRevenueIn, thinLayersNote } from './layer-coverage';
import type { NativeChart } from '../export/native-chart';
import { PALETTE } from './palette';

export interface IntensityRow {
  name: string;
  /** "6 Application", for the category axis. */
  layer: string;
  colour: string;
  /** Capex pool / revenue pool over the companies with both; null when none has both. */
  intensity: number | null;
  /** The layer's companies with and without both revenue and capex. */
  coverage: Coverage;
  /** Under 80% of them have both: drawn grey and marked `data-coverage="low"`. */
  low: boolean;
}

export type CapexIntensityChart = ChartFrame & {
  rows: IntensityRow[];
  /** Round percentage ticks, and how many decimals they need. */
  ticks: number[];
  digits: number;
};

/** Each layer's capex intensity, Application on top (like the stack). */
function rowsOf(answer: ProfitabilityAnswer): IntensityRow[] {
  return [...answer.layers].reverse().map((l) => {
    const layer = layerOf(l.key);
    const coverage = l.coverage.revenueAndCapex;
    const low = isThinLayer(coverage);
    const colour = low ? PALETTE.greyed : layer.colour;
    return { name: layer.name, layer: layerLabel(layer), colour, intensity: l.capexIntensity, coverage, low };
  });
}

const TICK_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 5];

/** Round percentage ticks (0, 25%, 50% …) up to the largest intensity, at most five steps, shown with enough decimals. */
function percentTicks(rows: IntensityRow[]): { ticks: number[]; digits: number } {
  const largest = Math.max(0, ...rows.map((r) => r.intensity ?? 0));
  const step = TICK_STEPS.find((s) => largest <= 5 * s) ?? Math.ceil(largest / 5);
  const count = Math.max(1, Math.ceil(largest / step));
  return { ticks: Array.from({ length: count + 1 }, (_, i) => i * step), digits: step < 0.01 ? 1 : 0 };
}

/** The bars as PowerPoint's, a thin layer's grey as on the card, on the card's percentage ticks. */
function nativeOf(rows: readonly IntensityRow[], { ticks, digits }: { ticks: number[]; digits: number }): NativeChart {
  return {
    kind: 'bars',
    categories: rows.map((r) => r.layer),
    series: { name: 'Capex / revenue', values: rows.map((r) => r.intensity) },
    barColours: rows.map((r) => r.colour),
    valueAxis: { title: 'Capex / revenue (%)', format: digits ? '0.0%' : '0%', min: 0, max: ticks.at(-1), step: ticks[1] },
    valueLabels: '0.0%',
  };
}

const INTENSITY_NOTE =
  "The layer's capex pool over its revenue pool, each company split across the layers by its shares; a company without capex does not lower its layers' intensity. Above 100%, a layer spends more on capex than it takes in revenue. A layer without a bar has no company with both figures.";

/** Capex intensity: capex / revenue per layer, over the companies with both figures. */
export function capexIntensityChart(answer: ProfitabilityAnswer | undefined, filters: ResolvedFilters): CapexIntensityChart {
  const rows = answer ? rowsOf(answer) : [];
  const axis = percentTicks(rows);
  const empty =
    answer && answer.layers.every((l) => l.capexIntensity === null)
      ? `No company has capex and revenue for ${filters.year}. Add capex figures on a company page or import a figures.csv.`
      : null;
  return {
    id: 'capex-intensity',
    title: `Capex intensity by layer, ${filters.year}`,
    description: `Capex as a share of revenue in each layer, over the companies with both revenue and capex in ${filters.year}.`,
    coverage: answer?.coverage.revenueAndCapex,
    estimated: answer?.estimated,
    empty,
    note: empty
      ? undefined
      : [
          INTENSITY_NOTE,
          thinLayersNote(
            [...rows].reverse().map((r) => ({ label: r.name, coverage: r.coverage })),
            'revenue and capex',
            answer ? reportedRevenueIn(answer.coverage.revenue) : undefined,
          ),
        ]
          .filter(Boolean)
          .join(' '),
    table: {
      columns: [
        { label: 'Layer', kind: 'text' },
        { label: 'Capex / revenue', kind: 'ratio' },
      ],
      rows: [...rows].reverse().map((r) => [r.name, r.intensity]),
    },
    exportAs: {
      name: {
        chart: 'capex-intensity',
        metric: 'capex-revenue',
        period: String(filters.year),
        basis: filters.basis,
        list: filters.list,
      },
      subtitle: filtersSubtitle(filters, { measure: 'Capex / revenue', period: String(filters.year) }),
      legend: rows.some((r) => r.low) ? [GREYED_LAYER_LEGEND] : [],
      ...(answer && !empty && { native: nativeOf(rows, axis) }),
    },
    rows,
    ...axis,
  };
}
