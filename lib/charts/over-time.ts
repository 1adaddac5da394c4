import type { SeriesAnswer, SeriesYear } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { METRIC_LABELS, METRIC_NAMES } from '../domain/figures/types';
import type { LayerKey } from '../domain/layers';
import { fromFirstYearWithData, plottedSpan } from './chart-years';
import { filtersSubtitle } from './export-text';
import type { ChartFrame } from './frame';
import { LAYER_LEGEND } from './layers';
import { layerLabel, layerOf, LAYERS } from '../domain/layers';
import { usdValueAxis, type NativeChart } from '../export/native-chart';
import { stackExtents, usdAxis, type UsdAxis } from './usd-axis';
import { timeCoverageMarks, yearCoverage, type YearCoverage } from './year-coverage';

/**
 * One stacked bar: a year's pool per layer, keyed by layer, the answer's year behind it (for the tooltip), and its
 * coverage (`low`: faded and marked, since a partly reported year would read as a fall).
 */
export type YearRow = Record<LayerKey, number> & { year: number; point: SeriesYear; coverage: YearCoverage; low: boolean };

export type OverTimeChart = ChartFrame & {
  rows: YearRow[];
  axis: UsdAxis;
  axisTitle: string;
  basis: 'calendar' | 'fiscal';
};

/** In like-for-like every year sums the same companies, so none is faded for how many of the set reported. */
function rowOf(point: SeriesYear, likeForLike: boolean): YearRow {
  const pools = Object.fromEntries(point.layers.map((l) => [l.key, l.value])) as Record<LayerKey, number>;
  const coverage = yearCoverage(point.year, point.coverage);
  return { ...pools, year: point.year, point, coverage, low: coverage.low && !likeForLike };
}

/** The largest layer pool of `year` (its magnitude), which the layer-pools chart takes its unit from; none without the year. */
function largestLayer(years: readonly SeriesYear[], year: number): number | undefined {
  const point = years.find((y) => y.year === year);
  return point && Math.max(0, ...point.layers.map((l) => Math.abs(l.value)));
}

const GROSS_NOTE =
  "Stack totals are gross: one layer's revenue is often another's spend. Growth is like-for-like: only companies with figures in both years count. Years before the first figure are left out.";

/**
 * The stacked columns as PowerPoint's, each layer a series in USD millions; none when a year is under the coverage
 * threshold, since a native column cannot be faded: the chart then stays a picture, its thin years faded.
 */
function nativeOf(rows: readonly YearRow[], axis: UsdAxis, axisTitle: string, marksNote: string | null): NativeChart | undefined {
  if (rows.length === 0 || rows.some((r) => r.low)) return undefined;
  return {
    kind: 'stackedColumns',
    categories: rows.map((r) => String(r.year)),
    series: LAYERS.map((layer) => ({ name: layerLabel(layer), values: rows.map((r) => r[layer.key]), colour: layer.colour })),
    valueAxis: usdValueAxis(axis, axisTitle),
    valueLabels: null,
    note: [GROSS_NOTE, marksNote].filter(Boolean).join(' '),
  };
}

/** Each layer's pool per year, stacked in stack order (Application on top), with like-for-like growth. */
export function overTimeChart(answer: SeriesAnswer | undefined, filters: ResolvedFilters): OverTimeChart {
  const years = fromFirstYearWithData(answer?.years ?? [], (y) => y.coverage.included > 0);
  const metric = METRIC_NAMES[filters.metric];
  const span = plottedSpan(years, filters.year);
  const axisTitle = `Attributed ${METRIC_LABELS[filters.metric]}`;
  const rows = years.map((y) => rowOf(y, answer?.likeForLike !== undefined));
  const marks = timeCoverageMarks(
    rows.map((r) => r.coverage),
    answer?.likeForLike,
    `with ${metric.toLowerCase()} in every year plotted`,
  );
  // In the unit of the layer-pools chart beside it: that of the selected year's largest layer.
  const axis = usdAxis(stackExtents(years.map((y) => y.layers.map((l) => l.value))), largestLayer(years, filters.year));
  return {
    id: 'over-time',
    title: `${metric} pools by layer over time, ${span}${answer?.likeForLike ? ' (like-for-like)' : ''}`,
    description: `Each layer's attributed ${metric.toLowerCase()} per year in USD, stacked from Infrastructure at the bottom to Application on top.`,
    coverage: years.at(-1)?.coverage,
    estimated: years.some((y) => y.estimated),
    empty:
      answer && years.length === 0
        ? `No company has ${metric.toLowerCase()} for ${span}. Add figures on a company page or import a figures.csv.`
        : null,
    note: [GROSS_NOTE, marks.note].filter(Boolean).join(' '),
    table: {
      columns: [
        { label: 'Year', kind: 'year' },
        { label: 'Layer', kind: 'text' },
        { label: axisTitle, kind: 'usdMillions' },
        { label: 'YoY growth (like-for-like)', kind: 'growth' },
        { label: 'Companies included', kind: 'count' },
        { label: 'Companies missing', kind: 'count' },
      ],
      rows: years.flatMap((y) =>
        y.layers.map((l) => [
          y.year,
          layerLabel(layerOf(l.key)),
          l.value,
          l.growth,
          y.coverage.included,
          y.coverage.missingCount,
        ]),
      ),
    },
    exportAs: {
      name: { chart: 'over-time', metric: filters.metric, period: span, basis: filters.basis, list: filters.list },
      subtitle: filtersSubtitle(filters, { measure: metric, period: span }),
      legend: [...LAYER_LEGEND, ...marks.legend],
      yearCoverage: marks.yearCoverage,
      native: nativeOf(rows, axis, axisTitle, marks.note),
    },
    rows,
    axis,
    axisTitle,
    basis: answer?.basis ?? filters.basis,
  };
}
