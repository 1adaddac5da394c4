'use client';

import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import type { ChartDocuments } from '@/lib/export/chart-documents';
import type { ExportName } from '@/lib/export/file-name';

/** A chart on the page that the memo pack can take. */
export interface ExportableChart {
  /** The card's element id. */
  id: string;
  title: string;
  /** Drawn and current: not loading, not empty, not still showing the previous filters' answer. */
  ready: boolean;
  name: ExportName;
  documents: () => Promise<ChartDocuments>;
}

interface Registry {
  register: (chart: RefObject<ExportableChart>) => () => void;
  /** The registered charts in the order of the page. */
  charts: () => ExportableChart[];
}

const RegistryContext = createContext<Registry | null>(null);

function pageOrder(a: ExportableChart, b: ExportableChart): number {
  const first = document.getElementById(a.id);
  const second = document.getElementById(b.id);
  if (!first || !second) return 0;
  return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Where the charts inside register, so a memo pack can draw several of them. */
export function ChartExportRegistry({ children }: { children: ReactNode }) {
  const entries = useRef(new Set<RefObject<ExportableChart>>());
  const registry = useMemo<Registry>(
    () => ({
      register: (chart) => {
        entries.current.add(chart);
        return () => entries.current.delete(chart);
      },
      charts: () => Array.from(entries.current, (entry) => entry.current).sort(pageOrder),
    }),
    [],
  );
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

export function useChartExportRegistry(): Registry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('useChartExportRegistry needs a ChartExportRegistry.');
  return registry;
}

/**
 * Registers a chart for the memo pack, when there is a registry (the dashboard has one, a layer page none). The
 * registry keeps a ref, so a render updates what it reads without registering again.
 */
export function useExportableChart(chart: ExportableChart): void {
  const registry = useContext(RegistryContext);
  const latest = useRef(chart);
  useEffect(() => {
    latest.current = chart;
  });
  useEffect(() => registry?.register(latest), [registry]);
}
