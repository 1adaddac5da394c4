import { unzipSync, strFromU8 } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { capexIntensityChart } from '../charts/capex-intensity';
import { concentrationChart } from '../charts/concentration';
import type { ChartFrame } from '../charts/frame';
import { gapChart } from '../charts/gap';
import { overTimeChart } from '../charts/over-time';
import { stackMixChart } from '../charts/stack-mix';
import { AS_OF, FILTERS, coverage, layersAnswer, profitabilityAnswer } from '../charts/test-answers';
import { LAYER_KEYS } from '../domain/layers';
import { makePng } from '../testing/images';
import { memoPptx, type PackChart } from './pptx';
import { chartPartNames, chartSeries } from './test-chart-parts';

function tinyPng(): Uint8Array {
  const png = new PNG({ width: 16, height: 9 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
}

function chart(title: string, rows: number): PackChart {
  return {
    title,
    subtitle: 'Revenue · 2024 · calendar years · all companies',
    footer: 'Source: Stacklens · company filings and analyst estimates · 3 companies (0 missing) · as of 2026-01-31',
    image: async () => ({ png: tinyPng(), size: { width: 1600, height: 700 } }),
    note: null,
    table: {
      columns: [
        { label: 'Layer', kind: 'text' },
        { label: 'Revenue', kind: 'usdMillions' },
      ],
      rows: Array.from({ length: rows }, (_, i) => [`Layer ${i}`, 1000 * i]),
    },
    coverages: [{ label: null, coverage: { included: 3, missing: [], missingCount: 0 } }],
  };
}

const slidesOf = (files: Record<string, Uint8Array>) => Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));

