import { describe, expect, it } from 'vitest';
import type { SeriesAnswer, SeriesYear } from '../analytics/query';
import { LAYER_KEYS, LAYERS } from '../domain/layers';
import { exportBaseName } from '../export/file-name';
import { layerPoolsChart } from './layer-pools';
import { overTimeChart } from './over-time';
import { AS_OF, FILTERS, coverage, layersAnswer } from './test-answers';

/** A year with `chips` revenue (the other layers 0), or an empty one. */
const year = (y: number, chips: number | null, growth: number | null = null): SeriesYear => ({
  year: y,
  total: chips ?? 0,
  estimated: y === 2024,
  growth,
  layers: LAYER_KEYS.map((key) => ({ key, value: key === 'chips' ? (chips ?? 0) : 0, growth: key === 'chips' ? growth : null })),
  coverage: chips === null ? coverage(0, ['Fab']) : coverage(1, ['Fab']),
});

const ANSWER: SeriesAnswer = {
  basis: 'fiscal',
  currency: 'USD',
  asOf: AS_OF,
  metric: 'revenue',
  years: [year(2021, null), year(2022, null), year(2023, 400), year(2024, 1_500, 2.75)],
};

describe('overTimeChart', () => {
  it('plots from the first year with data, a bar per year keyed by layer', () => {
    const chart = overTimeChart(ANSWER, FILTERS);
    expect(chart.rows.map((r) => [r.year, r.chips, r.application])).toEqual([
      [2023, 400, 0],
      [2024, 1_500, 0],
    ]);
    expect(chart.title).toBe('Revenue pools by layer over time, 2023–2024');
    expect(chart.estimated).toBe(true);
    expect(chart.coverage).toEqual(coverage(1, ['Fab']));
    expect(chart.basis).toBe('fiscal');
    expect(chart.axis).toMatchObject({ symbol: '$B', ticks: [0, 500, 1_000, 1_500] });
  });

  it('takes the unit of the layer-pools chart beside it, though its stacks reach further', () => {
    // 2024: chips $600B and application $700B, a $1.3T stack; the largest layer is under $1T.
    const layers = (chips: number, application: number) =>
      LAYER_KEYS.map((key) => ({ key, value: key === 'chips' ? chips : key === 'application' ? application : 0, growth: null }));
    const answer: SeriesAnswer = {
      ...ANSWER,
      years: [
        { ...year(2023, 400), layers: layers(400_000, 300_000), total: 700_000 },
        { ...year(2024, 600), layers: layers(600_000, 700_000), total: 1_300_000 },
      ],
    };
    const pools = layerPoolsChart(
      layersAnswer({
        chips: { value: 600_000, top: [{ id: 'c', name: 'Chip Co', value: 600_000, share: 1 }] },
        application: { value: 700_000, top: [{ id: 'a', name: 'App Co', value: 700_000, share: 1 }] },
      }),
      FILTERS,
    );
    const overTime = overTimeChart(answer, FILTERS);
    expect(pools.axis.symbol).toBe('$B');
    expect(overTime.axis.symbol).toBe('$B');
    expect(overTime.axis.ticks.at(-1)).toBeGreaterThanOrEqual(1_300_000);
    // Without the selected year among the plotted ones, the chart keeps its own unit.
    expect(overTimeChart(answer, { ...FILTERS, year: 2026 }).axis.symbol).toBe('$T');
  });

  it('tables each year and layer with like-for-like growth and coverage', () => {
    const { table } = overTimeChart(ANSWER, FILTERS);
    expect(table.columns.map((c) => [c.label, c.kind])).toEqual([
      ['Year', 'year'],
      ['Layer', 'text'],
      ['Attributed revenue', 'usdMillions'],
      ['YoY growth (like-for-like)', 'growth'],
      ['Companies included', 'count'],
      ['Companies missing', 'count'],
    ]);
    expect(table.rows).toHaveLength(12);
    expect(table.rows[7]).toEqual([2024, '2 Chips', 1_500, 2.75, 1, 1]);
  });

  it('names its files after the plotted years, and the asked-for years when nothing is plotted', () => {
    expect(exportBaseName(overTimeChart(ANSWER, FILTERS).exportAs.name)).toBe(
      'stacklens-over-time-revenue-2023-2024-calendar-portfolio',
    );
    const empty = overTimeChart({ ...ANSWER, years: [year(2024, null)] }, FILTERS);
    expect(empty.title).toBe('Revenue pools by layer over time, 2017–2024');
    expect(empty.empty).toBe('No company has revenue for 2017–2024. Add figures on a company page or import a figures.csv.');
  });
});

