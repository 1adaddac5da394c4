import type { LayerDetailAnswer, LayerDetailYear } from '../analytics/query';
import type { DashboardFilters } from '../domain/dashboard/filters';
import { METRIC_LABELS, METRIC_NAMES } from '../domain/figures/types';
import { fromFirstYearWithData } from './chart-years';
import { filtersSubtitle } from './export-text';
import type { ChartFrame } from './frame';
import { usdAxis, type UsdAxis } from './usd-axis';
import { timeCoverageMarks, yearCoverage, type YearCoverage } from './year-coverage';

/** A year's bar; the selected year is drawn in full colour, a year under 80% of the layer's companies faded. */
export type LayerPoolRow = LayerDetailYear & { selected: boolean; coverage: YearCoverage; low: boolean };

export type LayerPoolChart = ChartFrame & { rows: LayerPoolRow[]; axis: UsdAxis; axisTitle: string };

const GROWTH_NOTE = 'Growth is like-for-like: over the companies with a value in both years.';

/** The layer's pool for each year up to the selected one, under the page's filters. */
export function layerPoolChart(answer: LayerDetailAnswer, filters: DashboardFilters): LayerPoolChart {
  const { name, year } = answer;
  // As the dashboard's over-time chart: leading years before the layer's first figure would read as growth from 0.
  const series = fromFirstYearWithData(answer.series, (p) => p.companies > 0);
  const metric = METRIC_LABELS[answer.metric];
  const first = (series[0] ?? answer.series[0])?.year ?? year;
  const period = `${first}–${year}`;
  const rows = series.map((p) => {
    const coverage = yearCoverage(p.year, { included: p.companies, missing: [], missingCount: p.missing });
    return { ...p, selected: p.year === year, coverage, low: coverage.low };
  });
  const marks = timeCoverageMarks(
    rows.map((r) => r.coverage),
    undefined,
    '',
    { offersLikeForLike: false },
  );
  return {
    id: 'layer-pool',
    title: `${METRIC_NAMES[answer.metric]} pool of ${name}, ${period}`,
    description: `The ${metric} attributed to ${name} each year, in USD: each company's ${metric} times its share in this layer.`,
    estimated: series.some((p) => p.estimated),
    empty:
      series.length === 0
        ? `No company of ${name} has ${metric} from ${first} to ${year}. Add figures on a company page or import a figures.csv.`
        : null,
    note: `${GROWTH_NOTE} Hover a year for how many of the layer's companies it covers. Years before the first figure are left out.${marks.note ? ` ${marks.note}` : ''}`,
    table: {
      columns: [
        { label: 'Year', kind: 'year' },
        { label: `Attributed ${metric}`, kind: 'usdMillions' },
        { label: 'Growth', kind: 'growth' },
        { label: 'Companies', kind: 'count' },
        { label: 'Missing', kind: 'count' },
      ],
      rows: series.map((p) => [p.year, p.value, p.growth, p.companies, p.missing]),
    },
    exportAs: {
      name: { chart: `layer-${answer.key}-pool`, metric: answer.metric, period, basis: answer.basis, list: filters.list },
      subtitle: filtersSubtitle(
        { ...filters, basis: answer.basis },
        { measure: `${METRIC_NAMES[answer.metric]} attributed to ${name}`, period },
      ),
      note: GROWTH_NOTE,
      coverages: [{ label: `${name} in ${year}`, coverage: answer.coverage }],
      legend: marks.legend,
      yearCoverage: marks.yearCoverage.replace(/^Companies/, `${name} companies`),
    },
    rows,
    axis: usdAxis(series.map((p) => p.value)),
    axisTitle: `Attributed ${metric}`,
  };
}
