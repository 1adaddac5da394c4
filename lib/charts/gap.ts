import type { GapAnswer, GapYear } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { fromFirstYearWithData, plottedSpan } from './chart-years';
import { filtersSubtitle } from './export-text';
import type { ChartFrame } from './frame';
import { layerColour, PALETTE } from './palette';
import { usdValueAxis, type NativeChart } from '../export/native-chart';
import { usdAxis, type UsdAxis } from './usd-axis';
import { LOW_COVERAGE_LEGEND, yearCoverage, yearCoverageSummary, type YearCoverage } from './year-coverage';

/** The two bars and the line, named and coloured as the chart and its memo draw them. */
export const GAP_SERIES = {
  required: { name: 'Required application revenue', colour: layerColour('chips') },
  application: { name: 'Application revenue (actual)', colour: layerColour('application') },
  gap: { name: 'Gap (required − actual)', colour: PALETTE.ink },
};

/**
 * One plotted year: the answer's, each input's coverage, and the gap split in two lines: `gapComplete` (solid) in
 * covered years, `gapThin` (dashed, into each year under the threshold from the year before) so that a partly
 * reported year never draws as a closing gap.
 */
export type GapRow = GapYear & {
  inputs: { chips: YearCoverage; application: YearCoverage };
  low: boolean;
  gapComplete: number | null;
  gapThin: number | null;
};

export type GapChart = ChartFrame & {
  /** The plotted years, from the first with data. */
  rows: GapRow[];
  /** The last plotted year, whose coverage the card states; undefined when nothing is plotted. */
  selected: GapYear | undefined;
  axis: UsdAxis;
  basis: 'calendar' | 'fiscal';
};

const hasData = (y: GapYear) => y.coverage.chips.included > 0 || y.coverage.application.included > 0;

/** A year is low when either input is under the threshold; in like-for-like every year sums the same companies. */
function rowsOf(years: readonly GapYear[], likeForLike: boolean): GapRow[] {
  const rows = years.map((y) => {
    const inputs = { chips: yearCoverage(y.year, y.coverage.chips), application: yearCoverage(y.year, y.coverage.application) };
    const low = !likeForLike && (inputs.chips.low || inputs.application.low);
    return { ...y, inputs, low, gapComplete: low ? null : y.gap, gapThin: null as number | null };
  });
  rows.forEach((row, i) => {
    if (!row.low) return;
    row.gapThin = row.gap;
    const before = rows[i - 1];
    if (before) before.gapThin = before.gap;
  });
  return rows;
}

/** "2025 (chips 3 of 4, application 1 of 4 reported), under 80% …": the years under the threshold, for a note. */
function lowYearsText(low: readonly GapRow[]): string {
  const counts = (r: GapRow) =>
    `${r.year} (chips ${r.inputs.chips.included} of ${r.inputs.chips.of}, application ${r.inputs.application.included} of ${r.inputs.application.of} reported)`;
  return `${low.map(counts).join(', ')}, under 80% of a layer's companies, so the gap there is not comparable; Like-for-like compares the same companies.`;
}

/** The note's sentence, the legend's entries and the footer's coverage for the faded years or the like-for-like set. */
function gapCoverageMarks(rows: readonly GapRow[], answer: GapAnswer | undefined, chipsLabel: string) {
  const same = answer?.likeForLike;
  if (same) {
    const list = same.chipsList
      ? `; chips revenue from the ${same.chipsList.companies} of ${same.chipsList.of} on ${chipsLabel}`
      : '';
    const text = `Like-for-like: the ${same.companies} of ${same.of} companies with revenue in every year plotted${list}`;
    return { note: `${text}; each year sums the same companies.`, legend: [], yearCoverage: text };
  }
  const low = rows.filter((r) => r.low);
  return {
    note: low.length ? `Faded, the gap dashed: ${lowYearsText(low)}` : null,
    legend: low.length
      ? [LOW_COVERAGE_LEGEND, { label: 'Gap in such a year', colour: GAP_SERIES.gap.colour, mark: 'dashed' as const }]
      : [],
    yearCoverage: `Chips companies reported: ${yearCoverageSummary(rows.map((r) => r.inputs.chips))}; application companies: ${yearCoverageSummary(rows.map((r) => r.inputs.application))}`,
  };
}

