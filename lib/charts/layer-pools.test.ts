import { describe, expect, it } from 'vitest';
import { exportBaseName } from '../export/file-name';
import { layerPoolsChart, type PoolSegment } from './layer-pools';
import { layerColour, PALETTE } from './palette';
import { FILTERS, coverage, layersAnswer } from './test-answers';

const top = (id: string, value: number, share: number | null) => ({ id, name: id, value, share });

/** Chips has 2 of its 3 companies (under 80%: grey); Execution has two companies beyond its top five. */
const ANSWER = layersAnswer({
  infrastructure: { value: 500, companies: 1, top: [top('Cloud', 500, 1)] },
  chips: { value: 800, companies: 2, missing: 1, top: [top('Fab', 600, 0.75), top('Design', 200, 0.25)] },
  models: { companies: 0, missing: 1 },
  execution: {
    value: 700,
    companies: 7,
    top: ['A', 'B', 'C', 'D', 'E'].map((id) => top(id, 100, 1 / 7)),
    others: { value: 200, count: 2 },
  },
  application: { value: 300, companies: 1, top: [top('Apps', 300, 1)] },
});

describe('layerPoolsChart', () => {
  it('draws a bar per layer, application on top, each its top companies then Others', () => {
    const { rows } = layerPoolsChart(ANSWER, FILTERS);
    expect(rows.map((r) => r.layer)).toEqual([
      '6 Application',
      '5 Execution',
      '4 Models',
      '3 Data',
      '2 Chips',
      '1 Infrastructure',
    ]);
    const execution = rows[1]!;
    expect([execution.v0, execution.v4, execution.vOthers]).toEqual([100, 100, 200]);
    expect(execution.sOthers).toMatchObject({ id: null, name: 'Others (2)', value: 200, share: 200 / 700 });
    expect(rows[4]!.s0).toMatchObject({ id: 'Fab', name: 'Fab', value: 600, share: 0.75 });
  });

  it('labels each bar with its total in the axis unit, and gives each segment a label colour that reads on it', () => {
    const { rows } = layerPoolsChart(ANSWER, FILTERS);
    expect(rows.map((r) => r.totalLabel)).toEqual(['$300M', '$700M', '$0', '$0', '$800M', '$500M']);
    // Written after the bar's last positive segment; a bar with nothing positive has no place for it.
    expect(rows.map((r) => r.totalAfter)).toEqual(['0', 'Others', null, null, '1', '0']);
    const big = layerPoolsChart(
      layersAnswer({ infrastructure: { value: 312_400, companies: 1, top: [top('Cloud', 312_400, 1)] } }),
      FILTERS,
    );
    expect(big.rows.at(-1)!.totalLabel).toBe('$312B');
    // Infrastructure's full blue takes white text; its faded "Others" is light enough for dark text.
    expect((rows[5]!.s0 as PoolSegment).text).toBe(PALETTE.white);
    expect((rows[5]!.sOthers as PoolSegment).text).toBe(PALETTE.text);
  });

  it('greys a layer under 80% coverage, and names the grey only when a grey bar is drawn', () => {
    const { rows, exportAs } = layerPoolsChart(ANSWER, FILTERS);
    expect(rows.map((r) => [r.layer, r.greyed, r.colour])).toEqual([
      ['6 Application', false, layerColour('application')],
      ['5 Execution', false, layerColour('execution')],
      ['4 Models', true, PALETTE.greyed],
      ['3 Data', false, layerColour('data')],
      ['2 Chips', true, PALETTE.greyed],
      ['1 Infrastructure', false, layerColour('infrastructure')],
    ]);
    expect(exportAs.legend).toEqual([{ label: 'Layer with under 80% of its companies covered', colour: PALETTE.greyed }]);
    // Models is grey too, but has no bar: no legend.
    const onlyModels = layersAnswer({ models: { companies: 0, missing: 1 }, chips: { value: 800, companies: 3 } });
    expect(layerPoolsChart(onlyModels, FILTERS).exportAs.legend).toEqual([]);
  });

  it('tables every named company and each Others, in stack order, with units', () => {
    const { table } = layerPoolsChart(ANSWER, FILTERS);
    expect(table.columns).toEqual([
      { label: 'Layer', kind: 'text' },
      { label: 'Company', kind: 'text' },
      { label: 'Attributed revenue', kind: 'usdMillions' },
      { label: 'Share of layer', kind: 'ratio' },
    ]);
    expect(table.rows.slice(0, 6)).toEqual([
      ['Infrastructure', 'Cloud', 500, 1],
      ['Infrastructure', 'Total Infrastructure', 500, 1],
      ['Chips', 'Fab', 600, 0.75],
      ['Chips', 'Design', 200, 0.25],
      ['Chips', 'Total Chips', 800, 1],
      ['Data', 'Total Data', 0, null],
    ]);
    // "Others" says its share of the layer, as a company does.
    expect(table.rows.at(-4)).toEqual(['Execution', 'Others (2)', 200, 200 / 700]);
    expect(table.rows.at(-3)).toEqual(['Execution', 'Total Execution', 700, 1]);
    expect(table.rows).toHaveLength(16);
  });

  it('describes its exports and its axis', () => {
    const chart = layerPoolsChart(ANSWER, FILTERS);
    expect(chart.title).toBe('Revenue pools by layer, 2024');
    expect(exportBaseName(chart.exportAs.name)).toBe('stacklens-layer-pools-revenue-2024-calendar-portfolio');
    expect(chart.exportAs.subtitle).toBe('Revenue · 2024 · calendar years · list “Portfolio”');
    expect(chart.axis.ticks).toEqual([0, 200, 400, 600, 800]);
    expect(chart.axisTitle).toBe('Attributed revenue');
    expect(chart.empty).toBeNull();
  });

  it('says what to add when no company has the metric, and has a title while loading', () => {
    const nothing = layerPoolsChart(layersAnswer({}, { coverage: coverage(0, ['Missing Co']) }), { ...FILTERS, metric: 'capex' });
    expect(nothing.empty).toBe('No company has capex for 2024. Add figures on a company page or import a figures.csv.');
    const loading = layerPoolsChart(undefined, FILTERS);
    expect([loading.title, loading.rows, loading.table.rows, loading.empty]).toEqual([
      'Revenue pools by layer, 2024',
      [],
      [],
      null,
    ]);
  });
});
