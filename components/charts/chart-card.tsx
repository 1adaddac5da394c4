'use client';

import type { ReactNode } from 'react';
import { ExportMenu } from '@/components/export/export-menu';
import { useExportMark } from '@/components/export/export-mark';
import { useChartExport } from '@/components/export/use-chart-export';
import type { ChartFrame } from '@/lib/charts/frame';
import type { ChartContent } from '@/lib/export/chart-documents';
import { displayCell, displayHeader } from '@/lib/export/table';
import { CHART_HEIGHT } from './chart-style';
import styles from './charts.module.css';
import { CopyTableButton } from './copy-table-button';
import { CoverageLine } from './coverage-line';
import { PlotSlot, useHeldWhile, useShownPlot } from './plot';

type ChartCardProps = Omit<ChartFrame, 'note'> & {
  loading: boolean;
  /** The previous answer is on screen while the new one loads. */
  stale: boolean;
  error: Error | null;
  /** The answer's `asOf`: when its data was last written, which the exports print. */
  asOf: string | null;
  /** Controls that belong to the chart (the gap's assumptions). */
  controls?: ReactNode;
  note?: ReactNode;
  /** The drawing's height on screen, when it is not CHART_HEIGHT (its plot asks for the same: definePlot). */
  plotHeight?: number;
  /** What the card shows under the drawing besides its note (the flows' matrix table, a list of flows). */
  aside?: ReactNode;
  /**
   * The chart's drawing: a lazy plot (./plot.tsx), which the card draws once it comes near the viewport and the
   * export stage draws at memo size.
   */
  children: ReactNode;
};

/** The card's loading, stale and error state from a query of its answer, and the answer's as-of. */
export function queryState(query: {
  isPending: boolean;
  isPlaceholderData: boolean;
  error: Error | null;
  data?: { asOf: string } | undefined;
}) {
  return { loading: query.isPending, stale: query.isPlaceholderData, error: query.error, asOf: query.data?.asOf ?? null };
}

/**
 * The frame every chart shares: title, what it shows, coverage (who is missing and why), an estimates flag, an
 * empty state that says what to add, the plotted numbers as a table behind "View data", and the export menu. All
 * of it renders at once; the drawing waits until the card nears the viewport (or takes focus, or the page prints),
 * behind a placeholder of the chart's height so nothing moves when it arrives; a card away from the viewport when
 * its numbers change redraws when the reader comes back to it (useShownPlot).
 */
export function ChartCard(props: ChartCardProps) {
  const {
    id,
    title,
    description,
    coverage,
    coverageUnit = 'companies',
    estimated,
    empty,
    loading,
    stale,
    error,
    asOf,
    table,
    exportAs,
    controls,
    note,
    aside,
    plotHeight = CHART_HEIGHT,
    children,
  } = props;
  const drawn = !empty && !loading && !error;
  const mark = useExportMark();
  const content: ChartContent = {
    title,
    subtitle: exportAs.subtitle,
    legend: exportAs.legend ?? [],
    note: exportAs.note ?? (typeof note === 'string' ? note : null),
    table,
    coverages: exportAs.coverages ?? (coverage ? [{ label: null, coverage, unit: coverageUnit }] : []),
    ...(exportAs.yearCoverage !== undefined && { yearCoverage: exportAs.yearCoverage }),
    ...(exportAs.native && { native: exportAs.native }),
    estimated: estimated ?? false,
    provenance: { asOf, ...mark },
  };
  const { stage, documents, csv } = useChartExport({ id, content, name: exportAs.name, chart: children, ready: drawn && !stale });
  const { ref, see, plot, outdated } = useShownPlot<HTMLElement>(children, table);
  // The title and description follow the filters; while the previous answer stays on screen they stay with it.
  const shownTitle = useHeldWhile(stale, title);
  const shownDescription = useHeldWhile(stale, description);
  const placeholder = <div className="skeleton" style={{ height: plotHeight }} aria-hidden="true" />;
  return (
    <section
      ref={ref}
      className={`card ${styles.chartCard}`}
      aria-labelledby={`${id}-title`}
      id={id}
      aria-busy={loading || stale}
      onFocus={see}
    >
      <header className={styles.chartHeader}>
        <div className={styles.chartTitleRow}>
          <h2 id={`${id}-title`}>{shownTitle}</h2>
          {drawn && <ExportMenu name={exportAs.name} documents={documents} csv={csv} disabled={stale} />}
        </div>
        <p className="muted">{shownDescription}</p>
        <div className={styles.chartMeta}>
          {coverage && (
            <CoverageLine
              coverage={coverage}
              label={coverageUnit}
              one={coverageUnit === 'flows' ? 'flow' : 'company'}
              missingHref={coverageUnit === 'flows' ? () => '/fx' : undefined}
            />
          )}
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
        <div className={`${styles.chartBody} ${stale ? styles.stale : ''}`} data-chart={id} aria-hidden={outdated || undefined}>
          {plot ? <PlotSlot placeholder={placeholder}>{plot}</PlotSlot> : placeholder}
        </div>
      )}
      {note && <p className={styles.chartNote}>{note}</p>}
      {drawn && aside}
      {drawn && (
        <details className={styles.viewData}>
          <summary>View data</summary>
          <CopyTableButton table={table} />
          <div className="table-wrap">
            <table className="table" aria-label={`${shownTitle}: data`}>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column.label} scope="col">
                      {displayHeader(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>
                    {row.map((cell, j) => {
                      const kind = table.columns[j]?.kind ?? 'text';
                      return (
                        <td key={j} className={kind === 'text' ? undefined : styles.num}>
                          {displayCell(cell, kind)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {stage}
    </section>
  );
}
