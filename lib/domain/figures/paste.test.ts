import { describe, expect, it } from 'vitest';
import { gridColumns, splitPastedBlock, type GridColumn } from './grid';
import { planPaste, readMetricLabel, readPeriodLabel, type PastePlan, type PasteRequest } from './paste';
import type { Kind, Metric } from './types';

const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];
const yearColumns = gridColumns(YEARS, false);
const quarterColumns = gridColumns(YEARS, true);
const fy = (fiscalYear: number, quarter: GridColumn['quarter'] = null): GridColumn => ({ fiscalYear, quarter });

function plan(text: string, over: Partial<PasteRequest> = {}): PastePlan {
  return planPaste({
    block: splitPastedBlock(text),
    anchor: { metric: 'revenue', column: fy(2022) },
    columns: yearColumns,
    kind: 'reported',
    ...over,
  });
}

/** The plan's cells as "Capex reported FY2023 = 950" lines, in block order. */
function targets(result: PastePlan): string[] {
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.cells.map(
    (c) => `${c.metric} ${c.kind} ${c.column.quarter ? `Q${c.column.quarter} ` : ''}FY${c.column.fiscalYear} = ${c.value}`,
  );
}

function errors(result: PastePlan): string[] {
  if (result.ok) throw new Error(`expected errors, planned ${result.summary}`);
  return result.errors;
}

const ISSUE_BLOCK = '1,000\t1,100\t1,210\t1,331\r\n900\t950\t1,000\t1,050\r\n120.5\t130\t(12)\t150\r\n';

describe('planning a paste into the figures grid', () => {
  it('fills the reported rows of three metrics from Revenue FY2022, skipping the estimate rows (issue 18)', () => {
    const result = plan(ISSUE_BLOCK);
    expect(result.ok && result.summary).toBe('12 values into Revenue, Capex, Operating income × FY2022–FY2025 (reported)');
    expect(targets(result)).toEqual([
      'revenue reported FY2022 = 1000',
      'revenue reported FY2023 = 1100',
      'revenue reported FY2024 = 1210',
      'revenue reported FY2025 = 1331',
      'capex reported FY2022 = 900',
      'capex reported FY2023 = 950',
      'capex reported FY2024 = 1000',
      'capex reported FY2025 = 1050',
      'operating_income reported FY2022 = 120.5',
      'operating_income reported FY2023 = 130',
      'operating_income reported FY2024 = -12',
      'operating_income reported FY2025 = 150',
    ]);
  });

  it('fills the estimate rows when the paste targets estimates, whichever row is selected', () => {
    const result = plan('5\t6\n7\t8', { kind: 'estimate', anchor: { metric: 'capex', column: fy(2025) } });
    expect(result.ok && result.summary).toBe('4 values into Capex, Operating income × FY2025–FY2026 (estimate)');
    expect(targets(result)).toEqual([
      'capex estimate FY2025 = 5',
      'capex estimate FY2026 = 6',
      'operating_income estimate FY2025 = 7',
      'operating_income estimate FY2026 = 8',
    ]);
  });

  it('leaves blank cells as they are and counts only the values', () => {
    const result = plan('1\t\t3\n\t\t');
    expect(targets(result)).toEqual(['revenue reported FY2022 = 1', 'revenue reported FY2024 = 3']);
    expect(result.ok && result.summary).toBe('2 values into Revenue × FY2022, FY2024 (reported)');
    expect(errors(plan('\t\n'))).toEqual(['The pasted block holds no values.']);
  });

  it('matches a block with a label column and a header row by its labels, not its position', () => {
    // Rows out of the grid's order, years from a header; the selected cell does not matter.
    const text = 'USD m\tFY2024\t2023\nOperating income\t-5\t7\nRevenue (estimate)\t100\t90\nCapex\t3\t2\n';
    const result = plan(text, { anchor: { metric: 'capex', column: fy(2021) } });
    expect(targets(result)).toEqual([
      'operating_income reported FY2024 = -5',
      'operating_income reported FY2023 = 7',
      'revenue estimate FY2024 = 100',
      'revenue estimate FY2023 = 90',
      'capex reported FY2024 = 3',
      'capex reported FY2023 = 2',
    ]);
    expect(result.ok && result.summary).toBe(
      '6 values into Revenue, Capex, Operating income × FY2023–FY2024 (reported and estimate)',
    );
  });

  it('reads labels copied from the grid itself: a metric, then "estimate" under it', () => {
    const result = plan('Revenue\t1\t2\nestimate\t3\t4\nCapex\t5\t6', { anchor: { metric: 'revenue', column: fy(2025) } });
    expect(targets(result)).toEqual([
      'revenue reported FY2025 = 1',
      'revenue reported FY2026 = 2',
      'revenue estimate FY2025 = 3',
      'revenue estimate FY2026 = 4',
      'capex reported FY2025 = 5',
      'capex reported FY2026 = 6',
    ]);
  });

  it('takes a header row alone: rows by position from the selected metric, columns by label', () => {
    expect(targets(plan('FY2026\tFY2021\n1\t2\n3\t4', { anchor: { metric: 'capex', column: fy(2023) } }))).toEqual([
      'capex reported FY2026 = 1',
      'capex reported FY2021 = 2',
      'operating_income reported FY2026 = 3',
      'operating_income reported FY2021 = 4',
    ]);
    // An "E" on a year targets the estimate row of that column.
    expect(targets(plan('2024A\t2025E\n10\t11'))).toEqual(['revenue reported FY2024 = 10', 'revenue estimate FY2025 = 11']);
  });

  it('takes bare years as a header only when they rise one by one (otherwise they are revenue)', () => {
    expect(targets(plan('2023\t2024\n1\t2'))).toEqual(['revenue reported FY2023 = 1', 'revenue reported FY2024 = 2']);
    expect(targets(plan('2024\t2023\n1\t2'))).toEqual([
      'revenue reported FY2022 = 2024',
      'revenue reported FY2023 = 2023',
      'capex reported FY2022 = 1',
      'capex reported FY2023 = 2',
    ]);
    // One row is never a header: it is the values.
    expect(targets(plan('2023\t2024'))).toEqual(['revenue reported FY2022 = 2023', 'revenue reported FY2023 = 2024']);
  });

  it('fills Q1–Q4 in the quarter view, skipping each year’s full-year column', () => {
    const at = (quarter: GridColumn['quarter']) => ({
      columns: quarterColumns,
      anchor: { metric: 'revenue' as Metric, column: fy(2023, quarter) },
    });
    const four = plan('10\t20\t30\t40', at(1));
    expect(targets(four)).toEqual([
      'revenue reported Q1 FY2023 = 10',
      'revenue reported Q2 FY2023 = 20',
      'revenue reported Q3 FY2023 = 30',
      'revenue reported Q4 FY2023 = 40',
    ]);
    expect(four.ok && four.summary).toBe('4 values into Revenue × Q1–Q4 FY2023 (reported)');
    const across = plan('1\t2\t3', at(3));
    expect(targets(across)).toEqual([
      'revenue reported Q3 FY2023 = 1',
      'revenue reported Q4 FY2023 = 2',
      'revenue reported Q1 FY2024 = 3',
    ]);
    expect(across.ok && across.summary).toBe('3 values into Revenue × Q3 FY2023–Q1 FY2024 (reported)');
    // From a full-year column the block walks full years.
    expect(targets(plan('1\t2', at(null)))).toEqual(['revenue reported FY2023 = 1', 'revenue reported FY2024 = 2']);
    // Quarter labels without a year are the selected year's.
    expect(targets(plan('Q4\tQ2\n4\t2', at(1)))).toEqual(['revenue reported Q4 FY2023 = 4', 'revenue reported Q2 FY2023 = 2']);
  });

  it('names the pasted cell in each error and plans nothing when any cell is bad', () => {
    expect(errors(plan('1\t2\t3\t4\n-5\t6\tn/a\t8\n-9\t10\t11\t12'))).toEqual([
      'Row 2, column 1 (Capex FY2022): Revenue and capex cannot be negative',
      'Row 2, column 3 (Capex FY2024): “n/a” is not a number',
    ]);
    expect(errors(plan('1\n2\n3\n4', { anchor: { metric: 'capex', column: fy(2022) } }))).toEqual([
      'Row 3: the grid has no metric below Operating income',
      'Row 4: the grid has no metric below Operating income',
    ]);
    expect(errors(plan('1\t2\t3', { anchor: { metric: 'revenue', column: fy(2025) } }))).toEqual([
      'Column 3: the grid has no year right of FY2026',
    ]);
    expect(errors(plan('\tFY2023\nEBITDA\t1\nRevenue\t1e3'))).toEqual([
      'Row 2, column 1: “EBITDA” is not a metric (Revenue, Capex and Operating income)',
      'Row 3, column 2 (Revenue FY2023): “1e3” is not a number',
    ]);
    expect(errors(plan('\tFY2031\tQ1 FY2023\tFY2023\nRevenue\t1\t2\t3\nrevenue\t4\t5\t6'))).toEqual([
      'Row 1, column 2: FY2031 is not a column of the grid',
      'Row 1, column 3: Q1 FY2023 is a quarter; tick Show quarters first',
      'Row 3, column 4 (Revenue FY2023): the same cell as row 2, column 4',
    ]);
    expect(errors(plan('\tFY2023E\nRevenue reported\t1'))).toEqual([
      'Row 2, column 2: its row is labelled reported but its column estimate',
    ]);
    expect(errors(plan('1234567890123'))).toEqual([
      'Row 1, column 1 (Revenue FY2022): value has at most 12 digits before the decimal point',
    ]);
  });
});

