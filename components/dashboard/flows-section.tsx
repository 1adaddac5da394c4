'use client';

import type { ReactNode } from 'react';
import styles from '@/components/flows/flows.module.css';
import { flowsBasisNote, flowsEmpty } from '@/lib/charts/flows';
import { useDashboardFilters } from './dashboard-context';
import { useDashboardQuery } from './use-dashboard-query';

/**
 * The dashboard's first section, "Where the money goes" (docs/data-contract.md §9): the Sankey of the stack, gross →
 * net, value added and the top flows (`children`), all from the one flows answer, which the page streams to the
 * whole section. It says that it ignores the basis. When the set has no flows at all for the year, it is one short
 * card saying how to add them rather than four empty ones above the pools.
 */
export function FlowsSection({ children }: { children: ReactNode }) {
  const { filters } = useDashboardFilters();
  const { data } = useDashboardQuery('flows', filters);
  const none = data !== undefined && data.coverage.included === 0 && data.coverage.missingCount === 0;
  return (
    <section className={styles.section} aria-labelledby="flows-section-title">
      <header className={styles.sectionHead}>
        <h2 id="flows-section-title">Where the money goes</h2>
        <p>{flowsBasisNote(filters)}</p>
      </header>
      {none ? (
        <p className={`card empty ${styles.wide}`} id="flows-empty">
          {flowsEmpty(data, filters.year)}
        </p>
      ) : (
        children
      )}
    </section>
  );
}

/** A card of the section that takes its whole width (the Sankey, the top flows). */
export function FlowsWide({ children }: { children: ReactNode }) {
  return <div className={styles.wide}>{children}</div>;
}
