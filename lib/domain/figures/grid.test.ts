import { describe, expect, it } from 'vitest';
import { cellKey, fiscalPeriodLabel, GRID_ROWS, gridColumns, readPastedNumber, splitPastedBlock } from './grid';

describe('figures grid model', () => {
  it('has a reported and an estimate row for each metric, and years or quarters as columns', () => {
    expect(GRID_ROWS.map((r) => `${r.metric}/${r.kind}`)).toEqual([
      'revenue/reported',
      'revenue/estimate',
      'capex/reported',
      'capex/estimate',
      'operating_income/reported',
      'operating_income/estimate',
    ]);
    expect(gridColumns([2024, 2025], false)).toEqual([
      { fiscalYear: 2024, quarter: null },
      { fiscalYear: 2025, quarter: null },
    ]);
    expect(gridColumns([2024], true).map((c) => c.quarter)).toEqual([1, 2, 3, 4, null]);
    expect(cellKey(GRID_ROWS[1]!, { fiscalYear: 2024, quarter: 3 })).toBe('2024|3|revenue|estimate');
  });

  it('names the months a fiscal year and its quarters cover', () => {
    expect(fiscalPeriodLabel(2024, 12, null)).toBe('Jan 2024 – Dec 2024');
    expect(fiscalPeriodLabel(2025, 1, null)).toBe('Feb 2024 – Jan 2025');
    expect(fiscalPeriodLabel(2024, 6, null)).toBe('Jul 2023 – Jun 2024');
    expect(fiscalPeriodLabel(2024, 6, 1)).toBe('Jul 2023 – Sep 2023');
    expect(fiscalPeriodLabel(2024, 6, 4)).toBe('Apr 2024 – Jun 2024');
    expect(fiscalPeriodLabel(2024, 9, 2)).toBe('Jan 2024 – Mar 2024');
  });
});

describe('pasting from a spreadsheet', () => {
  it('splits a block on line breaks and tabs, dropping the trailing line break', () => {
    expect(splitPastedBlock('1\t2\t3\r\n4\t\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '', '6'],
    ]);
    expect(splitPastedBlock('42')).toEqual([['42']]);
  });

  it.each([
    ['60922', '60922'],
    ['60,922.50', '60922.5'],
    [' 1,234,567.000001 ', '1234567.000001'],
    ['(1,234.5)', '-1234.5'],
    ['−12', '-12'],
    ['-0', '0'],
    ['$1,000', '1000'],
    ['€ 7.25', '7.25'],
    ['007.10', '7.1'],
    ['', null],
    ['  ', null],
  ])('reads %j as %j', (cell, value) => {
    expect(readPastedNumber(cell)).toEqual({ ok: true, value });
  });

  it.each([
    ['abc', '“abc” is not a number'],
    ['1.234,5', '“1.234,5” is not a number'],
    ['12,34', '“12,34” is not a number'],
    ['1.1234567', '“1.1234567” has more than 6 decimals'],
    ['1e6', '“1e6” is not a number'],
  ])('refuses %j', (cell, reason) => {
    expect(readPastedNumber(cell)).toEqual({ ok: false, reason });
  });
});
