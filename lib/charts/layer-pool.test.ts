import { describe, expect, it } from 'vitest';
import { exportBaseName } from '../export/file-name';
import { layerPoolChart } from './layer-pool';
import { FILTERS, chipsAnswer, coverage } from './test-answers';

const point = (year: number, value: number, companies: number) => ({
  year,
  value,
  growth: null,
  companies,
  missing: 1,
  estimated: false,
});

describe('layerPoolChart', () => {
  const answer = chipsAnswer({ series: [point(2023, 400, 1), point(2024, 1_200, 2)], coverage: coverage(2, ['Fab']) });

  it('plots the pool per year, the selected year highlighted, and tables it', () => {
    const chart = layerPoolChart(answer, FILTERS);
    expect(chart.rows.map((r) => [r.year, r.value, r.selected])).toEqual([
      [2023, 400, false],
      [2024, 1_200, true],
    ]);
    expect(chart.title).toBe('Revenue pool of Chips, 2023–2024');
    expect(chart.table.rows).toEqual([
      [2023, 400, null, 1, 1],
      [2024, 1_200, null, 2, 1],
    ]);
    expect(chart.axis.symbol).toBe('$B');
  });

  it('exports under the layer’s name, with the layer’s coverage and without the screen’s hint', () => {
    const { exportAs, note } = layerPoolChart(answer, FILTERS);
    expect(exportBaseName(exportAs.name)).toBe('stacklens-layer-chips-pool-revenue-2023-2024-calendar-portfolio');
    expect(exportAs.subtitle).toBe('Revenue attributed to Chips · 2023–2024 · calendar years · list “Portfolio”');
    expect(exportAs.note).toBe('Growth is like-for-like: over the companies with a value in both years.');
    expect(note).toMatch(/Hover a year/);
    expect(exportAs.coverages).toEqual([{ label: 'Chips in 2024', coverage: coverage(2, ['Fab']) }]);
  });

  it('starts at the first year with a figure, as the dashboard does, and keeps later empty years', () => {
    const chart = layerPoolChart(
      chipsAnswer({ series: [point(2021, 0, 0), point(2022, 300, 1), point(2023, 0, 0), point(2024, 1_200, 2)] }),
      FILTERS,
    );
    expect(chart.rows.map((r) => r.year)).toEqual([2022, 2023, 2024]);
    expect(chart.title).toBe('Revenue pool of Chips, 2022–2024');
    expect(chart.table.rows.map((r) => r[0])).toEqual([2022, 2023, 2024]);
  });

  it('says what to add over the whole range when no year has a figure', () => {
    const chart = layerPoolChart(chipsAnswer({ series: [point(2023, 0, 0), point(2024, 0, 0)] }), FILTERS);
    expect(chart.rows).toEqual([]);
    expect(chart.empty).toBe(
      'No company of Chips has revenue from 2023 to 2024. Add figures on a company page or import a figures.csv.',
    );
  });
});
