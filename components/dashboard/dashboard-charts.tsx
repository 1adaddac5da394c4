'use client';

import { LayerPoolsChart } from './charts/layer-pools-chart';
import styles from './dashboard.module.css';

/** The dashboard's charts, each fed by its own query of the current filters. */
export function DashboardCharts() {
  return (
    <div className={styles.grid}>
      <LayerPoolsChart />
    </div>
  );
}
