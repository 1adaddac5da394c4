'use client';

import { countryName } from '@/lib/domain/countries';
import { METRIC_NAMES, METRICS } from '@/lib/domain/figures/types';
import { useDashboardFilters, useDashboardSettings } from './dashboard-context';
import styles from './dashboard.module.css';

/** The dashboard's filters; every change lands in the URL at once, so the address bar is always a shareable link. */
export function FilterBar() {
  const { filters, setFilters } = useDashboardFilters();
  const { lists, countries } = useDashboardSettings();
  return (
    <form className={`card ${styles.filterBar}`} aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Year
        <input
          type="number"
          min={1990}
          max={2100}
          value={filters.year}
          onChange={(e) => {
            const year = Number(e.target.value);
            if (Number.isInteger(year) && year >= 1990 && year <= 2100) setFilters({ year });
          }}
        />
      </label>
      <label>
        Metric
        <select value={filters.metric} onChange={(e) => setFilters({ metric: e.target.value as (typeof METRICS)[number] })}>
          {METRICS.map((m) => (
            <option key={m} value={m}>
              {METRIC_NAMES[m]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Basis
        <select value={filters.basis} onChange={(e) => setFilters({ basis: e.target.value as 'calendar' | 'fiscal' })}>
          <option value="calendar">Calendar years</option>
          <option value="fiscal">Fiscal years</option>
        </select>
      </label>
      <label>
        List
        <select value={filters.list ?? ''} onChange={(e) => setFilters({ list: e.target.value || undefined })}>
          <option value="">All companies</option>
          {lists.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select
          value={filters.status ?? ''}
          onChange={(e) => setFilters({ status: (e.target.value || undefined) as 'public' | 'private' | undefined })}
        >
          <option value="">Public and private</option>
          <option value="public">Public</option>
          <option value="private">Private</option>
        </select>
      </label>
      <label>
        Country
        <select value={filters.country ?? ''} onChange={(e) => setFilters({ country: e.target.value || undefined })}>
          <option value="">Every country</option>
          {countries.map((code) => (
            <option key={code} value={code}>
              {countryName(code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Estimates
        <select value={filters.estimates} onChange={(e) => setFilters({ estimates: e.target.value as 'include' | 'exclude' })}>
          <option value="include">Included</option>
          <option value="exclude">Reported only</option>
        </select>
      </label>
    </form>
  );
}
