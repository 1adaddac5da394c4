'use client';

import { useCallback, type ReactNode } from 'react';
import { chartDocuments, type ChartContent } from '@/lib/export/chart-documents';
import type { ExportName } from '@/lib/export/file-name';
import type { LegendEntry } from '@/lib/export/memo-svg';
import type { LabelledCoverage } from '@/lib/export/memo-text';
import { useExportableChart } from './chart-export-registry';
import { useChartStage } from './chart-stage';

/** What a chart tells its exports beyond what its card shows. */
export interface ChartExportSpec {
  name: ExportName;
  /** The filters in words (see memoSubtitle). */
  subtitle: string;
  /** The legend as the memo draws it; none when the axes name everything. */
  legend?: readonly LegendEntry[];
  /** The memo's note, when the card's is not plain text or speaks of the screen ("hover a year"). */
  note?: string;
  /** The chart's inputs, when they are not the card's one coverage (the gap's chips and application companies). */
  coverages?: readonly LabelledCoverage[];
}

/**
 * A chart's exports: an off-screen stage that draws it at memo size, its documents, and its place in the memo
 * pack's registry.
 */
export function useChartExport({
  id,
  content,
  name,
  chart,
  ready,
}: {
  id: string;
  content: ChartContent;
  name: ExportName;
  chart: ReactNode;
  ready: boolean;
}) {
  const { stage, draw } = useChartStage(chart);
  const documents = useCallback((asOf: string) => chartDocuments(content, asOf, draw), [content, draw]);
  useExportableChart({ id, title: content.title, ready, name, documents });
  return { stage, documents };
}
