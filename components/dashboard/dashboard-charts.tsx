'use client';

import { CapexIntensityChart } from './charts/capex-intensity-chart';
import { ConcentrationChart } from './charts/concentration-chart';
import { GapChart } from './charts/gap-chart';
import { LayerPoolsChart } from './charts/layer-pools-chart';
import { OverTimeChart } from './charts/over-time-chart';
import { ProfitPoolChart } from './charts/profit-pool-chart';
import { StackMixChart } from './charts/stack-mix-chart';
import styles from './dashboard.module.css';

/** The dashboard's charts, each fed by its own query of the current filters. */
export function DashboardCharts() {
  return (
    <div className={styles.grid}>
      <LayerPoolsChart />
      <StackMixChart />
      <OverTimeChart />
      <ConcentrationChart />
      <ProfitPoolChart />
      <CapexIntensityChart />
      <GapChart />
    </div>
  );
}
