'use client';

import { useCallback, type ReactNode } from 'react';
import type { ChartContent, ChartDocuments } from '@/lib/export/chart-documents';
import type { ExportName } from '@/lib/export/file-name';
import { useExportableChart } from './chart-export-registry';
import { useChartStage } from './chart-stage';

/**
 * A chart's exports: an off-screen stage that draws it at memo size, its documents, and its place in the memo
 * pack's registry. The memo composer loads with the first export.
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
  const documents = useCallback(async (): Promise<ChartDocuments> => {
    const { chartDocuments } = await import('@/lib/export/chart-documents');
    return chartDocuments(content, draw);
  }, [content, draw]);
  useExportableChart({ id, title: content.title, ready, name, documents });
  return { stage, documents };
}