/**
 * The two bars and the line as PowerPoint's columns and line, in USD millions; none when a year is under the
 * threshold, since a native line cannot be dashed in part: the chart then stays a picture, its thin years marked.
 */
function nativeOf(rows: readonly GapRow[], axis: UsdAxis, note: string, marksNote: string | null): NativeChart | undefined {
  if (rows.length === 0 || rows.some((r) => r.low)) return undefined;
  return {
    kind: 'columnsAndLine',
    categories: rows.map((r) => String(r.year)),
    columns: [
      { ...GAP_SERIES.required, values: rows.map((r) => r.required) },
      { ...GAP_SERIES.application, values: rows.map((r) => r.application) },
    ],
    line: { ...GAP_SERIES.gap, values: rows.map((r) => r.gap) },
    valueAxis: usdValueAxis(axis, 'Revenue'),
    valueLabels: null,
    note: [note, marksNote].filter(Boolean).join(' '),
  };
}

/**
 * The required-revenue gap after Sequoia's "AI's $600B question" (docs/data-contract.md §5): the application
 * revenue the chips layer's revenue implies, against what the application layer earns, per year.
 */
export function gapChart(answer: GapAnswer | undefined, filters: ResolvedFilters): GapChart {
  const years = fromFirstYearWithData(answer?.years ?? [], hasData);
  const selected = years.at(-1);
  const span = plottedSpan(years, filters.year);
  const rows = rowsOf(years, answer?.likeForLike !== undefined);
  const marks = gapCoverageMarks(rows, answer, filters.chipsList ? `“${filters.chipsList}”` : 'the list');
  const assumptions = [
    `g = ${filters.g}`,
    `m = ${filters.m}`,
    ...(filters.chipsList ? [`chips revenue of list “${filters.chipsList}”`] : []),
  ];
  const illustrative = `Illustrative, after Sequoia's “AI's $600B question”: chips revenue is grossed up to the data-centre spend it implies (÷ g = ${answer?.g ?? filters.g}) and to the application revenue that spend needs at gross margin m = ${answer?.m ?? filters.m} (÷ (1 − m)). Not a forecast.`;
  const axis = usdAxis(years.flatMap((y) => [y.required, y.application, y.gap]));
  return {
    id: 'gap',
    title: `Required-revenue gap, ${span} (illustrative${answer?.likeForLike ? ', like-for-like' : ''})`,
    description:
      "The application revenue that chips revenue implies (chips ÷ g ÷ (1 − m)) against the application layer's actual revenue, per year; the line is the gap between them.",
    estimated: years.some((y) => y.estimated),
    empty:
      answer && years.length === 0
        ? `No Chips or Application company has revenue for ${span}. Tag companies to those layers and add their revenue on a company page or import a figures.csv.`
        : null,
    note: `${illustrative}${marks.note ? ` ${marks.note}` : ''}`,
    table: {
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
        y.coverage.chips.missingCount,
        y.coverage.application.included,
        y.coverage.application.missingCount,
      ]),
    },
    exportAs: {
      name: {
        chart: 'gap',
        metric: 'revenue',
        period: span,
        basis: filters.basis,
        list: filters.list,
        assumptions: [`g${filters.g}`, `m${filters.m}`],
      },
      subtitle: filtersSubtitle(filters, { measure: 'Revenue', period: span, assumptions }),
      legend: [
        { label: GAP_SERIES.required.name, colour: GAP_SERIES.required.colour },
        { label: GAP_SERIES.application.name, colour: GAP_SERIES.application.colour },
        { label: GAP_SERIES.gap.name, colour: GAP_SERIES.gap.colour, mark: 'line' },
        ...marks.legend,
      ],
      yearCoverage: marks.yearCoverage,
      coverages: selected
        ? [
            {
              label: `Chips${filters.chipsList ? ` on “${filters.chipsList}”` : ''} in ${selected.year}`,
              coverage: selected.coverage.chips,
            },
            { label: `Application in ${selected.year}`, coverage: selected.coverage.application },
          ]
        : [],
      native: nativeOf(rows, axis, illustrative, marks.note),
    },
    rows,
    selected,
    axis,
    basis: answer?.basis ?? filters.basis,
  };
}
