import { CHART_HEIGHT } from './chart-style';
import styles from './charts.module.css';

/**
 * Where a chart's card will be while the server still computes its answer (the dashboard streams each chart as
 * its answer arrives): the card's frame, lines for its title, description, coverage, note and View data, and the drawing's height.
 */
export function ChartCardSkeleton() {
  return (
    <section className={`card ${styles.chartCard}`} aria-busy="true" aria-label="Loading chart">
      <div className="skeleton" style={{ height: 22, width: '45%' }} />
      <div className="skeleton" style={{ height: 16, width: '85%' }} />
      <div className="skeleton" style={{ height: 16, width: '30%' }} />
      <div className="skeleton" style={{ height: CHART_HEIGHT }} />
      <div className="skeleton" style={{ height: 16, width: '70%' }} />
      <div className="skeleton" style={{ height: 16, width: '12%' }} />
    </section>
  );
}
