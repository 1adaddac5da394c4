'use client';

import { useId, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ScreenOnly } from '@/components/export/export-mode';
import type { Coverage } from '@/lib/domain/analytics/types';
import { PALETTE } from '@/lib/charts/palette';
import { LAYERS } from '@/lib/domain/layers';
import { formatUsdMillions } from '@/lib/format';
import { ChartCard } from '@/components/charts/chart-card';
import { CoverageLine } from '@/components/charts/coverage-line';
import { useDashboardFilters, useDashboardSettings } from '../dashboard-context';
import chartStyles from '@/components/charts/charts.module.css';
import styles from '../dashboard.module.css';
import { useDashboardQuery, type DashboardAnswers } from '../use-dashboard-query';
import { usdAxisProps, yearAxisProps, HOVER_CURSOR } from '@/components/charts/chart-style';
import { fromFirstYearWithData, plottedSpan } from '@/lib/charts/chart-years';
import { filtersSubtitle } from '@/lib/charts/export-text';
import { usdAxis } from '@/lib/charts/usd-axis';

type GapYear = DashboardAnswers['gap']['years'][number];

const CHIPS_COLOUR = LAYERS.find((l) => l.key === 'chips')!.colour;
const APPLICATION_COLOUR = LAYERS.find((l) => l.key === 'application')!.colour;
const GAP_COLOUR = PALETTE.ink;
const SERIES = {
  required: { name: 'Required application revenue', colour: CHIPS_COLOUR },
  application: { name: 'Application revenue (actual)', colour: APPLICATION_COLOUR },
  gap: { name: 'Gap (required − actual)', colour: GAP_COLOUR },
};

const hasData = (y: GapYear) => y.coverage.chips.included > 0 || y.coverage.application.included > 0;
const counts = ({ included, missing }: Coverage) => `${included} included · ${missing.length} missing`;

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
function GapControls() {
  const { filters, setFilters } = useDashboardFilters();
  const { lists } = useDashboardSettings();
  // A list named in a shared link but spelled differently still shows as chosen.
  const listNames = filters.chipsList && !lists.includes(filters.chipsList) ? [...lists, filters.chipsList] : lists;
  return (
    <form className={styles.controls} aria-label="Gap assumptions" onSubmit={(e) => e.preventDefault()}>
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
    </form>
  );
}

/** Both inputs' coverage for the selected year: the chips companies behind C and the application companies. */
function InputCoverage({ point, chipsList }: { point: GapYear; chipsList: string | undefined }) {
  return (
    <div className={chartStyles.chartMeta}>
      <span className={chartStyles.coverage}>Coverage in {point.year}:</span>
      <CoverageLine coverage={point.coverage.chips} label={`Chips companies${chipsList ? ` on “${chipsList}”` : ''}`} />
      <CoverageLine coverage={point.coverage.application} label="Application companies" />
    </div>
  );
}

function GapTooltip({ point }: { point: GapYear | undefined }) {
  if (!point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.year}</strong>
      <div>Chips revenue (C): {formatUsdMillions(point.chips)}</div>
      <div>
        <span style={{ color: CHIPS_COLOUR }}>■</span> Required, C ÷ g ÷ (1 − m): {formatUsdMillions(point.required)}
      </div>
      <div>
        <span style={{ color: APPLICATION_COLOUR }}>■</span> Application revenue: {formatUsdMillions(point.application)}
      </div>
      <div>
        <strong>Gap: {formatUsdMillions(point.gap)}</strong>
      </div>
      <div className="muted">Chips companies: {counts(point.coverage.chips)}</div>
      <div className="muted">Application companies: {counts(point.coverage.application)}</div>
    </div>
  );
}

/**
 * The required-revenue gap after Sequoia's "AI's $600B question" (SPEC §5): the application revenue the chips
 * layer's revenue implies, against what the application layer earns, per year.
 */
