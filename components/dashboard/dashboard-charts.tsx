'use client';

import { ChartExportRegistry } from '@/components/export/chart-export-registry';
import { MemoPack } from '@/components/export/memo-pack';
import { ChartBarCapexIntensity } from '@/components/charts/chart-bar-capex-intensity';
import { ChartBarConcentration } from '@/components/charts/chart-bar-concentration';
import { ChartBarLayerPools } from '@/components/charts/chart-bar-layer-pools';
import { ChartBarOverTime } from '@/components/charts/chart-bar-over-time';
import { ChartBarProfitPool } from '@/components/charts/chart-bar-profit-pool';
import { ChartBarStackMix } from '@/components/charts/chart-bar-stack-mix';
import { ChartComposedGap } from '@/components/charts/chart-composed-gap';
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
        <ChartBarLayerPools />
        <ChartBarStackMix />
        <ChartBarOverTime />
        <ChartBarConcentration />
        <ChartBarProfitPool />
        <ChartBarCapexIntensity />
        <ChartComposedGap />
      </div>
    </ChartExportRegistry>
  );
}
