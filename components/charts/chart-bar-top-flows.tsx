'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useDashboardFilters } from '@/components/dashboard/dashboard-context';
import { useDashboardQuery } from '@/components/dashboard/use-dashboard-query';
import flowStyles from '@/components/flows/flows.module.css';
import { topFlowsChart, type TopFlowRow } from '@/lib/charts/flows-top';
import { formatUsdMillions } from '@/lib/format';
import { ChartCard, queryState } from './chart-card';
import { lazyPlot, useHeldWhile } from './plot';

const TopFlowsPlot = lazyPlot(() => import('./plots/top-flows'));

/** The largest flows of the year: bars, and the table of them with each company a link. */
export function ChartBarTopFlows() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('flows', filters);
  const chart = useMemo(() => topFlowsChart(query.data, filters), [query.data, filters]);
  const { rows, axis } = useHeldWhile(query.isPlaceholderData, chart);
  return (
    <ChartCard {...chart} {...queryState(query)} aside={<TopFlowsTable rows={chart.rows} />}>
      <TopFlowsPlot rows={rows} axis={axis} />
    </ChartCard>
  );
}

function TopFlowsTable({ rows }: { rows: TopFlowRow[] }) {
  return (
    <div className="table-wrap">
      <table className={`table ${flowStyles.topTable}`} aria-label="Top flows">
        <thead>
          <tr>
            <th scope="col">Payer (layer)</th>
            <th scope="col">Payee (layer)</th>
            <th scope="col" className={flowStyles.num}>
              Value (USD)
            </th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/companies/${r.payer.id}`}>{r.payer.name}</Link> <span className="muted">({r.payerLayer})</span>
              </td>
              <td>
                <Link href={`/companies/${r.payee.id}`}>{r.payee.name}</Link> <span className="muted">({r.payeeLayer})</span>
              </td>
              <td className={flowStyles.num}>{formatUsdMillions(r.value)}</td>
              <td>{r.kind}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
