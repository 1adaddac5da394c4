'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ChartExportRegistry } from '@/components/export/chart-export-registry';
import { useExportMark } from '@/components/export/export-mark';
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
 * restore them. A snapshot's dashboard has neither layer links nor views (both are live), and its memo pack's
 * title slide names the snapshot.
 */
export function DashboardCharts({
  children,
  canFreeze,
  ticked = null,
}: {
  children: ReactNode;
  canFreeze: boolean;
  /** The memo pack's charts to tick at first (a snapshot's); null ticks every chart. */
  ticked?: string[] | null;
}) {
  const { filters, frozen } = useDashboardFilters();
  const mark = useExportMark();
  const client = useQueryClient();
  const [memoCharts, setMemoCharts] = useState<string[] | null>(ticked);
  const cover = () => {
    const summary = summaryCover(client, filters);
    return { ...summary, subtitle: [summary.subtitle, mark.snapshot].filter(Boolean).join(' · ') };
  };
  return (
    <ChartExportRegistry>
      <div className={styles.chartsToolbar}>
        {frozen ? <span /> : <LayerLinks filters={filters} />}
        <div className="actions">
          {!frozen && <ViewsMenu memoCharts={memoCharts} onOpen={setMemoCharts} canFreeze={canFreeze} />}
          <MemoPack
            year={filters.year}
            basis={filters.basis}
            list={filters.list}
            ticked={memoCharts}
            onTick={setMemoCharts}
            cover={cover}
          />
        </div>
      </div>
      <div className={styles.grid}>{children}</div>
    </ChartExportRegistry>
  );
}
