'use client';

import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { parseDashboardFilters, type DashboardFilters } from '@/lib/domain/dashboard/filters';

/** The dashboard filters in this page's URL, which the layer page answers (its exports state them). */
export function useUrlFilters(): DashboardFilters {
  const search = useSearchParams();
  return useMemo(() => parseDashboardFilters(new URLSearchParams(search.toString())), [search]);
}
