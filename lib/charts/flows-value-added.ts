import type { FlowsAnswer } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { layerLabel, layerOf, type LayerKey } from '../domain/layers';
import { flowsCoverage, flowsCoverages, flowsEmpty, flowsSubtitle, shareOfPool } from './flows';
import type { ChartFrame } from './frame';
import { PALETTE } from './palette';
import { usdAxis, type UsdAxis } from './usd-axis';

/**
 * Value added by layer (docs/data-contract.md §9): each layer's revenue pool P(L) beside retained(L), the pool less
 * the layer's known purchases from the stack — who keeps what, as far as the flows are known.
 */
export interface ValueAddedRow {
  key: LayerKey;
  layer: string;
  colour: string;
  pool: number;
  retained: number;
  outflow: number;
  /** retained / pool; null when the pool is not above 0. */
  kept: number | null;
}

export type ValueAddedChart = ChartFrame & { rows: ValueAddedRow[]; axis: UsdAxis };

/** The pool's bar is the layer's colour, faded: the retained bar in full colour reads as the part kept. */
export const POOL_OPACITY = 0.35;

export function valueAddedChart(answer: FlowsAnswer | undefined, filters: ResolvedFilters): ValueAddedChart {
  const layers = answer?.layers ?? [];
  const rows = [...layers].reverse().map((l): ValueAddedRow => ({
    key: l.key,
    layer: layerLabel(layerOf(l.key)),
    colour: layerOf(l.key).colour,
    pool: l.pool,
    retained: l.retained,
    outflow: l.outflow,
    kept: shareOfPool(l.retained, l.pool),
  }));
  const note =
    'Retained = the layer\u2019s revenue pool less what its companies are known to pay other tracked companies: value added as far as the flows are known.';
  return {
    id: 'flows-value-added',
    title: `Value added by layer, ${filters.year}`,
    description: 'Each layer\u2019s revenue pool beside what it retains after its known purchases from the stack, in USD.',
    coverage: answer ? flowsCoverage(answer) : undefined,
    coverageUnit: 'flows',
    estimated: answer?.estimated,
    empty: flowsEmpty(answer, filters.year),
    note,
    table: {
      columns: [
        { label: 'Layer', kind: 'text' },
        { label: 'Revenue pool', kind: 'usdMillions' },
        { label: 'Known outflow', kind: 'usdMillions' },
        { label: 'Retained', kind: 'usdMillions' },
        { label: 'Retained share of pool', kind: 'ratio' },
      ],
      rows: layers.map((l) => [l.name, l.pool, l.outflow, l.retained, shareOfPool(l.retained, l.pool)]),
    },
    exportAs: {
      name: {
        chart: 'flows-value-added',
        metric: 'revenue',
        period: String(filters.year),
        basis: 'calendar',
        list: filters.list,
      },
      subtitle: flowsSubtitle(filters, 'Revenue pool and retained revenue'),
      legend: [
        { label: 'Revenue pool P(L) (faded)', colour: PALETTE.greyed },
        { label: 'Retained after known purchases (full colour)', colour: PALETTE.axisLabel },
      ],
      note,
      coverages: flowsCoverages(answer),
    },
    rows,
    axis: usdAxis(layers.flatMap((l) => [l.pool, l.retained])),
  };
}
