'use client';

import { summarySentences, summaryTitle } from '@/lib/charts/summary';
import { useDashboardFilters } from './dashboard-context';
import { useArrivingAnswer, useDashboardQuery } from './use-dashboard-query';
import styles from './dashboard.module.css';

/**
 * "Where value accrues in 2024": the dashboard's answer in words, from the answers its charts already hold (the
 * same queries, so no request of its own beyond the layers'). It shows as soon as the layers' answer is in and adds
 * each other sentence as its chart's answer arrives, so the page's largest text does not wait for its slowest
 * query. While new filters load it keeps the answer on screen, titled by that answer's year, and says it is updating.
 */
export function DashboardSummary() {
  const { filters } = useDashboardFilters();
  const layers = useDashboardQuery('layers', filters);
  const profitability = useArrivingAnswer('profitability', filters);
  const series = useArrivingAnswer('series', filters);
  const gap = useArrivingAnswer('gap', filters);
  const queries = [layers, profitability, series, gap];
  const updating = queries.some((q) => q.isPlaceholderData);
  const reading = queries.some((q) => q.isPending);
  const sentences = summarySentences({
    layers: layers.data,
    profitability: profitability.data,
    series: series.data,
    gap: gap.data,
  });
  const year = layers.data?.year ?? filters.year;
  return (
    <section className={`card ${styles.summary}`} aria-labelledby="summary-title" aria-busy={updating} id="summary">
      <div className={styles.summaryHead}>
        <h2 id="summary-title">{summaryTitle(year)}</h2>
        {updating && <span className="muted">Updating…</span>}
      </div>
      {sentences.length > 0 ? (
        <ul className={styles.summaryList}>
          {sentences.map((s) => (
            <li key={s.chart} data-summary={s.chart}>
              <a href={`#${s.chart}`}>{s.text}</a>
              {s.thin && <span className={styles.summaryThin}> {s.thin}</span>}
            </li>
          ))}
        </ul>
      ) : (
        !reading && <p className="muted">No figures for these filters yet: the charts below say what to add.</p>
      )}
      {reading && <p className="muted">Reading the answers…</p>}
    </section>
  );
}
