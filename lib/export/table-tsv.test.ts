import { describe, expect, it } from 'vitest';
import { tableTsv } from './table-tsv';
import type { ChartTable } from './table';

const TABLE: ChartTable = {
  columns: [
    { label: 'Layer', kind: 'text' },
    { label: 'Company', kind: 'text' },
    { label: 'Attributed revenue', kind: 'usdMillions' },
    { label: 'Share of layer', kind: 'ratio' },
  ],
  rows: [
    ['Chips', 'NVIDIA', 60_922.123456, 0.4312],
    ['Chips', 'Others (12)', 1_234_567.5, null],
  ],
};

describe('tableTsv', () => {
  it('writes a header with units, then a row per line, cells split by tabs', () => {
    expect(tableTsv(TABLE)).toBe(
      'Layer\tCompany\tAttributed revenue (USD millions)\tShare of layer (fraction, 0.25 = 25%)\r\n' +
        'Chips\tNVIDIA\t60922.123456\t0.4312\r\n' +
        'Chips\tOthers (12)\t1234567.5\t\r\n',
    );
  });

  it('keeps numbers unrounded and without thousands separators, so a spreadsheet reads them as numbers', () => {
    const [, row] = tableTsv(TABLE).split('\r\n');
    expect(row!.split('\t')[2]).toBe('60922.123456');
    expect(tableTsv({ ...TABLE, rows: [['A', 'B', -0.000001, 1]] })).toContain('\t-0.000001\t1\r\n');
  });

  it('keeps a tab or line break inside a text from splitting the cell or the row', () => {
    const text = tableTsv({ ...TABLE, rows: [['Chips', 'Tab\there\r\nand a line', 1, null]] });
    expect(text.split('\r\n')[1]).toBe('Chips\tTab here and a line\t1\t');
    expect(text.split('\r\n')).toHaveLength(3);
  });

  it('guards a text that a spreadsheet would run as a formula', () => {
    expect(tableTsv({ ...TABLE, rows: [['=SUM(A1)', '@x', 1, null]] }).split('\r\n')[1]).toBe("'=SUM(A1)\t'@x\t1\t");
  });
});
