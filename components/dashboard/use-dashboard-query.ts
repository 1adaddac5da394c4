'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { gapAnalytics, layerAnalytics, profitabilityAnalytics, seriesAnalytics } from '@/lib/dal/analytics';
import { dashboardQueries, type DashboardQuery, type ResolvedFilters } from '@/lib/domain/dashboard/queries';

/** What each analytics endpoint answers (SPEC §7), as the data layer types it. */
export interface DashboardAnswers {
  layers: Awaited<ReturnType<typeof layerAnalytics>>;
  series: Awaited<ReturnType<typeof seriesAnalytics>>;
  profitability: Awaited<ReturnType<typeof profitabilityAnalytics>>;
  gap: Awaited<ReturnType<typeof gapAnalytics>>;
}

async function fetchAnswer<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body as T;
}

/** One analytics answer for the current filters; while new filters load, the previous answer stays on screen. */
export function useDashboardQuery<Q extends DashboardQuery>(name: Q, filters: ResolvedFilters) {
  const query = dashboardQueries[name](filters);
  return useQuery({
    queryKey: query.key,
    queryFn: () => fetchAnswer<DashboardAnswers[Q]>(query.path),
    placeholderData: keepPreviousData,
  });
}
