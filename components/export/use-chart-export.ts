'use client';

import { useCallback, type ReactNode } from 'react';
import { chartDocuments, type ChartContent } from '@/lib/export/chart-documents';
import type { ExportName } from '@/lib/export/file-name';
import { useExportableChart } from './chart-export-registry';
import { useChartStage } from './chart-stage';

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