describe('memoPptx', () => {
  it('makes one slide per chart with its title, picture and source line, and a last slide of data tables', async () => {
    const files = unzipSync(
      await memoPptx([chart('Revenue pools', 6), chart('Stack mix', 12), chart('Gap', 4)], {
        title: 'Pack',
        drawing: 'editable',
      }),
    );
    expect(slidesOf(files)).toHaveLength(4);
    expect(Object.keys(files).filter((f) => /^ppt\/media\/.+\.png$/.test(f))).toHaveLength(3);
    const first = strFromU8(files['ppt/slides/slide1.xml']!);
    expect(first).toContain('Revenue pools');
    expect(first).toContain('Source: Stacklens · company filings and analyst estimates');
    const data = strFromU8(files['ppt/slides/slide4.xml']!);
    expect(data).toContain('Data behind the charts');
    expect(data).toContain('$4.0B');
    expect(data).toContain('<a:tbl>');
  });

  it('opens on a title slide with the answer in words, the filters and the dates, when given a cover', async () => {
    const cover = {
      title: 'Where value accrues in 2024',
      subtitle: 'Revenue · 2024 · calendar years · all companies',
      sentences: ['Chips holds the largest revenue pool: $300.0B, 60.0% of the stack’s gross total.', 'Models grew the most.'],
      asOf: '2026-01-31 09:30 UTC',
      exported: '2026-02-02',
    };
    const files = unzipSync(await memoPptx([chart('Revenue pools', 6)], { title: 'Pack', cover, drawing: 'editable' }));
    expect(slidesOf(files)).toHaveLength(3);
    const first = strFromU8(files['ppt/slides/slide1.xml']!);
    expect(first).toContain('Where value accrues in 2024');
    expect(first).toContain('Revenue · 2024 · calendar years · all companies');
    expect(first).toContain('Chips holds the largest revenue pool: $300.0B');
    expect(first).toContain('Models grew the most.');
    expect(first).toContain('exported 2026-02-02 · data as of 2026-01-31 09:30 UTC');
    expect(strFromU8(files['ppt/slides/slide2.xml']!)).toContain('Revenue pools');
  });

  it('puts the firm’s name and logo on the title slide, when an admin has set them', async () => {
    const logo = makePng(300, 100);
    const firm = {
      name: 'Acme Capital',
      logo: {
        dataUrl: `data:image/png;base64,${Buffer.from(logo).toString('base64')}`,
        mime: 'image/png' as const,
        width: 300,
        height: 100,
      },
    };
    const cover = {
      title: 'Where value accrues in 2024',
      subtitle: 'Revenue',
      sentences: [],
      asOf: null,
      exported: '2026-02-02',
      firm,
    };
    const files = unzipSync(await memoPptx([chart('Revenue pools', 6)], { title: 'Pack', cover, drawing: 'pictures' }));
    const first = strFromU8(files['ppt/slides/slide1.xml']!);
    expect(first).toContain('Acme Capital');
    expect(first).toContain('descr="Logo"');
    // The logo's own bytes, beside the chart's picture.
    const media = Object.keys(files).filter((f) => /^ppt\/media\//.test(f));
    expect(media.some((f) => Buffer.from(files[f]!).equals(Buffer.from(logo)))).toBe(true);
    expect(strFromU8(files['docProps/app.xml']!)).toContain('<Company>Acme Capital</Company>');
  });

  it('continues the data tables on more slides when they do not fit one', async () => {
    const files = unzipSync(
      await memoPptx([chart('Over time', 48), chart('Layer pools', 36)], { title: 'Pack', drawing: 'editable' }),
    );
    expect(slidesOf(files).length).toBeGreaterThan(3);
    expect(strFromU8(files['ppt/slides/slide4.xml']!)).toContain('Data behind the charts (continued)');
  });
});

/** A mapper's chart as the pack takes it, with its native description. */
const packed = (frame: ChartFrame): PackChart => ({
  ...chart(frame.title, 0),
  note: frame.note ?? null,
  table: frame.table,
  native: frame.exportAs.native,
});

const PROFITABILITY = profitabilityAnswer(
  {
    infrastructure: {
      revenue: 400,
      operatingIncome: 100,
      capexIntensity: 0.6,
      coverage: { revenueAndCapex: coverage(2), revenueAndOperatingIncome: coverage(2) },
    },
    chips: {
      revenue: 600.25,
      operatingIncome: 200,
      capexIntensity: 0.1,
      coverage: { revenueAndCapex: coverage(2), revenueAndOperatingIncome: coverage(2) },
    },
    application: { operatingIncome: -50 },
  },
  { coverage: { ...profitabilityAnswer({}).coverage, capex: coverage(0, ['Fab'], 'capex') } },
);
/** Both years reported by every company: a native chart (a thin year would keep the chart a picture). */
const SERIES = {
  basis: 'calendar' as const,
  currency: 'USD' as const,
  asOf: AS_OF,
  metric: 'revenue' as const,
  years: [2023, 2024].map((year) => ({
    year,
    total: 0,
    estimated: false,
    growth: null,
    layers: LAYER_KEYS.map((key, i) => ({ key, value: year === 2023 ? 100 * i + 0.125 : -20 + i, growth: null })),
    coverage: coverage(3),
  })),
};
const GAP = {
  basis: 'calendar' as const,
  currency: 'USD' as const,
  asOf: AS_OF,
  g: 0.5,
  m: 0.5,
  years: [
    { year: 2023, chips: 400, required: 1_600, application: 900.5, gap: 699.5 },
    { year: 2024, chips: 500, required: 2_000, application: 2_100, gap: -100 },
  ].map((y) => ({ ...y, estimated: false, coverage: { chips: coverage(4), application: coverage(2) } })),
};
const CONCENTRATION = layersAnswer({ chips: { hhi: 5_000.4 }, application: { hhi: 2_340 } });

describe('memoPptx editable charts', () => {
  const frames = [
    stackMixChart(PROFITABILITY, FILTERS),
    overTimeChart(SERIES, FILTERS),
    gapChart(GAP, FILTERS),
    concentrationChart(CONCENTRATION, FILTERS),
    capexIntensityChart(PROFITABILITY, FILTERS),
  ];
  const charts = [...frames.map(packed), chart('Layer pools', 6)];

  it('makes the picture only of a chart it draws as a picture', async () => {
    const made: string[] = [];
    const counted = charts.map((c) => ({ ...c, image: () => (made.push(c.title), c.image()) }));
    await memoPptx(counted, { title: 'Pack', drawing: 'editable' });
    expect(made).toEqual(['Layer pools']);
    made.length = 0;
    await memoPptx(counted, { title: 'Pack', drawing: 'pictures' });
    expect(made).toEqual(charts.map((c) => c.title));
  });

  it('draws each chart that has a native description as PowerPoint’s chart, its values the answer’s numbers', async () => {
    const files = unzipSync(await memoPptx(charts, { title: 'Pack', drawing: 'editable' }));
    // pptxgenjs numbers chart parts across every deck it makes in a process: take them in their order.
    const names = chartPartNames(files);
    expect(names).toHaveLength(5);
    // Each chart's numbers also sit in its own workbook, PowerPoint's data sheet.
    expect(Object.keys(files).filter((f) => /^ppt\/embeddings\/.+\.xlsx$/.test(f))).toHaveLength(5);
    const part = (n: number) => strFromU8(files[names[n - 1]!]!);

    const mix = part(1);
    expect(mix).toContain('<c:barDir val="bar"/><c:grouping val="percentStacked"/>');
    const shares = Object.fromEntries(chartSeries(mix).map((s) => [s.name, s.values]));
    expect(shares['1 Infrastructure']).toEqual({ Revenue: 400 / 1_000.25, Capex: null, 'Operating income': 100 / 300 });
    expect(shares['2 Chips']).toEqual({ Revenue: 600.25 / 1_000.25, Capex: null, 'Operating income': 200 / 300 });
    expect(shares['6 Application']).toEqual({ Revenue: 0, Capex: null, 'Operating income': 0 });
    expect(mix).toContain('<a:srgbClr val="0072B2"/>');
    expect(mix).toContain('<c:showVal val="1"/>');
    // The note the picture draws in is slide text under the native chart.
    expect(strFromU8(files['ppt/slides/slide1.xml']!)).toContain('Stack totals are gross');

    const overTime = part(2);
    expect(overTime).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(chartSeries(overTime)).toEqual(
      SERIES.years[0]!.layers.map((l, i) => ({
        name: ['1 Infrastructure', '2 Chips', '3 Data', '4 Models', '5 Execution', '6 Application'][i],
        values: { '2023': l.value, '2024': SERIES.years[1]!.layers[i]!.value },
      })),
    );
    // In the layer-pools chart's unit: that of 2024's largest layer, $20M.
    expect(overTime).toContain('<a:t>Attributed revenue ($M)</a:t>');
    const overTimeSlide = strFromU8(files['ppt/slides/slide2.xml']!);
    expect(overTimeSlide).toContain('Stack totals are gross');
    expect(overTimeSlide).toContain('<c:chart ');
    expect(overTimeSlide).not.toContain('<p:pic>');

    const gap = part(3);
    expect(gap).toContain('<c:lineChart>');
    expect(chartSeries(gap)).toEqual([
      { name: 'Required application revenue', values: { '2023': 1_600, '2024': 2_000 } },
      { name: 'Application revenue (actual)', values: { '2023': 900.5, '2024': 2_100 } },
      { name: 'Gap (required − actual)', values: { '2023': 699.5, '2024': -100 } },
    ]);
    // USD millions in the data sheet, read in $B on the card's ticks (−1 to 3, a step of 1).
    expect(gap).toContain('<c:numFmt formatCode="#,##0," sourceLinked="0"/>');
    expect(gap).toContain('<c:majorUnit val="1000"/>');

    const [hhi] = chartSeries(part(4));
    expect(hhi!.values).toMatchObject({ '6 Application': 2_340, '2 Chips': 5_000.4, '1 Infrastructure': null });
    // One series, a colour per bar: Application's and Chips'.
    expect(part(4)).toContain('<a:srgbClr val="CC79A7"/>');
    expect(part(4)).toContain('<a:srgbClr val="56B4E9"/>');

    const [intensity] = chartSeries(part(5));
    expect(intensity!.values).toMatchObject({ '2 Chips': 0.1, '1 Infrastructure': 0.6, '6 Application': null });

    // The chart without a native description stays its picture; every chart's table is on the data slides.
    expect(strFromU8(files['ppt/slides/slide6.xml']!)).toContain('<p:pic>');
    expect(Object.keys(files).filter((f) => /^ppt\/media\/.+\.png$/.test(f))).toHaveLength(1);
    expect(strFromU8(files['ppt/slides/slide7.xml']!)).toContain('Data behind the charts');
  });

  it('keeps every chart a picture when asked for pictures', async () => {
    const files = unzipSync(await memoPptx(charts, { title: 'Pack', drawing: 'pictures' }));
    expect(chartPartNames(files)).toEqual([]);
    expect(Object.keys(files).filter((f) => /^ppt\/media\/.+\.png$/.test(f))).toHaveLength(6);
    expect(strFromU8(files['ppt/slides/slide2.xml']!)).toContain('<p:pic>');
  });
});
