import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from './serialize';

describe('csvCell', () => {
  it('writes numbers as is and guards text that a spreadsheet would run', () => {
    expect(csvCell(-0.125)).toBe('-0.125');
    expect(csvCell('-5', true)).toBe('-5');
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('csvText', () => {
  it('writes a BOM, RFC 4180 quoting and CRLF; an empty record is a blank line', () => {
    expect(csvText([['a', 'b, c'], [], ['say "hi"', 'one\ntwo']])).toBe('\uFEFFa,"b, c"\r\n\r\n"say ""hi""","one\ntwo"\r\n');
  });
});
