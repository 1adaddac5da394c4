import { describe, expect, it } from 'vitest';
import { countCsvRecords, decodeCsvFile } from './file';

describe('decodeCsvFile', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name\nSociété\n')]);
    expect(decodeCsvFile(bytes)).toEqual({ ok: true, text: 'name\nSociété\n' });
  });

  it('refuses Windows-1252 and names the line of the first byte that is not UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('name\r\nAlpha\r\nSoci'), 0xe9, 0x74, 0xe9, 0x0a]);
    expect(decodeCsvFile(bytes)).toEqual({
      ok: false,
      issue: { line: 3, column: null, message: 'the file is not UTF-8 text: save it as "CSV UTF-8" and import it again' },
    });
  });

  it('names a spreadsheet workbook', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(decodeCsvFile(xlsx)).toMatchObject({
      ok: false,
      issue: { line: 1, message: expect.stringContaining('spreadsheet workbook') },
    });
  });
});

describe('countCsvRecords', () => {
  it('counts data records, not the header, blank lines or line breaks inside quotes', () => {
    expect(countCsvRecords('')).toBe(0);
    expect(countCsvRecords('name,ticker\n')).toBe(0);
    expect(countCsvRecords('name,ticker\nA,1\r\nB,2')).toBe(2);
    expect(countCsvRecords('name,description\n"A","two\nlines, and ""quotes"""\n\n,,\nB,x\n')).toBe(2);
  });
});
