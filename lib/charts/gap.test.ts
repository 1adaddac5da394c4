import { describe, expect, it } from 'vitest';
import type { GapAnswer, GapYear } from '../analytics/query';
import { exportBaseName } from '../export/file-name';
import { GAP_SERIES, gapChart } from './gap';
import { AS_OF, FILTERS, coverage } from './test-answers';

const year = (y: number, chips: number, application: number): GapYear => ({
  year: y,
  chips,
  required: chips / 0.5 / 0.5,
  application,
  gap: chips / 0.5 / 0.5 - application,
  estimated: false,
  coverage: { chips: coverage(chips ? 2 : 0, ['Fab']), application: coverage(application ? 1 : 0) },
});

const ANSWER: GapAnswer = {
  basis: 'calendar',
  currency: 'USD',
  asOf: AS_OF,
  g: 0.5,
  m: 0.5,
  years: [year(2023, 0, 0), year(2024, 500, 300)],
};
const FILTERS_WITH_LIST = { ...FILTERS, chipsList: 'Fabs' };

describe('gapChart', () => {
  it('plots required against actual from the first year with data', () => {
    const chart = gapChart(ANSWER, FILTERS_WITH_LIST);
    expect(chart.rows.map((y) => [y.year, y.required, y.application, y.gap])).toEqual([[2024, 2_000, 300, 1_700]]);
    expect(chart.selected?.year).toBe(2024);
    expect(chart.title).toBe('Required-revenue gap, 2024 (illustrative)');
    expect(chart.table.rows).toEqual([[2024, 500, 2_000, 300, 1_700, 2, 1, 1, 0]]);
    expect(chart.table.columns).toHaveLength(9);
  });

  it('states its assumptions and both inputs’ coverage in its exports', () => {
    const { exportAs } = gapChart(ANSWER, FILTERS_WITH_LIST);
    expect(exportBaseName(exportAs.name)).toBe('stacklens-gap-revenue-2024-calendar');
    expect(exportAs.subtitle).toBe(
      'Revenue · 2024 · calendar years · list “Portfolio” · g = 0.5 · m = 0.5 · chips revenue of list “Fabs”',
    );
    expect(exportAs.legend).toEqual([
      { label: 'Required application revenue', colour: GAP_SERIES.required.colour },
      { label: 'Application revenue (actual)', colour: GAP_SERIES.application.colour },
      { label: 'Gap (required − actual)', colour: GAP_SERIES.gap.colour, mark: 'line' },
    ]);
    expect(exportAs.coverages?.map((c) => c.label)).toEqual(['Chips on “Fabs” in 2024', 'Application in 2024']);
  });
});
