'use client';

import type { ReactNode } from 'react';
import type { Coverage } from '@/lib/domain/analytics/types';
import { CoverageLine } from './coverage-line';
import styles from './dashboard.module.css';

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

interface ChartCardProps {
  id: string;
  title: string;
  /** One sentence on what the chart shows. */
  description: string;
  coverage?: Coverage;
  estimated?: boolean;
  /** What to add when there is nothing to draw; null when there is. */
  empty: string | null;
  loading: boolean;
  /** The previous answer is on screen while the new one loads. */
  stale: boolean;
  error: Error | null;
  table: ChartTable;
  /** Controls that belong to the chart (the gap's assumptions). */
  controls?: ReactNode;
  /** A note under the chart (e.g. that stack totals are gross). */
  note?: ReactNode;
  children: ReactNode;
}

/**
 * The frame every dashboard chart shares: title, what it shows, coverage (who is missing and why), an estimates
 * flag, an empty state that says what to add, and the plotted numbers as a table behind "View data".
 */
export function ChartCard(props: ChartCardProps) {
  const { id, title, description, coverage, estimated, empty, loading, stale, error, table, controls, note, children } = props;
  return (
    <section className={`card ${styles.chartCard}`} aria-labelledby={`${id}-title`} id={id} aria-busy={loading || stale}>
      <header className={styles.chartHeader}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p className="muted">{description}</p>
        <div className={styles.chartMeta}>
          {coverage && <CoverageLine coverage={coverage} />}
          {estimated && <span className={styles.estimatedFlag}>Includes estimates</span>}
          {stale && <span className="muted">Updating…</span>}
        </div>
        {controls}
      </header>
      {error ? (
        <p className="message message-error">Could not load this chart: {error.message}</p>
      ) : loading ? (
        <div className={`skeleton ${styles.chartSkeleton}`} aria-label="Loading chart" />
      ) : empty ? (
        <p className={`empty ${styles.chartEmpty}`}>{empty}</p>
      ) : (
        <div className={`${styles.chartBody} ${stale ? styles.stale : ''}`} data-chart={id}>
          {children}
        </div>
      )}
      {note && <p className={styles.chartNote}>{note}</p>}
      {!empty && !loading && !error && (
        <details className={styles.viewData}>
          <summary>View data</summary>
          <div className="table-wrap">
            <table className="table" aria-label={`${title}: data`}>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j} className={typeof cell === 'number' ? styles.num : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
