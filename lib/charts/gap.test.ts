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
  // Chips 4 of 5 reported: at the 80% threshold, so not faded.
  coverage: { chips: coverage(chips ? 4 : 0, ['Fab']), application: coverage(application ? 1 : 0) },
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
    expect(chart.table.rows).toEqual([[2024, 500, 2_000, 300, 1_700, 4, 1, 1, 0]]);
    expect(chart.table.columns).toHaveLength(9);
  });

  it('states its assumptions and both inputs’ coverage in its exports', () => {
    const { exportAs } = gapChart(ANSWER, FILTERS_WITH_LIST);
    expect(exportBaseName(exportAs.name)).toBe('stacklens-gap-revenue-2024-calendar-portfolio-g0.5-m0.5');
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

describe('gapChart coverage marks', () => {
  const partial = (y: number, chips: number, application: number, reported: number): GapYear => ({
    ...year(y, chips, application),
    coverage: { chips: coverage(reported, ['Fab', 'Memory', 'Foundry']), application: coverage(5) },
  });
  const answer: GapAnswer = { ...ANSWER, years: [partial(2024, 500, 300, 12), partial(2025, 100, 300, 1)] };

  it('never draws a year under 80% as complete: its gap leaves the solid line for a dashed one from the year before', () => {
    const chart = gapChart(answer, FILTERS);
    expect(chart.rows.map((r) => [r.year, r.low, r.gapComplete, r.gapThin])).toEqual([
      [2024, false, 1_700, 1_700],
      [2025, true, null, 100],
    ]);
    expect(chart.note).toContain('Faded, the gap dashed: 2025 (chips 1 of 4, application 5 of 5 reported)');
    expect(chart.exportAs.legend?.map((l) => l.label)).toContain('Gap in such a year');
    expect(chart.exportAs.yearCoverage).toBe(
      'Chips companies reported: 2024: 12 of 15, 2025: 1 of 4; application companies: 2024–2025: 5 of 5',
    );
  });

  it('in like-for-like fades nothing and says how many companies each year sums', () => {
    const chart = gapChart({ ...answer, likeForLike: { companies: 9, of: 41 } }, FILTERS);
    expect(chart.rows.map((r) => r.low)).toEqual([false, false]);
    expect(chart.rows[1]!.gapComplete).toBe(100);
    expect(chart.title).toBe('Required-revenue gap, 2024–2025 (illustrative, like-for-like)');
    expect(chart.exportAs.yearCoverage).toBe('Like-for-like: the 9 of 41 companies with revenue in every year plotted');
  });
});

describe('gapChart native chart', () => {
  it('is PowerPoint’s columns of required and actual revenue and a line of the gap, the answer’s USD millions', () => {
    const native = gapChart({ ...ANSWER, years: [year(2023, 400, 900), year(2024, 500, 300)] }, FILTERS).exportAs.native;
    if (native?.kind !== 'columnsAndLine') throw new Error(`expected columns and a line, got ${native?.kind}`);
    expect(native.categories).toEqual(['2023', '2024']);
    expect(native.columns).toEqual([
      { ...GAP_SERIES.required, values: [1_600, 2_000] },
      { ...GAP_SERIES.application, values: [900, 300] },
    ]);
    expect(native.line).toEqual({ ...GAP_SERIES.gap, values: [700, 1_700] });
    expect(native.valueAxis).toEqual({ title: 'Revenue ($B)', format: '#,##0.0,', min: 0, max: 2_000, step: 500 });
  });

  it('stays a picture when a year is under 80%, since a native line cannot be dashed in part', () => {
    const native = gapChart(
      {
        ...ANSWER,
        years: [
          year(2024, 500, 300),
          { ...year(2025, 100, 300), coverage: { ...year(2025, 1, 1).coverage, chips: coverage(1, ['Fab', 'Memory']) } },
        ],
      },
      FILTERS,
    ).exportAs.native;
    expect(native).toBeUndefined();
  });
});
