import type { GapAnswer, GapYear } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { fromFirstYearWithData, plottedSpan } from './chart-years';
import { filtersSubtitle } from './export-text';
import type { ChartFrame } from './frame';
import { layerColour, PALETTE } from './palette';
import { usdAxis, type UsdAxis } from './usd-axis';

/** The two bars and the line, named and coloured as the chart and its memo draw them. */
export const GAP_SERIES = {
  required: { name: 'Required application revenue', colour: layerColour('chips') },
  application: { name: 'Application revenue (actual)', colour: layerColour('application') },
  gap: { name: 'Gap (required − actual)', colour: PALETTE.ink },
};

export type GapChart = ChartFrame & {
  /** The plotted years, from the first with data. */
  rows: GapYear[];
  /** The last plotted year, whose coverage the card states; undefined when nothing is plotted. */
  selected: GapYear | undefined;
  axis: UsdAxis;
  basis: 'calendar' | 'fiscal';
};

const hasData = (y: GapYear) => y.coverage.chips.included > 0 || y.coverage.application.included > 0;

/**
 * The required-revenue gap after Sequoia's "AI's $600B question" (docs/data-contract.md §5): the application
 * revenue the chips layer's revenue implies, against what the application layer earns, per year.
 */
export function gapChart(answer: GapAnswer | undefined, filters: ResolvedFilters): GapChart {
  const years = fromFirstYearWithData(answer?.years ?? [], hasData);
  const selected = years.at(-1);
  const span = plottedSpan(years, filters.year);
  const assumptions = [
    `g = ${filters.g}`,
    `m = ${filters.m}`,
    ...(filters.chipsList ? [`chips revenue of list “${filters.chipsList}”`] : []),
  ];
  return {
    id: 'gap',
    title: `Required-revenue gap, ${span} (illustrative)`,
    description:
      "The application revenue that chips revenue implies (chips ÷ g ÷ (1 − m)) against the application layer's actual revenue, per year; the line is the gap between them.",
    estimated: years.some((y) => y.estimated),
    empty:
      answer && years.length === 0
        ? `No Chips or Application company has revenue for ${span}. Tag companies to those layers and add their revenue on a company page or import a figures.csv.`
        : null,
    note: `Illustrative, after Sequoia's “AI's $600B question”: chips revenue is grossed up to the data-centre spend it implies (÷ g = ${answer?.g ?? filters.g}) and to the application revenue that spend needs at gross margin m = ${answer?.m ?? filters.m} (÷ (1 − m)). Not a forecast.`,
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
      name: { chart: 'gap', metric: 'revenue', period: span, basis: filters.basis },
      subtitle: filtersSubtitle(filters, { measure: 'Revenue', period: span, assumptions }),
      legend: [
        { label: GAP_SERIES.required.name, colour: GAP_SERIES.required.colour },
        { label: GAP_SERIES.application.name, colour: GAP_SERIES.application.colour },
        { label: GAP_SERIES.gap.name, colour: GAP_SERIES.gap.colour, mark: 'line' },
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
    },
    rows: years,
    selected,
    axis: usdAxis(years.flatMap((y) => [y.required, y.application, y.gap])),
    basis: answer?.basis ?? filters.basis,
  };
}
