import { chartCsv } from './chart-csv';
import type { ExportName } from './file-name';
import { chartDrawingSize, type Size } from './memo-size';
import { composeSvg, layoutMemo, layoutSlideImage, type LegendEntry, type MemoLogo, type MemoText } from './memo-svg';
import { memoFooter, type ExportProvenance, type LabelledCoverage } from './memo-text';
import type { NativeChart } from './native-chart';
import type { ChartTable } from './table';

/** What a chart's exports say, all of it from the chart's card and its filters. */
export interface ChartContent {
  title: string;
  /** The filters in words. */
  subtitle: string;
  legend: readonly LegendEntry[];
  note: string | null;
  table: ChartTable;
  coverages: readonly LabelledCoverage[];
  /** A time series' coverage per year ("Companies reported: 2019–2024: 36–41 of 41, 2025: 12 of 41"), for the footer. */
  yearCoverage?: string;
  /** Any plotted value is or includes an estimate. */
  estimated: boolean;
  /** The data's as-of, and the snapshot when the chart shows one. */
  provenance: ExportProvenance;
  /** The chart as PowerPoint can draw it, editable; none when a native chart would lose information. */
  native?: NativeChart;
}

/** What a chart tells its exports beyond what its card shows. */
export interface ChartExportSpec {
  name: ExportName;
  /** The filters in words (see memoSubtitle). */
  subtitle: string;
  /** The legend as the memo draws it; none when the axes name everything. */
  legend?: readonly LegendEntry[];
  /** The memo's note, when the card's is not plain text or speaks of the screen ("hover a year"). */
  note?: string;
  /** The chart's inputs, when they are not the card's one coverage (the gap's chips and application companies). */
  coverages?: readonly LabelledCoverage[];
  /** A time series' coverage of each year, which the footer gives in place of one year's. */
  yearCoverage?: string;
  /** The chart as PowerPoint can draw it (the memo pack's editable charts); none when it would lose information. */
  native?: NativeChart;
}

/** A chart's export files before rasterising: the memo SVG, the picture for its slide, and the CSV. */
export interface ChartDocuments {
  content: ChartContent;
  footer: string;
  memoSvg: string;
  slide: { svg: string; size: Size };
  csv: string;
}

const footerOf = ({ coverages, yearCoverage, estimated, provenance }: ChartContent) =>
  memoFooter({ coverages, yearCoverage, estimated, provenance });

/** The chart's CSV: it needs no drawing. */
export function contentCsv(content: ChartContent): string {
  const { table, coverages, title, subtitle } = content;
  return chartCsv({ table, coverages, title, subtitle, footer: footerOf(content) });
}

/**
 * Lays the memo out, has the chart drawn at the size its box leaves (`drawChart`: the browser's part, which gives
 * the chart's own SVG markup), and composes every file from that one drawing; the firm's `logo`, when given, sits
 * beside the memo's source line.
 */
export async function chartDocuments(
  content: ChartContent,
  drawChart: (size: Size) => Promise<string>,
  logo: MemoLogo | null = null,
): Promise<ChartDocuments> {
  const footer = footerOf(content);
  const { title, subtitle, legend, note } = content;
  const text: MemoText = { title, subtitle, legend, note, footer, logo };
  const memo = layoutMemo(text);
  const chartMarkup = await drawChart(chartDrawingSize(memo.chart));
  const slide = layoutSlideImage(text, memo.chart);
  return {
    content,
    footer,
    memoSvg: composeSvg(memo, text, chartMarkup),
    slide: { svg: composeSvg(slide, text, chartMarkup), size: slide.size },
    csv: contentCsv(content),
  };
}
