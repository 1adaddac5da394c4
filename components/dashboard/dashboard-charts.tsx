'use client';

import { GapChart } from './charts/gap-chart';
import { LayerPoolsChart } from './charts/layer-pools-chart';
import { OverTimeChart } from './charts/over-time-chart';
import { ProfitPoolChart } from './charts/profit-pool-chart';
import styles from './dashboard.module.css';

/** The dashboard's charts, each fed by its own query of the current filters. */
export function DashboardCharts() {
  return (
    <div className={styles.grid}>
      <LayerPoolsChart />
      <OverTimeChart />
      <ProfitPoolChart />
      <GapChart />
    </div>
  );
}
