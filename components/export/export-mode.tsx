'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** True inside the off-screen copy of a chart drawn for an export. */
export const ExportingContext = createContext(false);

/**
 * Parts of a chart that belong to the page, not the picture: Recharts draws its legend as HTML outside the <svg>,
 * where it would only take room from the plot, so the memo draws the legend itself from the chart's entries.
 */
export function ScreenOnly({ children }: { children: ReactNode }) {
  return useContext(ExportingContext) ? null : children;
}
