import { describe, expect, it } from 'vitest';
import { exportBaseName } from '../export/file-name';
import { layerColour, PALETTE } from './palette';
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
    expect(exportBaseName(exportAs.name)).toBe('stacklens-profit-pool-operating-margin-2024-calendar-portfolio');
  });
});

describe('profitPoolChart coverage per layer', () => {
  const labs = ['Anthropic', 'Mistral AI', 'OpenAI', 'xAI'];
  const both = (included: number, missing: string[] = []) => ({
    revenueAndCapex: coverage(included),
    revenueAndOperatingIncome: coverage(included, missing, 'operating income'),
  });
  const answer = profitabilityAnswer({
    chips: { revenueShare: 0.6, operatingMargin: 0.5, companies: 4, coverage: both(4) },
    models: { revenueShare: 0.4, operatingMargin: 0.3, companies: 2, coverage: both(2, labs) },
  });

  it('greys a layer under 80% of its companies and names the missing ones', () => {
    const chart = profitPoolChart(answer, FILTERS);
    expect(chart.bars.map((b) => [b.label, b.low, b.colour])).toEqual([
      ['2 Chips', false, layerColour('chips')],
      ['4 Models', true, PALETTE.greyed],
    ]);
    expect(chart.note).toContain(
      "Greyed, under 80% of the layer's companies having revenue and operating income: 4 Models, 2 of 6 (missing Anthropic, Mistral AI, OpenAI and 1 more).",
    );
    expect(chart.exportAs.legend?.at(-1)?.label).toBe('Layer with under 80% of its companies covered');
  });
});
