'use client';

import { useState } from 'react';
import { countryName } from '@/lib/domain/countries';
import { METRIC_NAMES, METRICS } from '@/lib/domain/figures/types';
import { useDashboardFilters, useDashboardSettings } from './dashboard-context';
import styles from './dashboard.module.css';

/** The dashboard's filters; every change lands in the URL at once, so the address bar is always a shareable link. */
export function FilterBar() {
  const { filters, setFilters, frozen } = useDashboardFilters();
  const { lists, countries } = useDashboardSettings();
  return (
    <form className={`card ${styles.filterBar}`} aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset className={styles.fields} disabled={frozen}>
        <YearField year={filters.year} onCommit={(year) => setFilters({ year })} />
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
      </fieldset>
      {frozen && <span className={styles.frozenNote}>Frozen with the snapshot: open these filters live to change them.</span>}
    </form>
  );
}

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;
const asYear = (text: string): number | null => {
  const year = Number(text.trim());
  return /^\d{4}$/.test(text.trim()) && year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
};

/**
 * The year, typed or stepped with the arrow keys. While the field has focus it shows what is typed, so "2", "20",
 * "202" on the way to "2023" are not thrown away; each complete year (four digits, 1990–2100) applies at once.
 * Leaving the field, or Enter, puts back the applied year if what is typed is not one.
 */
function YearField({ year, onCommit }: { year: number; onCommit: (year: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const typed = draft === null ? null : asYear(draft);
  const settle = () => {
    if (typed !== null && typed !== year) onCommit(typed);
    setDraft(null);
  };
  return (
    <label>
      Year
      <input
        type="number"
        inputMode="numeric"
        min={FIRST_YEAR}
        max={LAST_YEAR}
        value={draft ?? year}
        aria-invalid={draft !== null && typed === null}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = asYear(e.target.value);
          if (next !== null && next !== year) onCommit(next);
        }}
        onBlur={settle}
        onKeyDown={(e) => {
          if (e.key === 'Enter') settle();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
    </label>
  );
}