describe('overTimeChart coverage marks', () => {
  const reported = (y: number, included: number, of = 41): SeriesYear => ({
    ...year(y, 1_000),
    coverage: coverage(
      included,
      Array.from({ length: of - included }, (_, i) => `Missing ${i}`),
    ),
  });
  const answer: SeriesAnswer = { ...ANSWER, years: [reported(2023, 36), reported(2024, 41), reported(2025, 12)] };

  it('fades a year under 80% of the set, says why, and gives every year in the export footer', () => {
    const chart = overTimeChart(answer, FILTERS);
    expect(chart.rows.map((r) => [r.year, r.low])).toEqual([
      [2023, false],
      [2024, false],
      [2025, true],
    ]);
    expect(chart.note).toContain('Faded: 2025 (12 of 41 reported), under 80%');
    expect(chart.exportAs.legend?.at(-1)?.label).toBe('Faded: under 80% of companies reported');
    expect(chart.exportAs.yearCoverage).toBe('Companies reported: 2023–2024: 36–41 of 41, 2025: 12 of 41');
  });

  it('in like-for-like fades nothing and names how many companies every year sums', () => {
    const chart = overTimeChart({ ...answer, likeForLike: { companies: 10, of: 41 } }, FILTERS);
    expect(chart.rows.some((r) => r.low)).toBe(false);
    expect(chart.title).toBe('Revenue pools by layer over time, 2023–2025 (like-for-like)');
    expect(chart.exportAs.yearCoverage).toBe('Like-for-like: the 10 of 41 companies with revenue in every year plotted');
  });
});

describe('overTimeChart native chart', () => {
  /** A year every company reported. */
  const covered = (y: number, chips: number): SeriesYear => ({ ...year(y, chips), coverage: coverage(1) });
  const answer: SeriesAnswer = { ...ANSWER, years: [covered(2023, 400), covered(2024, 1_500)] };

  it('is PowerPoint’s stacked columns of the answer’s USD millions, a layer per series, read in the card’s unit', () => {
    const native = overTimeChart(answer, FILTERS).exportAs.native;
    if (native?.kind !== 'stackedColumns') throw new Error(`expected stacked columns, got ${native?.kind}`);
    expect(native.categories).toEqual(['2023', '2024']);
    expect(native.series.map((s) => s.name)).toEqual(LAYERS.map((l) => `${l.position} ${l.name}`));
    expect(native.series.map((s) => s.values)).toEqual(LAYER_KEYS.map((key) => (key === 'chips' ? [400, 1_500] : [0, 0])));
    // Ticks 0, 0.5, 1, 1.5 ($B): one decimal, the comma dividing USD millions by 1,000.
    expect(native.valueAxis).toEqual({ title: 'Attributed revenue ($B)', format: '#,##0.0,', min: 0, max: 1_500, step: 500 });
    expect(native.note).toBe(overTimeChart(answer, FILTERS).note);
  });

  it('stays a picture when a year is under 80%, since a native column cannot be faded', () => {
    const thin: SeriesAnswer = {
      ...answer,
      years: [covered(2023, 400), { ...year(2024, 1_500), coverage: coverage(1, ['Fab', 'Memory']) }],
    };
    expect(overTimeChart(thin, FILTERS).exportAs.native).toBeUndefined();
    // Like-for-like plots the same companies every year: no year is thin, so the chart is PowerPoint's own again.
    const same: SeriesAnswer = { ...thin, likeForLike: { companies: 1, of: 3 } };
    expect(overTimeChart(same, FILTERS).exportAs.native?.categories).toEqual(['2023', '2024']);
  });
});
