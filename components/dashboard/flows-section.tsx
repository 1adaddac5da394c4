'use client';

import type { ReactNode } from 'react';
import styles from '@/components/flows/flows.module.css';
import { flowsBasisNote } from '@/lib/charts/flows';
import { useDashboardFilters } from './dashboard-context';

/**
 * The dashboard's first section, "Where the money goes" (docs/data-contract.md §9): the Sankey of the stack, gross →
 * net, value added and the top flows (`children`, each streamed by the page). It says that it ignores the basis.
 */
export function FlowsSection({ children }: { children: ReactNode }) {
  const { filters } = useDashboardFilters();
  return (
    <section className={styles.section} aria-labelledby="flows-section-title">
      <header className={styles.sectionHead}>
        <h2 id="flows-section-title">Where the money goes</h2>
        <p>{flowsBasisNote(filters)}</p>
      </header>
      {children}
    </section>
  );
}

/** A card of the section that takes its whole width (the Sankey, the top flows). */
export function FlowsWide({ children }: { children: ReactNode }) {
  return <div className={styles.wide}>{children}</div>;
}
