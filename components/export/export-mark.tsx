'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** What every export of the charts inside says besides their own content: the snapshot they show, if any. */
export interface ExportMark {
  /** "snapshot “Q3 IC memo”, frozen 2026-11-30": the footer names it before the data's as-of. */
  snapshot?: string;
}

const ExportMarkContext = createContext<ExportMark>({});

export function ExportMarkProvider({ mark, children }: { mark: ExportMark; children: ReactNode }) {
  return <ExportMarkContext.Provider value={mark}>{children}</ExportMarkContext.Provider>;
}

export const useExportMark = (): ExportMark => useContext(ExportMarkContext);
