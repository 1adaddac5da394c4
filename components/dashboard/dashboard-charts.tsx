'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ChartExportRegistry } from '@/components/export/chart-export-registry';
import { MemoPack } from '@/components/export/memo-pack';
import { useDashboardFilters } from './dashboard-context';
import { LayerLinks } from './layer-links';
import { summaryCover } from './summary-cover';
import styles from './dashboard.module.css';

/**
 * The dashboard's charts (`children`, each fed by its own query of the current filters, streamed by the page as
 * its answer arrives) under the layer links and the memo pack of any of them, opened by the summary's slide.
 */
export function DashboardCharts({ children }: { children: ReactNode }) {
  const { filters } = useDashboardFilters();
  const client = useQueryClient();
  return (
    <ChartExportRegistry>
      <div className={styles.chartsToolbar}>
        <LayerLinks filters={filters} />
        <MemoPack year={filters.year} basis={filters.basis} cover={() => summaryCover(client, filters)} />
      </div>
      <div className={styles.grid}>{children}</div>
    </ChartExportRegistry>
  );
}
