import { describe, expect, it } from 'vitest';
import { exportBaseName } from '../export/file-name';
import { END_CUSTOMERS, flowsSankeyChart, MIN_LINK_SHARE } from './flows-sankey';
import { layerColour, PALETTE } from './palette';
import { FILTERS, flowsAnswer } from './test-answers';

/**
 * Worked by hand. Pools: infrastructure 1,000, chips 600, execution 2,000, application 5,000; data and models none.
 * Execution pays chips 400 (2 flows) and infrastructure 300; application pays execution 1 (a sliver). Chips' 400
 * are all paid to companies with revenue; of infrastructure's 300, only 200 (its payee of the other 100 has no
 * revenue for the year), so infrastructure's height (external 800 + 300) is 1,100, not its pool.
 */
const ANSWER = flowsAnswer({
  pools: { infrastructure: 1000, chips: 600, execution: 2000, application: 5000 },
  matrix: [
    { from: 'execution', to: 'infrastructure', value: 300, flows: 1 },
    { from: 'execution', to: 'chips', value: 400, flows: 2 },
    { from: 'application', to: 'execution', value: 1, flows: 1 },
  ],
  inflow: { infrastructure: 200 },
  missing: [{ payer: 'Cloud', payee: 'Fab', currency: 'TWD' }],
  estimated: true,
});

