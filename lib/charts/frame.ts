import type { Coverage } from '../domain/analytics/types';
import type { ChartExportSpec } from '../export/chart-documents';
import type { ChartTable } from '../export/table';

/**
 * What a chart's card shows and exports, as a chart's mapper describes it from an answer: the card adds the
 * query's state and the drawing.
 */
export interface ChartFrame {
  /** The card's element id. */
  id: string;
  title: string;
  /** One sentence on what the chart shows. */
  description: string;
  coverage?: Coverage;
  /** What `coverage` counts: companies (the default) or value flows, whose missing ones want an FX rate. */
  coverageUnit?: 'companies' | 'flows';
  estimated?: boolean;
  /** What to add when there is nothing to draw; null when there is. */
  empty: string | null;
  /** A note under the chart (e.g. that stack totals are gross). */
  note?: string;
  /** The plotted numbers, unrounded: "View data" shows them, the CSV export writes them. */
  table: ChartTable;
  /** File name, filters, legend and the rest an export needs beyond the card. */
  exportAs: ChartExportSpec;
}