export function GapChart() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('gap', filters);
  const answer = query.data;
  const years = fromFirstYearWithData(answer?.years ?? [], hasData);
  const selected = years.at(-1);
  const span = plottedSpan(years, filters.year);
  const axis = usdAxis(years.flatMap((y) => [y.required, y.application, y.gap]));
  const assumptions = [
    `g = ${filters.g}`,
    `m = ${filters.m}`,
    ...(filters.chipsList ? [`chips revenue of list “${filters.chipsList}”`] : []),
  ];
  return (
    <ChartCard
      id="gap"
      title={`Required-revenue gap, ${span} (illustrative)`}
      description="The application revenue that chips revenue implies (chips ÷ g ÷ (1 − m)) against the application layer's actual revenue, per year; the line is the gap between them."
      estimated={years.some((y) => y.estimated)}
      loading={query.isPending}
      stale={query.isPlaceholderData}
      error={query.error}
      empty={
        answer && years.length === 0
          ? `No Chips or Application company has revenue for ${span}. Tag companies to those layers and add their revenue on a company page or import a figures.csv.`
          : null
      }
      controls={
        <>
          <GapControls />
          {selected && <InputCoverage point={selected} chipsList={filters.chipsList} />}
        </>
      }
      note={`Illustrative, after Sequoia's “AI's $600B question”: chips revenue is grossed up to the data-centre spend it implies (÷ g = ${answer?.g ?? filters.g}) and to the application revenue that spend needs at gross margin m = ${answer?.m ?? filters.m} (÷ (1 − m)). Not a forecast.`}
      table={{
        columns: [
          { label: 'Year', kind: 'year' },
          { label: 'Chips revenue', kind: 'usdMillions' },
          { label: 'Required application revenue', kind: 'usdMillions' },
          { label: 'Application revenue', kind: 'usdMillions' },
          { label: 'Gap', kind: 'usdMillions' },
          { label: 'Chips companies included', kind: 'count' },
          { label: 'Chips companies missing', kind: 'count' },
          { label: 'Application companies included', kind: 'count' },
          { label: 'Application companies missing', kind: 'count' },
        ],
        rows: years.map((y) => [
          y.year,
          y.chips,
          y.required,
          y.application,
          y.gap,
          y.coverage.chips.included,
          y.coverage.chips.missing.length,
          y.coverage.application.included,
          y.coverage.application.missing.length,
        ]),
      }}
      exportAs={{
        name: { chart: 'gap', metric: 'revenue', period: span, basis: filters.basis },
        subtitle: filtersSubtitle(filters, { measure: 'Revenue', period: span, assumptions }),
        legend: [
          { label: SERIES.required.name, colour: SERIES.required.colour },
          { label: SERIES.application.name, colour: SERIES.application.colour },
          { label: SERIES.gap.name, colour: SERIES.gap.colour, mark: 'line' },
        ],
        coverages: selected
          ? [
              {
                label: `Chips${filters.chipsList ? ` on “${filters.chipsList}”` : ''} in ${selected.year}`,
                coverage: selected.coverage.chips,
              },
              { label: `Application in ${selected.year}`, coverage: selected.coverage.application },
            ]
          : [],
      }}
    >
      <ComposedChart data={years} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid vertical={false} stroke={PALETTE.grid} />
        <XAxis {...yearAxisProps(answer?.basis ?? filters.basis)} />
        <YAxis width={80} {...usdAxisProps(axis, 'Revenue', 'y')} />
        <ReferenceLine y={0} stroke={PALETTE.reference} />
        {/* At the top: a legend at the bottom sits where the x-axis label is. */}
        <ScreenOnly>
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        </ScreenOnly>
        <Tooltip
          cursor={HOVER_CURSOR}
          content={({ active, payload }) => (
            <GapTooltip point={active ? (payload?.[0]?.payload as GapYear | undefined) : undefined} />
          )}
        />
        <Bar dataKey="required" name={SERIES.required.name} fill={SERIES.required.colour} isAnimationActive={false} />
        <Bar dataKey="application" name={SERIES.application.name} fill={SERIES.application.colour} isAnimationActive={false} />
        <Line
          dataKey="gap"
          name={SERIES.gap.name}
          stroke={SERIES.gap.colour}
          strokeWidth={2}
          dot={{ r: 3, fill: SERIES.gap.colour }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartCard>
  );
}
