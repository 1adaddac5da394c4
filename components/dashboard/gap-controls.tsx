'use client';

import { useId, useState } from 'react';
import { CoverageLine } from '@/components/charts/coverage-line';
import chartStyles from '@/components/charts/charts.module.css';
import type { GapYear } from '@/lib/analytics/query';
import { useDashboardFilters, useDashboardSettings } from './dashboard-context';
import styles from './dashboard.module.css';

/** An empty or non-numeric field is NaN, which every range check below refuses. */
const parseNumber = (text: string) => (text.trim() === '' ? NaN : Number(text));
const gProblem = (g: number) => (g > 0 && g <= 1 ? null : 'Use a number above 0 and at most 1.');
const mProblem = (m: number) => (m >= 0 && m < 1 ? null : 'Use a number from 0 up to, not including, 1.');

interface AssumptionInputProps {
  label: string;
  /** The value in the URL: the one applied. */
  value: number;
  min: number;
  max: number;
  /** Why a value is refused; null when it is accepted. */
  problemWith: (value: number) => string | null;
  onApply: (value: number) => void;
}

/** A number applied to the URL as soon as it is valid; an invalid one stays in the field, flagged, and is not applied. */
function AssumptionInput({ label, value, min, max, problemWith, onApply }: AssumptionInputProps) {
  const messageId = useId();
  // What is being typed; null shows the URL's value, so Back and shared links show what is applied.
  const [draft, setDraft] = useState<string | null>(null);
  const problem = draft === null ? null : problemWith(parseNumber(draft));
  return (
    <label>
      {label}
      <input
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={0.05}
        value={draft ?? String(value)}
        aria-invalid={problem !== null}
        aria-describedby={problem ? messageId : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = parseNumber(e.target.value);
          if (problemWith(next) === null && next !== value) onApply(next);
        }}
        onBlur={() => {
          if (problem === null) setDraft(null);
        }}
      />
      {problem && (
        <span id={messageId} className="field-error">
          {problem}
        </span>
      )}
    </label>
  );
}

/** The model's assumptions (g, m, where chips revenue comes from), each written to the URL. */
export function GapControls() {
  const { filters, setFilters, frozen } = useDashboardFilters();
  const { lists } = useDashboardSettings();
  // A list named in a shared link but spelled differently still shows as chosen.
  const listNames = filters.chipsList && !lists.includes(filters.chipsList) ? [...lists, filters.chipsList] : lists;
  return (
    <form className={styles.controls} aria-label="Gap assumptions" onSubmit={(e) => e.preventDefault()}>
      <fieldset className={styles.fields} disabled={frozen}>
        <AssumptionInput
          label="Accelerators’ share of data-centre cost (g)"
          value={filters.g}
          min={0.05}
          max={1}
          problemWith={gProblem}
          onApply={(g) => setFilters({ g })}
        />
        <AssumptionInput
          label="Application gross margin (m)"
          value={filters.m}
          min={0}
          max={0.95}
          problemWith={mProblem}
          onApply={(m) => setFilters({ m })}
        />
        <label>
          Chips revenue of
          <select value={filters.chipsList ?? ''} onChange={(e) => setFilters({ chipsList: e.target.value || undefined })}>
            <option value="">The whole set</option>
            {listNames.map((name) => (
              <option key={name} value={name}>
                List: {name}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </form>
  );
}

/** Both inputs' coverage for the selected year: the chips companies behind C and the application companies. */
export function InputCoverage({ point, chipsList }: { point: GapYear; chipsList: string | undefined }) {
  const onList = chipsList ? ` on “${chipsList}”` : '';
  return (
    <div className={chartStyles.chartMeta}>
      <span className={chartStyles.coverage}>Coverage in {point.year}:</span>
      <CoverageLine coverage={point.coverage.chips} label={`Chips companies${onList}`} one={`Chips company${onList}`} />
      <CoverageLine coverage={point.coverage.application} label="Application companies" one="Application company" />
    </div>
  );
}
