'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { ResolvedFilters } from '@/lib/domain/dashboard/filters';
import type { DashboardQuery } from '@/lib/analytics/dashboard-queries';
import { useDashboardSettings } from './dashboard-context';
import { dashboardQueryOptions, type DashboardAnswers } from '@/lib/queries/dashboard-options';

export type { DashboardAnswers };

/**
 * One analytics answer for the current filters; while new filters load, the previous answer stays on screen. A
 * snapshot's dashboard reads only the answers it froze (hydrated under the same keys) and never fetches.
 */
export function useDashboardQuery<Q extends DashboardQuery>(name: Q, filters: ResolvedFilters) {
  const frozen = useDashboardSettings().frozen !== undefined;
  const options = dashboardQueryOptions(name, filters);
  return useQuery({
    queryKey: options.queryKey,
    queryFn: options.queryFn as () => Promise<DashboardAnswers[Q]>,
    placeholderData: keepPreviousData,
    enabled: !frozen,
  });
}

/** What `useArrivingAnswer` gives: the answer, or the one shown before while it loads. */
export interface ArrivingAnswer<T> {
  data: T | undefined;
  /** `data` is the answer for the filters before, shown while this one loads. */
  isPlaceholderData: boolean;
  /** No answer yet, not even an earlier one. */
  isPending: boolean;
}

/**
 * The answer another part of the page fetches (a chart's), read from the query cache as it arrives, without asking
 * for it; while new filters load, the answer shown before stays. It must not create the query: a query created
 * before the chart's streamed answer is hydrated (a `useQuery` with `enabled: false` did) is hydrated by
 * HydrationBoundary only in an effect, after the chart has mounted and asked the server again, so each answer the
 * summary read was computed twice per visit.
 */
export function useArrivingAnswer<Q extends DashboardQuery>(
  name: Q,
  filters: ResolvedFilters,
): ArrivingAnswer<DashboardAnswers[Q]> {
  const client = useQueryClient();
  const { queryKey } = dashboardQueryOptions(name, filters);
  const read = () => client.getQueryData<DashboardAnswers[Q]>(queryKey);
  const subscribe = useCallback((changed: () => void) => client.getQueryCache().subscribe(changed), [client]);
  const data = useSyncExternalStore(subscribe, read, read);
  // The last answer shown, kept across filter changes (state adjusted while rendering, as React advises).
  const [shown, setShown] = useState(data);
  if (data !== undefined && data !== shown) setShown(data);
  return {
    data: data ?? shown,
    isPlaceholderData: data === undefined && shown !== undefined,
    isPending: data === undefined && shown === undefined,
  };
}
