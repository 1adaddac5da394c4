import { describe, expect, it } from 'vitest';
import { CsvIssues } from './issues';
import { readCsv } from './parse';
import { toCsv } from './write';

const BOM = '\uFEFF';

describe('toCsv', () => {
  it('writes a BOM, a header row and CRLF line endings; null and undefined are empty cells', () => {
    expect(
      toCsv(
        ['name', 'ticker', 'country'],
        [
          { name: 'Nvidia', ticker: null },
          { name: 'TSMC', ticker: 'TSM', country: 'TW' },
        ],
      ),
    ).toBe(`${BOM}name,ticker,country\r\nNvidia,,\r\nTSMC,TSM,TW\r\n`);
  });

  it('writes only the given columns, in their order', () => {
    expect(toCsv(['ticker', 'name'], [{ name: 'Acme', ticker: 'A', extra: 'x' }])).toBe(`${BOM}ticker,name\r\nA,Acme\r\n`);
  });

  it('quotes commas, double quotes and newlines (RFC 4180)', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [{ a: 'Acme, Inc.', b: 'say "hi"', c: 'one\ntwo', d: 'one\r\ntwo' }])).toBe(
      `${BOM}a,b,c,d\r\n"Acme, Inc.","say ""hi""","one\ntwo","one\r\ntwo"\r\n`,
    );
  });

  it('guards text cells that a spreadsheet would read as a formula', () => {
    const row = { a: '=HYPERLINK("x")', b: '+1', c: '-5 dash', d: '@handle', e: "'quoted" };
    expect(toCsv(['a', 'b', 'c', 'd', 'e'], [row])).toBe(
      `${BOM}a,b,c,d,e\r\n"'=HYPERLINK(""x"")",'+1,'-5 dash,'@handle,''quoted\r\n`,
    );
  });

  it('never prefixes numbers: JS numbers, and any cell of a number column', () => {
    const rows = [{ name: '-5', value: '-5', count: -3, text: -2.5 }];
    expect(toCsv(['name', 'value', 'count', 'text'], rows, { numberColumns: ['value', 'count'] })).toBe(
      `${BOM}name,value,count,text\r\n'-5,-5,-3,-2.5\r\n`,
    );
  });

  it('reads back through readCsv to the same cells', async () => {
    const columns = ['name', 'description', 'value'];
    const rows = [
      { name: "Société d'Agents", description: 'Multi-line,\r\nwith "quotes"', value: '-0.25' },
      { name: '=cmd', description: "'already quoted", value: '60922.5' },
      { name: '株式会社', description: null, value: null },
      { name: '@handle', description: '-dash\nand LF', value: '+7' },
    ];
    const issues = new CsvIssues();
    const result = await readCsv(toCsv(columns, rows, { numberColumns: ['value'] }), { columns }, issues, (row) => row);
    expect(issues.count).toBe(0);
    expect(result).toEqual({ header: columns, rows: rows.map((cells, i) => ({ line: [2, 4, 5, 6][i], cells })) });
  });
});
