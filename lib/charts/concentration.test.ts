import { describe, expect, it } from 'vitest';
import { exportBaseName } from '../export/file-name';
import { LAYERS } from '../domain/layers';
import { concentrationChart, HIGHLY_CONCENTRATED, UNCONCENTRATED } from './concentration';
import { FILTERS, layersAnswer } from './test-answers';

const ANSWER = layersAnswer({
  chips: { hhi: 5_000.4, cr3: 1, effectiveCompanies: 2 },
  application: { hhi: 2_340, cr3: 0.644, effectiveCompanies: 4.27 },
});

describe('concentrationChart', () => {
  it('labels each layer HHI and CR3, application on top; a layer without one has no label', () => {
    const { rows } = concentrationChart(ANSWER, FILTERS);
    expect(rows.map((r) => [r.layer, r.hhi, r.label])).toEqual([
      ['6 Application', 2_340, '2,340 · CR3 64%'],
      ['5 Execution', null, null],
      ['4 Models', null, null],
      ['3 Data', null, null],
      ['2 Chips', 5_000.4, '5,000 · CR3 100%'],
      ['1 Infrastructure', null, null],
    ]);
  });

  it('tables HHI, CR3 and effective companies in stack order', () => {
    const { table } = concentrationChart(ANSWER, FILTERS);
    expect(table.columns.map((c) => [c.label, c.kind])).toEqual([
      ['Layer', 'text'],
      ['HHI', 'hhi'],
      ['CR3', 'ratio'],
      ['Effective companies', 'decimal'],
    ]);
    expect(table.rows[1]).toEqual(['Chips', 5_000.4, 1, 2]);
    expect(table.rows[5]).toEqual(['Application', 2_340, 0.644, 4.27]);
  });

  it('draws the two thresholds dashed in its legend', () => {
    const { exportAs, title } = concentrationChart(ANSWER, FILTERS);
    expect(title).toBe('Revenue concentration among tracked companies, 2024');
    expect(exportBaseName(exportAs.name)).toBe('stacklens-concentration-revenue-2024-calendar-portfolio');
    expect(exportAs.legend).toEqual([
      { label: 'Below 1,000: unconcentrated (earlier guidelines)', colour: UNCONCENTRATED.colour, mark: 'dashed' },
      { label: 'Above 1,800: highly concentrated (2023 guidelines)', colour: HIGHLY_CONCENTRATED.colour, mark: 'dashed' },
    ]);
  });

  it('measures no operating income, and says so instead of a note', () => {
    const chart = concentrationChart(layersAnswer({}, { metric: 'operating_income' }), {
      ...FILTERS,
      metric: 'operating_income',
    });
    expect(chart.empty).toMatch(/^Concentration is measured for revenue and capex only/);
    expect(chart.note).toBeUndefined();
    expect(concentrationChart(layersAnswer({}), FILTERS).empty).toBe(
      'No company has a positive revenue in any layer for 2024. Add figures on a company page or import a figures.csv.',
    );
  });
});

describe('concentrationChart native chart', () => {
  it('is PowerPoint’s bars of each layer’s HHI, application on top, each bar in its layer’s colour', () => {
    const native = concentrationChart(ANSWER, FILTERS).exportAs.native;
    if (native?.kind !== 'bars') throw new Error(`expected bars, got ${native?.kind}`);
    expect(native.categories).toEqual(['6 Application', '5 Execution', '4 Models', '3 Data', '2 Chips', '1 Infrastructure']);
    expect(native.series.values).toEqual([2_340, null, null, null, 5_000.4, null]);
    expect(native.barColours).toEqual([...LAYERS].reverse().map((l) => l.colour));
    expect(native.valueAxis).toMatchObject({ min: 0, max: 10_000 });
    expect(native.valueLabels).toBe('#,##0');
  });

  it('has none when concentration is not measured', () => {
    expect(concentrationChart({ ...ANSWER, metric: 'operating_income' }, FILTERS).exportAs.native).toBeUndefined();
  });
});
