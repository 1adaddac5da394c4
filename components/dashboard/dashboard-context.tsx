'use client';

import { useSearchParams } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo } from 'react';
import {
  dashboardFiltersToSearch,
  parseDashboardFilters,
  type DashboardFilters,
  type ResolvedFilters,
} from '@/lib/domain/dashboard/filters';

interface DashboardSettings {
  /** docs/data-contract.md §8's year, used when the URL names none. */
  defaultYear: number;
  /** List names for the list pickers. */
  lists: string[];
  /** The countries of the universe, for the country picker. */
  countries: string[];
  /**
   * A snapshot's filters: the dashboard shows the answers frozen for them, read-only. Its filters come from the
   * snapshot, not the URL; its controls are disabled and its queries never fetch.
   */
  frozen?: ResolvedFilters;
}

const DashboardContext = createContext<DashboardSettings | null>(null);

export function DashboardProvider({ children, ...settings }: DashboardSettings & { children: React.ReactNode }) {
  return <DashboardContext.Provider value={settings}>{children}</DashboardContext.Provider>;
}

export function useDashboardSettings(): DashboardSettings {
  const settings = useContext(DashboardContext);
  if (!settings) throw new Error('useDashboardSettings needs a DashboardProvider.');
  return settings;
}

/**
 * The filters as the URL holds them, with the default year filled in, and a setter that writes them back to the
 * URL (a history entry per change, so Back undoes it). Changing the URL this way re-renders the client only:
 * TanStack Query fetches what the new filters need while the charts keep showing the previous answer. A snapshot's
 * dashboard answers its frozen filters, whatever the URL says, and has nothing to set (`frozen`).
 */
export function useDashboardFilters(): {
  filters: ResolvedFilters;
  setFilters: (patch: Partial<DashboardFilters>) => void;
  frozen: boolean;
} {
  const { defaultYear, frozen } = useDashboardSettings();
  const search = useSearchParams();
  const parsed = useMemo(() => parseDashboardFilters(new URLSearchParams(search.toString())), [search]);
  const filters = useMemo(() => frozen ?? { ...parsed, year: parsed.year ?? defaultYear }, [frozen, parsed, defaultYear]);
  const setFilters = useCallback(
    (patch: Partial<DashboardFilters>) => {
      // On top of the URL as it is now, not the filters this render saw: two changes in quick succession (metric,
      // then year, before the first re-render) must both land.
      const current = parseDashboardFilters(new URLSearchParams(window.location.search));
      const next = dashboardFiltersToSearch({ ...current, year: current.year ?? defaultYear, ...patch });
      window.history.pushState(null, '', next ? `?${next}` : window.location.pathname);
    },
    [defaultYear],
  );
  return { filters, setFilters, frozen: frozen !== undefined };
}
