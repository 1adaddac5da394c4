'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ResolvedFilters } from '@/lib/domain/dashboard/filters';
import type { DashboardQuery } from '@/lib/analytics/dashboard-queries';
import { useDashboardSettings } from './dashboard-context';
import { dashboardQueryOptions, type DashboardAnswers } from '@/lib/queries/dashboard-options';

export type { DashboardAnswers };

/**
 * One analytics answer for the current filters; while new filters load, the previous answer stays on screen. A
 * snapshot's dashboard reads only the answers it froze (hydrated under the same keys) and never fetches. With
 * `fetch: false` it only reads the answer another part of the page fetches (a chart's), as it arrives.
 */
export function useDashboardQuery<Q extends DashboardQuery>(
  name: Q,
  filters: ResolvedFilters,
  { fetch = true }: { fetch?: boolean } = {},
) {
  const frozen = useDashboardSettings().frozen !== undefined;
  const options = dashboardQueryOptions(name, filters);
  return useQuery({
    queryKey: options.queryKey,
    queryFn: options.queryFn as () => Promise<DashboardAnswers[Q]>,
    placeholderData: keepPreviousData,
    enabled: fetch && !frozen,
  });
}
