'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, type ReactNode } from 'react';
import type { ChartContent, ChartDocuments } from '@/lib/export/chart-documents';
import type { ExportName } from '@/lib/export/file-name';
import { useExportableChart } from './chart-export-registry';
import { useChartStage } from './chart-stage';
import { firmMarkForExport } from './firm-mark';

/**
 * A chart's exports: an off-screen stage that draws it at memo size, its documents and its CSV, each with the
 * firm's mark (its name in the footer, its logo beside it), and its place in the memo pack's registry. The memo
 * composer loads with the first export.
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
  const client = useQueryClient();
  const marked = useCallback(async () => {
    const firm = await firmMarkForExport(client);
    return { content: { ...content, provenance: { ...content.provenance, firm: firm?.name } }, logo: firm?.logo ?? null };
  }, [client, content]);
  const documents = useCallback(async (): Promise<ChartDocuments> => {
    const [{ chartDocuments }, { content, logo }] = await Promise.all([import('@/lib/export/chart-documents'), marked()]);
    return chartDocuments(content, draw, logo);
  }, [marked, draw]);
  const csv = useCallback(async (): Promise<string> => {
    const [{ contentCsv }, { content }] = await Promise.all([import('@/lib/export/chart-documents'), marked()]);
    return contentCsv(content);
  }, [marked]);
  useExportableChart({ id, title: content.title, ready, name, documents });
  return { stage, documents, csv };
}
