import type { FlowsAnswer } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { flowsCoverage, flowsCoverages, flowsEmpty, flowsSubtitle } from './flows';
import type { ChartFrame } from './frame';
import { PALETTE } from './palette';
import { usdAxis, type UsdAxis } from './usd-axis';

/**
 * Gross → internal → net (docs/data-contract.md §9): the stack's gross revenue, the part of it that is known double
 * counting (a flow between two companies with revenue, counted once as the payer's revenue and again as the
 * payee's), and what is left. A bar per step; the internal bar floats from net up to gross.
 */
export interface GrossNetRow {
  step: string;
  /** Where the bar starts (the floating internal bar starts at net). */
  base: number;
  value: number;
  colour: string;
  /** Of gross; null when gross ≤ 0. */
  share: number | null;
}

export type GrossNetChart = ChartFrame & { rows: GrossNetRow[]; axis: UsdAxis };

export const GROSS_NET_COLOURS = { gross: PALETTE.axisLabel, internal: PALETTE.highlight, net: PALETTE.ink } as const;

export function grossNetChart(answer: FlowsAnswer | undefined, filters: ResolvedFilters): GrossNetChart {
  const total = answer?.total ?? { gross: 0, internal: 0, net: 0 };
  const share = (v: number) => (total.gross > 0 ? v / total.gross : null);
  const rows: GrossNetRow[] = answer
    ? [
        { step: 'Gross', base: 0, value: total.gross, colour: GROSS_NET_COLOURS.gross, share: share(total.gross) },
        {
          step: 'Known double counting',
          base: total.net,
          value: total.internal,
          colour: GROSS_NET_COLOURS.internal,
          share: share(total.internal),
        },
        { step: 'Net', base: 0, value: total.net, colour: GROSS_NET_COLOURS.net, share: share(total.net) },
      ]
    : [];
  const note =
    'Gross adds every layer\u2019s revenue pool, so a dollar that passes from one tracked company to another is counted twice; the known flows between companies with revenue measure that part. Unknown flows still double count.';
  return {
    id: 'flows-gross-net',
    title: `Gross, double counted and net revenue of the stack, ${filters.year}`,
    description:
      'How much of the stack\u2019s gross revenue total is known double counting: flows between tracked companies that both have revenue.',
    coverage: answer ? flowsCoverage(answer) : undefined,
    coverageUnit: 'flows',
    estimated: answer?.estimated,
    empty: flowsEmpty(answer, filters.year),
    note,
    table: {
      columns: [
        { label: 'Step', kind: 'text' },
        { label: 'Revenue', kind: 'usdMillions' },
        { label: 'Share of gross', kind: 'ratio' },
      ],
      rows: rows.map((r) => [r.step, r.value, r.share]),
    },
    exportAs: {
      name: { chart: 'flows-gross-net', metric: 'revenue', period: String(filters.year), basis: 'calendar', list: filters.list },
      subtitle: flowsSubtitle(filters, 'Revenue'),
      note,
      coverages: flowsCoverages(answer),
    },
    rows,
    axis: usdAxis([total.gross, total.net]),
  };
}