describe('flowsSankeyChart', () => {
  it('keeps stack order, application on top, end customers first, and leaves empty nodes out', () => {
    const { nodes } = flowsSankeyChart(ANSWER, FILTERS);
    expect(nodes.map((n) => [n.side, n.name])).toEqual([
      ['payer', END_CUSTOMERS],
      ['payer', '6 Application'],
      ['payer', '5 Execution'],
      ['payee', '6 Application'],
      ['payee', '5 Execution'],
      ['payee', '2 Chips'],
      ['payee', '1 Infrastructure'],
    ]);
    expect(nodes.map((n) => n.colour)).toEqual([
      PALETTE.outside,
      layerColour('application'),
      layerColour('execution'),
      layerColour('application'),
      layerColour('execution'),
      layerColour('chips'),
      layerColour('infrastructure'),
    ]);
  });

  it('links the matrix cells and each layer’s external revenue, coloured by payer, small ones at a minimum width', () => {
    const { nodes, links, details } = flowsSankeyChart(ANSWER, FILTERS);
    const named = links.map((l) => [nodes[l.source]!.name, nodes[l.target]!.name, l.value]);
    // The taller column: payees 5,000 + 2,000 (1,999 + 1) + 600 + 1,100 = 8,700.
    const least = 8700 * MIN_LINK_SHARE;
    // The grey external links first, so the coloured ones lie on top.
    expect(named).toEqual([
      [END_CUSTOMERS, '1 Infrastructure', 800],
      [END_CUSTOMERS, '2 Chips', 200],
      [END_CUSTOMERS, '5 Execution', 1999],
      [END_CUSTOMERS, '6 Application', 5000],
      ['5 Execution', '1 Infrastructure', 300],
      ['5 Execution', '2 Chips', 400],
      ['6 Application', '5 Execution', least],
    ]);
    expect(details['application>execution']).toMatchObject({ value: 1, flows: 1, share: 1 / 2000 });
    expect(details['execution>chips']).toMatchObject({
      value: 400,
      flows: 2,
      share: 400 / 600,
      colour: layerColour('execution'),
    });
    expect(details['external>chips']).toMatchObject({ value: 200, flows: null, share: 200 / 600, colour: PALETTE.outside });
  });

  it('says for a payee whether its height is its pool', () => {
    const { nodes } = flowsSankeyChart(ANSWER, FILTERS);
    const payee = (name: string) => nodes.find((n) => n.side === 'payee' && n.name === name)!;
    expect(payee('2 Chips').lines).toEqual([
      'Revenue pool P(L): $600.0M',
      'From end customers and untracked payers: $200.0M',
      'Known inflows from companies with revenue: $400.0M',
      'Height equals P(L)',
    ]);
    expect(payee('1 Infrastructure').lines.at(-1)).toBe(
      'Height $1.1B, not P(L): $100.0M of its flows go to companies with no revenue for 2024',
    );
    expect(payee('1 Infrastructure').total).toBe(1100);
  });

  it('draws an inconsistent layer’s external revenue at 0 and names the layer in a note', () => {
    const answer = flowsAnswer({
      pools: { chips: 300, execution: 2000 },
      matrix: [{ from: 'execution', to: 'chips', value: 400, flows: 1 }],
    });
    const chart = flowsSankeyChart(answer, FILTERS);
    expect(chart.inconsistent).toEqual(['Chips']);
    expect(chart.note).toContain(
      "Chips: known inflows exceed the layer's revenue pool, so its link from end customers is drawn at 0",
    );
    expect(chart.links.map((l) => l.cell)).toEqual(['external>execution', 'execution>chips']);
    // The table keeps the true, negative external value.
    expect(chart.table.rows).toContainEqual([END_CUSTOMERS, 'Chips', -100, null, -100 / 300]);
    const chips = chart.nodes.find((n) => n.side === 'payee' && n.layer === 'chips')!;
    expect(chips.lines.at(-1)).toBe('Height $400.0M: known inflows exceed P(L), so it is not P(L)');
    expect(chart.matrix.rows[0]!.cells.find((c) => c?.to === 'chips')).toMatchObject({ value: -100 });
  });

  it('tables the same numbers as a matrix, payers down and payee layers across', () => {
    const { matrix } = flowsSankeyChart(ANSWER, FILTERS);
    expect(matrix.columns.map((c) => [c.label, c.pool])).toEqual([
      ['6 Application', 5000],
      ['5 Execution', 2000],
      ['4 Models', 0],
      ['3 Data', 0],
      ['2 Chips', 600],
      ['1 Infrastructure', 1000],
    ]);
    expect(matrix.rows.map((r) => [r.payer, r.total])).toEqual([
      [END_CUSTOMERS, 7999],
      ['6 Application', 1],
      ['5 Execution', 700],
      ['4 Models', 0],
      ['3 Data', 0],
      ['2 Chips', 0],
      ['1 Infrastructure', 0],
    ]);
    expect(matrix.rows[2]!.cells.map((c) => c?.value ?? null)).toEqual([null, null, null, null, 400, 300]);
  });

  it('frames itself: coverage in flows, estimates, exports on calendar years whatever the basis', () => {
    const chart = flowsSankeyChart(ANSWER, { ...FILTERS, basis: 'fiscal' });
    expect(chart.coverage).toEqual({
      included: 4,
      missing: [{ id: 'missing-0', name: 'Cloud → Fab', code: 'no_fx_rate', reason: 'no TWD rate for 2024' }],
      missingCount: 1,
    });
    expect(chart.coverageUnit).toBe('flows');
    expect(chart.estimated).toBe(true);
    expect(exportBaseName(chart.exportAs.name)).toBe('stacklens-flows-sankey-revenue-2024-calendar-portfolio');
    expect(chart.exportAs.subtitle).toBe('Revenue flows · 2024 · calendar years · list “Portfolio”');
    expect(chart.exportAs.coverages?.map((c) => [c.label, c.unit, c.coverage.included])).toEqual([
      ['Flows', 'flows', 4],
      ['Revenue pools', undefined, 5],
    ]);
    expect(chart.table.rows[0]).toEqual(['Execution', 'Infrastructure', 300, 1, 0.3]);
    expect(chart.empty).toBeNull();
    expect(chart.note).toContain('tooltips and the matrix give true values');
    expect(chart.exportAs.note).toContain('the CSV and the data slide give true values');
  });

  it('says how to add flows when there are none, and has a title while loading', () => {
    const none = flowsSankeyChart(flowsAnswer({ pools: { chips: 600 } }), FILTERS);
    expect(none.empty).toBe(
      'No flows between tracked companies for 2024 in this set. Add flows on the Import / export page (flows.csv) or on a company page (Customers and suppliers).',
    );
    const loading = flowsSankeyChart(undefined, FILTERS);
    expect([loading.title, loading.nodes, loading.links, loading.empty]).toEqual([
      'Who pays whom down the stack, 2024',
      [],
      [],
      null,
    ]);
  });
});
