import { describe, expect, it } from 'vitest';
import { exportBaseName } from '../export/file-name';
import { layerColour } from './palette';
import { profitPoolChart } from './profit-pool';
import { FILTERS, coverage, profitabilityAnswer } from './test-answers';

const ANSWER = profitabilityAnswer(
  {
    infrastructure: { revenueShare: 0.25, operatingMargin: 0.2, companies: 1 },
    chips: { revenueShare: 0.75, operatingMargin: -0.1, companies: 2 },
    data: { revenueShare: 0, operatingMargin: 0.5 },
  },
  {
    coverage: {
      revenue: coverage(3, ['Zed']),
      capex: coverage(4),
      operatingIncome: coverage(2, ['Zed', 'Abe'], 'operating income'),
      revenueAndCapex: coverage(3, ['Zed']),
      revenueAndOperatingIncome: coverage(2, ['Abe', 'Zed']),
    },
  },
);

describe('profitPoolChart', () => {
  it('lays the bars side by side in stack order, as wide as their revenue share', () => {
    const { bars, marginAxis } = profitPoolChart(ANSWER, FILTERS);
    expect(bars.map((b) => [b.label, b.start, b.end, b.middle, b.operatingMargin])).toEqual([
      ['1 Infrastructure', 0, 0.25, 0.125, 0.2],
      ['2 Chips', 0.25, 1, 0.625, -0.1],
    ]);
    expect(marginAxis.domain).toEqual([-0.1, 0.2]);
    expect(marginAxis.ticks).toEqual([-0.1, 0, 0.1, 0.2]);
  });

  it('names the layers it leaves out and shows the coverage of the companies with both metrics', () => {
    const chart = profitPoolChart(ANSWER, FILTERS);
    expect(chart.note).toBe(
      'Only companies with both revenue and operating income count, for width and height alike. Left out, having no such company: 3 Data, 4 Models, 5 Execution, 6 Application.',
    );
    expect(chart.coverage).toBe(ANSWER.coverage.revenueAndOperatingIncome);
  });

  it('tables width and height, and legends every drawn layer', () => {
    const { table, exportAs } = profitPoolChart(ANSWER, FILTERS);
    expect(table.columns.map((c) => c.label)).toEqual(['Layer', 'Share of revenue (width)', 'Operating margin (height)']);
    expect(table.rows).toEqual([
      ['1 Infrastructure', 0.25, 0.2],
      ['2 Chips', 0.75, -0.1],
    ]);
    expect(exportAs.legend).toEqual([
      { label: '1 Infrastructure', colour: layerColour('infrastructure') },
      { label: '2 Chips', colour: layerColour('chips') },
    ]);
    expect(exportBaseName(exportAs.name)).toBe('stacklens-profit-pool-operating-margin-2024-calendar');
  });
});
