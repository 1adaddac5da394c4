import type { ReactNode } from 'react';
import { ChartBarCapexIntensity } from '@/components/charts/chart-bar-capex-intensity';
import { ChartBarConcentration } from '@/components/charts/chart-bar-concentration';
import { ChartBarGrossNet } from '@/components/charts/chart-bar-gross-net';
import { ChartBarLayerPools } from '@/components/charts/chart-bar-layer-pools';
import { ChartBarOverTime } from '@/components/charts/chart-bar-over-time';
import { ChartBarProfitPool } from '@/components/charts/chart-bar-profit-pool';
import { ChartBarStackMix } from '@/components/charts/chart-bar-stack-mix';
import { ChartBarTopFlows } from '@/components/charts/chart-bar-top-flows';
import { ChartBarValueAdded } from '@/components/charts/chart-bar-value-added';
import { ChartComposedGap } from '@/components/charts/chart-composed-gap';
import { ChartSankeyFlows } from '@/components/charts/chart-sankey-flows';
import type { DashboardQuery } from '@/lib/analytics/dashboard-queries';
import { DashboardCharts } from './dashboard-charts';
import { DashboardSummary } from './dashboard-summary';
import { FilterBar } from './filter-bar';
import { FlowsSection, FlowsWide } from './flows-section';

/**
 * Where a part of the dashboard waits for the answers it reads: the live page streams each part as its answers
 * arrive (with `fallback` meanwhile); a snapshot has every answer already and shows the part as it is.
 */
export type AnswerGate = (answers: readonly DashboardQuery[], part: ReactNode, fallback?: ReactNode) => ReactNode;

/**
 * The dashboard under its filters: the summary, then every chart in its place, each behind the gate of the answers
 * it reads. The live dashboard and a snapshot's show the same page from the same components.
 */
export function DashboardBody({
  gate,
  canFreeze,
  ticked,
}: {
  gate: AnswerGate;
  canFreeze: boolean;
  /** The memo pack's charts to tick at first; every chart when absent. */
  ticked?: string[] | null;
}) {
  return (
    <>
      <FilterBar />
      {/* The summary adds the other answers' sentences as their charts' answers arrive. */}
      {gate(
        ['layers'],
        <DashboardSummary />,
        <div className="card skeleton" style={{ height: 160, marginTop: 16 }} aria-hidden="true" />,
      )}
      <DashboardCharts canFreeze={canFreeze} ticked={ticked}>
        <FlowsWide>
          {gate(
            ['flows'],
            <FlowsSection>
              <FlowsWide>
                <ChartSankeyFlows />
              </FlowsWide>
              <ChartBarGrossNet />
              <ChartBarValueAdded />
              <FlowsWide>
                <ChartBarTopFlows />
              </FlowsWide>
            </FlowsSection>,
          )}
        </FlowsWide>
        {gate(['layers'], <ChartBarLayerPools />)}
        {gate(['profitability'], <ChartBarStackMix />)}
        {gate(['series'], <ChartBarOverTime />)}
        {gate(['layers'], <ChartBarConcentration />)}
        {gate(['profitability'], <ChartBarProfitPool />)}
        {gate(['profitability'], <ChartBarCapexIntensity />)}
        {gate(['gap'], <ChartComposedGap />)}
      </DashboardCharts>
    </>
  );
}
