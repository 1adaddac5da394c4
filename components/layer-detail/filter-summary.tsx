import Link from 'next/link';
import { countryName } from '@/lib/domain/countries';
import { dashboardFiltersToSearch, type DashboardFilters } from '@/lib/domain/dashboard/filters';
import { METRIC_NAMES } from '@/lib/domain/figures/types';
import styles from './layer-detail.module.css';

/**
 * The dashboard filters this page answers, in one line, with a way back to the dashboard that keeps them (the
 * filters are changed there: this page reads them from its URL).
 */
export function FilterSummary({ filters, year }: { filters: DashboardFilters; year: number }) {
  const search = dashboardFiltersToSearch(filters);
  const parts = [
    METRIC_NAMES[filters.metric],
    String(year),
    filters.basis === 'calendar' ? 'calendar years' : 'fiscal years',
    filters.list ? `list “${filters.list}”` : 'all companies',
    filters.status,
    filters.country && countryName(filters.country),
    filters.estimates === 'include' ? 'estimates included' : 'reported figures only',
  ].filter(Boolean);
  return (
    <section className={`card ${styles.summary}`} aria-label="Filters">
      <p>{parts.join(' · ')}</p>
      <Link href={search ? `/?${search}` : '/'}>← Back to the dashboard with these filters</Link>
    </section>
  );
}
