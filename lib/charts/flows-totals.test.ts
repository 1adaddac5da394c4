import { describe, expect, it } from 'vitest';
import { exportBaseName } from '../export/file-name';
import { GROSS_NET_COLOURS, grossNetChart } from './flows-gross-net';
import { topFlowsChart } from './flows-top';
import { valueAddedChart } from './flows-value-added';
import { layerColour } from './palette';
import { FILTERS, flowsAnswer } from './test-answers';

/** Pools: chips 600, execution 2,000, application 5,000. Execution pays chips 400; application pays execution 100. */
const ANSWER = flowsAnswer({
  pools: { chips: 600, execution: 2000, application: 5000 },
  matrix: [
    { from: 'execution', to: 'chips', value: 400, flows: 2 },
    { from: 'application', to: 'execution', value: 100, flows: 1 },
  ],
  top: [
    {
      id: 'f1',
      payer: { id: 'cloud', name: 'Cloud' },
      payerLayer: 'execution',
      payee: { id: 'gpu', name: 'GPU Co' },
      payeeLayer: 'chips',
      value: 300,
      kind: 'estimate',
    },
    {
      id: 'f2',
      payer: { id: 'apps', name: 'Apps' },
      payerLayer: 'application',
      payee: { id: 'cloud', name: 'Cloud' },
      payeeLayer: 'execution',
      value: 100,
      kind: 'reported',
    },
  ],
});

describe('grossNetChart', () => {
  it('steps from gross through the known double counting to net', () => {
    const chart = grossNetChart(ANSWER, FILTERS);
    expect(chart.rows).toEqual([
      { step: 'Gross', base: 0, value: 7600, colour: GROSS_NET_COLOURS.gross, share: 1 },
      { step: 'Known double counting', base: 7100, value: 500, colour: GROSS_NET_COLOURS.internal, share: 500 / 7600 },
      { step: 'Net', base: 0, value: 7100, colour: GROSS_NET_COLOURS.net, share: 7100 / 7600 },
    ]);
    expect(chart.table.rows).toEqual([
      ['Gross', 7600, 1],
      ['Known double counting', 500, 500 / 7600],
      ['Net', 7100, 7100 / 7600],
    ]);
    expect(exportBaseName(chart.exportAs.name)).toBe('stacklens-flows-gross-net-revenue-2024-calendar-portfolio');
    expect(chart.coverageUnit).toBe('flows');
  });

  it('draws nothing without flows and says how to add them', () => {
    expect(grossNetChart(flowsAnswer({ pools: { chips: 1 } }), FILTERS).empty).toMatch(
      /^No flows between tracked companies for 2024/,
    );
    expect(grossNetChart(undefined, FILTERS).rows).toEqual([]);
  });
});

describe('valueAddedChart', () => {
  it('puts each layer’s retained revenue beside its pool, application on top', () => {
    const { rows, table } = valueAddedChart(ANSWER, FILTERS);
    expect(rows.map((r) => [r.layer, r.pool, r.retained, r.kept])).toEqual([
      ['6 Application', 5000, 4900, 0.98],
      ['5 Execution', 2000, 1600, 0.8],
      ['4 Models', 0, 0, null],
      ['3 Data', 0, 0, null],
      ['2 Chips', 600, 600, 1],
      ['1 Infrastructure', 0, 0, null],
    ]);
    expect(rows[0]!.colour).toBe(layerColour('application'));
    // The table runs in stack order, like the API.
    expect(table.rows[4]).toEqual(['Execution', 2000, 400, 1600, 0.8]);
  });
});

describe('topFlowsChart', () => {
  it('bars the top flows, labelled payer → payee and coloured by payer layer', () => {
    const chart = topFlowsChart(ANSWER, FILTERS);
    expect(chart.rows.map((r) => [r.label, r.value, r.colour])).toEqual([
      ['Cloud → GPU Co', 300, layerColour('execution')],
      ['Apps → Cloud', 100, layerColour('application')],
    ]);
    expect(chart.table.rows[0]).toEqual(['Cloud', 'Execution', 'GPU Co', 'Chips', 300, 'estimate']);
    expect(chart.description).toBe(
      "The largest known flows between tracked companies (2 of 3), in USD, coloured by the payer's layer.",
    );
  });
});
