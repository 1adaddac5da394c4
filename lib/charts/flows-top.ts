import type { FlowsAnswer } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { layerOf } from '../domain/layers';
import { flowsCoverage, flowsCoverages, flowsEmpty, flowsSubtitle } from './flows';
import type { ChartFrame } from './frame';
import { LAYER_LEGEND } from './layers';
import { usdAxis, type UsdAxis } from './usd-axis';

/** The largest flows of the year (docs/data-contract.md §9's top flows, at most 20): a bar each, coloured by payer layer. */
export interface TopFlowRow {
  id: string;
  /** "Microsoft → NVIDIA": the bar's label. */
  label: string;
  payer: { id: string; name: string };
  payee: { id: string; name: string };
  payerLayer: string;
  payeeLayer: string;
  value: number;
  kind: 'reported' | 'estimate';
  colour: string;
}

export type TopFlowsChart = ChartFrame & { rows: TopFlowRow[]; axis: UsdAxis };

export function topFlowsChart(answer: FlowsAnswer | undefined, filters: ResolvedFilters): TopFlowsChart {
  const rows = (answer?.top ?? []).map((t): TopFlowRow => ({
    id: t.id,
    label: `${t.payer.name} → ${t.payee.name}`,
    payer: t.payer,
    payee: t.payee,
    payerLayer: layerOf(t.payerLayer).name,
    payeeLayer: layerOf(t.payeeLayer).name,
    value: t.value,
    kind: t.kind,
    colour: layerOf(t.payerLayer).colour,
  }));
  return {
    id: 'flows-top',
    title: `Largest flows, ${filters.year}`,
    description: `The largest known flows between tracked companies${
      answer ? ` (${rows.length} of ${answer.coverage.included})` : ''
    }, in USD, coloured by the payer's layer.`,
    coverage: answer ? flowsCoverage(answer) : undefined,
    coverageUnit: 'flows',
    estimated: answer?.estimated,
    empty: flowsEmpty(answer, filters.year),
    table: {
      columns: [
        { label: 'Payer', kind: 'text' },
        { label: 'Payer layer', kind: 'text' },
        { label: 'Payee', kind: 'text' },
        { label: 'Payee layer', kind: 'text' },
        { label: 'Value', kind: 'usdMillions' },
        { label: 'Kind', kind: 'text' },
      ],
      rows: rows.map((r) => [r.payer.name, r.payerLayer, r.payee.name, r.payeeLayer, r.value, r.kind]),
    },
    exportAs: {
      name: { chart: 'flows-top', metric: 'revenue', period: String(filters.year), basis: 'calendar', list: filters.list },
      subtitle: flowsSubtitle(filters, 'Revenue flows'),
      legend: LAYER_LEGEND,
      coverages: flowsCoverages(answer),
    },
    rows,
    axis: usdAxis(rows.map((r) => r.value)),
  };
}
