'use client';

import { hydrate, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

/**
 * A snapshot's answers in a query cache of their own: the charts inside read them under the live dashboard's keys,
 * but never from (or into) the app's cache, so a frozen answer cannot stand in for today's on the live dashboard,
 * nor today's for a frozen one.
 */
export function FrozenAnswers({ state, children }: { state: DehydratedState; children: ReactNode }) {
  const [client] = useState(() => {
    const frozen = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    hydrate(frozen, state);
    return frozen;
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
