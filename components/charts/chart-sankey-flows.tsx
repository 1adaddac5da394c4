'use client';

import { useCallback, useMemo, useState } from 'react';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import { CellFlows } from '@/components/flows/cell-flows';
import { FlowsMatrixTable } from '@/components/flows/flows-matrix-table';
import { flowsSankeyChart } from '@/lib/charts/flows-sankey';
import { dashboardQueries } from '@/lib/analytics/dashboard-queries';
import { ChartCard, queryState } from './chart-card';
import { SANKEY_HEIGHT } from './chart-style';
import { lazyPlot, useHeldWhile } from './plot';

const FlowsSankeyPlot = lazyPlot(() => import('./plots/flows-sankey'));

/**
 * The Sankey of the stack (docs/data-contract.md §9): who pays whom, with the same numbers as a matrix table whose
 * cells, like the Sankey's links, list the flows they sum.
 */
export function ChartSankeyFlows() {
  const { filters, frozen } = useDashboardFilters();
  const query = useDashboardQuery('flows', filters);
  const chart = useMemo(() => flowsSankeyChart(query.data, filters), [query.data, filters]);
  const { nodes, links, details } = useHeldWhile(query.isPlaceholderData, chart);
  const [selected, setSelected] = useState<string | null>(null);
  const select = useCallback((cell: string) => setSelected(cell), []);
  const link = selected ? chart.details[selected] : undefined;
  return (
    <ChartCard
      {...chart}
      {...queryState(query)}
      plotHeight={SANKEY_HEIGHT}
      aside={
        <>
          <FlowsMatrixTable matrix={chart.matrix} selected={selected} onSelect={select} />
          {link?.from &&
            (frozen ? (
              // The flows of a link are read live: a snapshot froze the totals only.
              <p className="muted" role="status">
                A snapshot keeps each link’s total, not the flows behind it: open these filters live to list them.
              </p>
            ) : (
              <CellFlows link={link} query={dashboardQueries(filters).flows} onClose={() => setSelected(null)} />
            ))}
        </>
      }
    >
      <FlowsSankeyPlot nodes={nodes} links={links} details={details} onSelect={select} />
    </ChartCard>
  );
}
