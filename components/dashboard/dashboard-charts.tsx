'use client';

import { ChartExportRegistry } from '@/components/export/chart-export-registry';
import { MemoPack } from '@/components/export/memo-pack';
import { CapexIntensityChart } from './charts/capex-intensity-chart';
import { ConcentrationChart } from './charts/concentration-chart';
import { GapChart } from './charts/gap-chart';
import { LayerPoolsChart } from './charts/layer-pools-chart';
import { OverTimeChart } from './charts/over-time-chart';
import { ProfitPoolChart } from './charts/profit-pool-chart';
import { StackMixChart } from './charts/stack-mix-chart';
import { useDashboardFilters } from './dashboard-context';
import { LayerLinks } from './layer-links';
import styles from './dashboard.module.css';

/** The dashboard's charts, each fed by its own query of the current filters, and the memo pack of any of them. */
export function DashboardCharts() {
  const { filters } = useDashboardFilters();
  return (
    <ChartExportRegistry>
      <div className={styles.chartsToolbar}>
        <LayerLinks filters={filters} />
        <MemoPack year={filters.year} basis={filters.basis} />
      </div>
      <div className={styles.grid}>
        <LayerPoolsChart />
        <StackMixChart />
        <OverTimeChart />
        <ConcentrationChart />
        <ProfitPoolChart />
        <CapexIntensityChart />
        <GapChart />
      </div>
    </ChartExportRegistry>
  );
}
