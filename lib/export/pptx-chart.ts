import type PptxGenJS from 'pptxgenjs';
import { PALETTE } from '../charts/palette';
import type { NativeChart, NativeSeries } from './native-chart';

/** PowerPoint takes a colour as RRGGBB, without the hash. */
export const pptxColour = (hex: string) => hex.slice(1).toUpperCase();

export const FONT = 'Arial';

type Box = { x: number; y: number; w: number; h: number };

/** A series as pptxgenjs takes it: its types say numbers, but it writes a null as an empty cell (nothing drawn). */
const dataOf = (categories: string[], { name, values }: Omit<NativeSeries, 'colour'>): PptxGenJS.OptsChartData => ({
  name,
  labels: categories,
  values: values as number[],
});

/** Horizontal bars list their first category at the bottom: reversed, the chart reads top to bottom as described. */
function reversed<S extends Omit<NativeSeries, 'colour'>>(categories: readonly string[], series: readonly S[]) {
  return {
    categories: [...categories].reverse(),
    series: series.map((s) => ({ ...s, values: [...s.values].reverse() })),
  };
}

/** What every native chart shares: the axes' text, the grid, the legend when there are several series, the labels. */
function baseOptions(chart: NativeChart, box: Box, title: string, legend: boolean): PptxGenJS.IChartOpts {
  const { valueAxis: axis } = chart;
  const tickColour = pptxColour(PALETTE.axisTick);
  return {
    ...box,
    altText: title,
    showLegend: legend,
    legendPos: 't',
    legendFontFace: FONT,
    legendFontSize: 11,
    legendColor: tickColour,
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 11,
    catAxisLabelColor: tickColour,
    catGridLine: { style: 'none' },
    showValAxisTitle: true,
    valAxisTitle: axis.title,
    valAxisTitleFontFace: FONT,
    valAxisTitleFontSize: 11,
    valAxisTitleColor: pptxColour(PALETTE.axisLabel),
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 10,
    valAxisLabelColor: tickColour,
    valAxisLabelFormatCode: axis.format,
    ...(axis.min !== undefined && { valAxisMinVal: axis.min }),
    ...(axis.max !== undefined && { valAxisMaxVal: axis.max }),
    ...(axis.step !== undefined && { valAxisMajorUnit: axis.step }),
    valGridLine: { color: pptxColour(PALETTE.grid), size: 0.75 },
    // A missing value leaves a gap (a line does not bridge it).
    displayBlanksAs: 'gap',
    showValue: chart.valueLabels !== null,
    ...(chart.valueLabels !== null && { dataLabelFormatCode: chart.valueLabels }),
    dataLabelFontFace: FONT,
    dataLabelFontSize: 10,
    dataLabelColor: pptxColour(PALETTE.ink),
  };
}

/** Draws a native chart in `box`: PowerPoint's own chart, its data in the chart's data sheet. */
export function addNativeChart(slide: PptxGenJS.Slide, chart: NativeChart, box: Box, title: string): void {
  switch (chart.kind) {
    case 'bars': {
      const { categories, series } = reversed(chart.categories, [chart.series]);
      slide.addChart(
        'bar',
        series.map((s) => dataOf(categories, s)),
        {
          ...baseOptions(chart, box, title, false),
          barDir: 'bar',
          barGapWidthPct: 60,
          // More than one colour for one series colours each bar (pptxgenjs writes a data point per bar).
          chartColors: [...chart.barColours].reverse().map(pptxColour),
          dataLabelPosition: 'outEnd',
        },
      );
      return;
    }
    case 'percentStackedBars': {
      const { categories, series } = reversed(chart.categories, chart.series);
      slide.addChart(
        'bar',
        series.map((s) => dataOf(categories, s)),
        {
          ...baseOptions(chart, box, title, true),
          barDir: 'bar',
          barGrouping: 'percentStacked',
          barGapWidthPct: 60,
          barOverlapPct: 100,
          chartColors: chart.series.map((s) => pptxColour(s.colour)),
          dataLabelPosition: 'ctr',
        },
      );
      return;
    }
    case 'stackedColumns':
      slide.addChart(
        'bar',
        chart.series.map((s) => dataOf(chart.categories, s)),
        {
          ...baseOptions(chart, box, title, true),
          barDir: 'col',
          barGrouping: 'stacked',
          barGapWidthPct: 50,
          barOverlapPct: 100,
          chartColors: chart.series.map((s) => pptxColour(s.colour)),
        },
      );
      return;
    case 'columnsAndLine': {
      const options = baseOptions(chart, box, title, true);
      // For a combination pptxgenjs reads the options from its second argument (typed as the data).
      slide.addChart(
        [
          {
            type: 'bar',
            data: chart.columns.map((s) => dataOf(chart.categories, s)),
            options: { barDir: 'col', barGrouping: 'clustered', chartColors: chart.columns.map((s) => pptxColour(s.colour)) },
          },
          {
            type: 'line',
            data: [dataOf(chart.categories, chart.line)],
            options: {
              chartColors: [pptxColour(chart.line.colour)],
              lineSize: 2,
              lineDataSymbol: 'circle',
              lineDataSymbolSize: 6,
            },
          },
        ],
        options as unknown as unknown[],
        options,
      );
    }
  }
}
