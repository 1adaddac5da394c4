'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ChartExportRegistry } from '@/components/export/chart-export-registry';
import { MemoPack } from '@/components/export/memo-pack';
import { useDashboardFilters } from './dashboard-context';
import { LayerLinks } from './layer-links';
import { summaryCover } from './summary-cover';
import { ViewsMenu } from './views-menu';
import styles from './dashboard.module.css';

/**
 * The dashboard's charts (`children`, each fed by its own query of the current filters, streamed by the page as
 * its answer arrives) under the layer links, the saved views and the memo pack of any of them (opened by the
 * summary's slide). The memo pack's ticked charts live here, so a saved view can remember them and opening one can
 * restore them.
 */
export function DashboardCharts({ children, canFreeze }: { children: ReactNode; canFreeze: boolean }) {
  const { filters } = useDashboardFilters();
  const client = useQueryClient();
  const [memoCharts, setMemoCharts] = useState<string[] | null>(null);
  return (
    <ChartExportRegistry>
      <div className={styles.chartsToolbar}>
        <LayerLinks filters={filters} />
        <div className="actions">
          <ViewsMenu memoCharts={memoCharts} onOpen={setMemoCharts} canFreeze={canFreeze} />
          <MemoPack
            year={filters.year}
            basis={filters.basis}
            list={filters.list}
            ticked={memoCharts}
            onTick={setMemoCharts}
            cover={() => summaryCover(client, filters)}
          />
        </div>
      </div>
      <div className={styles.grid}>{children}</div>
    </ChartExportRegistry>
  );
}
