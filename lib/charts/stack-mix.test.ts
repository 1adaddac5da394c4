import { describe, expect, it } from 'vitest';
import { exportBaseName } from '../export/file-name';
import { LAYERS } from '../domain/layers';
import { stackMixChart } from './stack-mix';
import { FILTERS, coverage, profitabilityAnswer } from './test-answers';

/** Revenue splits 40/60; no company has capex; the application's operating loss is drawn as 0. */
const ANSWER = profitabilityAnswer(
  {
    infrastructure: { revenue: 400, operatingIncome: 100 },
    chips: { revenue: 600, operatingIncome: 200 },
    application: { operatingIncome: -50 },
  },
  { coverage: { ...profitabilityAnswer({}).coverage, capex: coverage(0, ['Fab'], 'capex'), operatingIncome: coverage(3) } },
);

describe('stackMixChart', () => {
  it('draws each metric as a 100% bar of the positive pools, or says why it cannot', () => {
    const [revenue, capex, operatingIncome] = stackMixChart(ANSWER, FILTERS).rows;
    expect([revenue!.total, revenue!.shares?.infrastructure, revenue!.shares?.chips, revenue!.notDrawn]).toEqual([
      1000,
      0.4,
      0.6,
      null,
    ]);
    expect([capex!.shares, capex!.notDrawn]).toEqual([null, 'no company has capex']);
    expect(operatingIncome!.total).toBe(250);
    expect(operatingIncome!.clamped).toEqual(['application']);
    expect([operatingIncome!.shares?.chips, operatingIncome!.shares?.application]).toEqual([2 / 3, 0]);
  });

  it('notes each bar’s coverage, the empty bar and the loss drawn as 0', () => {
    expect(stackMixChart(ANSWER, FILTERS).note).toBe(
      "Stack totals are gross: one layer's revenue is often another's spend. Each bar covers the companies with that metric (capex: 0 companies, 1 missing; operating income: 3 companies, 0 missing). The capex bar is empty: no company has capex, so it has no shares to draw. Operating income: a negative pool cannot be drawn as a share, so Application −$50.0M is drawn as 0 and the bar splits the positive layers' total.",
    );
  });

  it('tables every layer of every metric with its pool and drawn share', () => {
    const { table } = stackMixChart(ANSWER, FILTERS);
    expect(table.columns.map((c) => c.label)).toEqual(['Metric', 'Layer', 'Pool', 'Share of stack total (as drawn)']);
    expect(table.rows).toHaveLength(21);
    expect(table.rows[1]).toEqual(['Revenue', 'Chips', 600, 0.6]);
    expect(table.rows[6]).toEqual(['Revenue', 'Stack total (gross)', 1000, 1]);
    expect(table.rows[7]).toEqual(['Capex', 'Infrastructure', 0, null]);
    expect(table.rows[19]).toEqual(['Operating income', 'Application', -50, 0]);
  });

  it('exports with every layer in its legend and each metric’s coverage', () => {
    const { exportAs } = stackMixChart(ANSWER, FILTERS);
    expect(exportBaseName(exportAs.name)).toBe('stacklens-stack-mix-all-metrics-2024-calendar-portfolio');
    expect(exportAs.legend?.map((l) => l.label)).toEqual([
      '1 Infrastructure',
      '2 Chips',
      '3 Data',
      '4 Models',
      '5 Execution',
      '6 Application',
    ]);
    expect(exportAs.coverages?.map((c) => [c.label, c.coverage.included])).toEqual([
      ['Revenue', 2],
      ['Capex', 0],
      ['Operating income', 3],
    ]);
  });
});

describe('stackMixChart native chart', () => {
  it('is PowerPoint’s 100% bars of the drawn shares, a layer per series in its colour; an empty bar stays empty', () => {
    const native = stackMixChart(ANSWER, FILTERS).exportAs.native;
    if (native?.kind !== 'percentStackedBars') throw new Error(`expected 100% bars, got ${native?.kind}`);
    expect(native.categories).toEqual(['Revenue', 'Capex', 'Operating income']);
    expect(native.series.map((s) => [s.name, s.colour])).toEqual(LAYERS.map((l) => [`${l.position} ${l.name}`, l.colour]));
    const values = Object.fromEntries(native.series.map((s) => [s.name, s.values]));
    // Revenue 400 / 600 of 1,000; no capex; operating income 100 / 200 of the positive 300, the loss drawn as 0.
    expect(values['1 Infrastructure']).toEqual([0.4, null, 100 / 300]);
    expect(values['2 Chips']).toEqual([0.6, null, 200 / 300]);
    expect(values['6 Application']).toEqual([0, null, 0]);
    expect(native.valueAxis).toEqual({ title: 'Share of the stack total (%)', format: '0%' });
    expect(native.valueLabels).toBe('0%;-0%;;');
  });

  it('has none when there is nothing to draw', () => {
    const none = profitabilityAnswer(
      {},
      { coverage: { ...ANSWER.coverage, revenue: coverage(0), operatingIncome: coverage(0) } },
    );
    expect(stackMixChart(none, FILTERS).exportAs.native).toBeUndefined();
  });
});
