import type { UsdAxis } from '../charts/usd-axis';

/**
 * A chart as PowerPoint can draw it itself (an editable chart with its data sheet), described by the chart's mapper
 * from the same answer its card draws. Only charts whose information a native chart shows as it is have one; the
 * rest stay pictures in the memo pack.
 */

/** One series: its name (legend and data sheet), one value per category (null where nothing is drawn), its colour. */
export interface NativeSeries {
  name: string;
  values: (number | null)[];
  colour: string;
}

/** The value axis: a title that names the unit, an Excel number format for its ticks, and its range when fixed. */
export interface NativeValueAxis {
  title: string;
  format: string;
  min?: number;
  max?: number;
  step?: number;
}

interface NativeChartBase {
  /** The category labels as they read: left to right, or top to bottom for horizontal bars. */
  categories: string[];
  valueAxis: NativeValueAxis;
  /** The Excel number format of each mark's value label; null for no labels (they would crowd). */
  valueLabels: string | null;
  /** The slide's note when the picture's would speak of marks a native chart cannot draw (faded years). */
  note?: string;
}

/** Horizontal bars of one series, each bar its own colour (its layer's, or grey when the layer is thin). */
interface NativeBars extends NativeChartBase {
  kind: 'bars';
  series: Omit<NativeSeries, 'colour'>;
  barColours: string[];
}

/** Horizontal 100% bars, one series per segment. */
interface NativePercentStackedBars extends NativeChartBase {
  kind: 'percentStackedBars';
  series: NativeSeries[];
}

/** Stacked columns, the first series at the bottom. */
interface NativeStackedColumns extends NativeChartBase {
  kind: 'stackedColumns';
  series: NativeSeries[];
}

/** Clustered columns and a line, on one value axis. */
interface NativeColumnsAndLine extends NativeChartBase {
  kind: 'columnsAndLine';
  columns: NativeSeries[];
  line: NativeSeries;
}

export type NativeChart = NativeBars | NativePercentStackedBars | NativeStackedColumns | NativeColumnsAndLine;

/** A share as a whole percentage; a zero share has no label (it has no width either). */
export const SHARE_LABEL = '0%;-0%;;';

/** The decimals a tick needs in the axis's unit: 0.5 needs one, 2 none, 0.25 two. */
function tickDecimals(axis: UsdAxis): number {
  const needs = (x: number) => [0, 1, 2].find((d) => Math.abs(Math.round(x * 10 ** d) - x * 10 ** d) < 1e-9) ?? 2;
  return Math.max(0, ...axis.ticks.map((t) => needs(t / axis.millions)));
}

/**
 * A value axis over USD millions that reads in the card's unit: the data sheet keeps the answer's USD millions, and
 * the format divides them (each trailing comma divides by 1,000), so 1,500 on a $B axis reads 1.5.
 */
export function usdValueAxis(axis: UsdAxis, title: string): NativeValueAxis {
  const decimals = tickDecimals(axis);
  const scale = ','.repeat(Math.round(Math.log10(axis.millions) / 3));
  return {
    title: `${title} (${axis.symbol})`,
    format: `#,##0${decimals ? `.${'0'.repeat(decimals)}` : ''}${scale}`,
    min: axis.domain[0],
    max: axis.domain[1],
    step: (axis.ticks[1] ?? axis.domain[1]) - (axis.ticks[0] ?? axis.domain[0]),
  };
}