describe('paste labels', () => {
  it.each<[string, { metric: Metric | null; kind: Kind | null } | null]>([
    ['Revenue', { metric: 'revenue', kind: null }],
    ['  net sales ', { metric: 'revenue', kind: null }],
    ['Capex (est.)', { metric: 'capex', kind: 'estimate' }],
    ['Operating income (loss)', { metric: 'operating_income', kind: null }],
    ['Operating profit, reported', { metric: 'operating_income', kind: 'reported' }],
    ['estimate', { metric: null, kind: 'estimate' }],
    ['EBITDA', null],
    ['Revenue estimate reported', null],
    ['', null],
  ])('reads the row label %j', (text, expected) => {
    expect(readMetricLabel(text)).toEqual(expected);
  });

  it.each([
    ['FY2023', { fiscalYear: 2023, quarter: null, kind: null, marked: true }],
    ['2023', { fiscalYear: 2023, quarter: null, kind: null, marked: false }],
    ['FY 2025E', { fiscalYear: 2025, quarter: null, kind: 'estimate', marked: true }],
    ['Q1 FY2023', { fiscalYear: 2023, quarter: 1, kind: null, marked: true }],
    ['2024 Q3', { fiscalYear: 2024, quarter: 3, kind: null, marked: true }],
    ['q2', { fiscalYear: null, quarter: 2, kind: null, marked: true }],
    ['Q5 2023', null],
    ['1850', null],
    ['FY23', null],
  ])('reads the column label %j', (text, expected) => {
    expect(readPeriodLabel(text)).toEqual(expected);
  });
});
