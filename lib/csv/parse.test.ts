import { describe, expect, it } from 'vitest';
import { CsvRejectedError, type CsvIssue } from '../errors';
import { CsvIssues } from './issues';
import { readCsv, type CsvReadOptions, type CsvRow } from './parse';

const columns = ['name', 'ticker', 'country', 'description'];
const options = { columns, required: ['name'] };

type CsvParseResult = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; issues: CsvIssue[] };

/** The file read with every row accepted: its header and rows, or the problems it was rejected for. */
async function parseCsv(text: string, options: CsvReadOptions): Promise<CsvParseResult> {
  const issues = new CsvIssues();
  try {
    const { header, rows } = await readCsv(text, options, issues, (row) => row);
    return issues.count > 0 ? { ok: false, issues: issues.rejection().issues } : { ok: true, header, rows };
  } catch (error) {
    if (error instanceof CsvRejectedError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** The rows of a result that must be ok, to keep the assertions short. */
function rowsOf(result: CsvParseResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues)}`);
  return result.rows;
}

describe('parseCsv: cells', () => {
  it('keys cells by header column, trims them and makes empty cells null', async () => {
    const result = await parseCsv('name,ticker,country\n  Nvidia , NVDA ,\nTSMC,,TW\n', options);
    expect(result).toEqual({
      ok: true,
      header: ['name', 'ticker', 'country'],
      rows: [
        { line: 2, cells: { name: 'Nvidia', ticker: 'NVDA', country: null } },
        { line: 3, cells: { name: 'TSMC', ticker: null, country: 'TW' } },
      ],
    });
  });

  it('reads commas, doubled quotes and trims inside quoted cells', async () => {
    const rows = rowsOf(await parseCsv('name,description\n"Acme, Inc.","He said ""hi"""\n" Spaced ",  "a, b"  \n', options));
    expect(rows.map((r) => r.cells)).toEqual([
      { name: 'Acme, Inc.', description: 'He said "hi"' },
      { name: 'Spaced', description: 'a, b' },
    ]);
  });

  it('reads UTF-8 names', async () => {
    const rows = rowsOf(await parseCsv("name,country\nSociété d'Agents,FR\n株式会社,JP\n", options));
    expect(rows.map((r) => r.cells.name)).toEqual(["Société d'Agents", '株式会社']);
  });

  it("strips one leading ' (the export's formula guard) from every cell", async () => {
    const rows = rowsOf(await parseCsv("name,ticker,description\n'=SUM(A1),'-5,''quoted\n'@x,',\n", options));
    expect(rows.map((r) => r.cells)).toEqual([
      { name: '=SUM(A1)', ticker: '-5', description: "'quoted" },
      { name: '@x', ticker: null, description: null },
    ]);
  });

  it('fills missing trailing cells with null', async () => {
    const rows = rowsOf(await parseCsv('name,ticker,country\nAcme\nBeta,B\n', options));
    expect(rows.map((r) => r.cells)).toEqual([
      { name: 'Acme', ticker: null, country: null },
      { name: 'Beta', ticker: 'B', country: null },
    ]);
  });

  it('reports a row with more cells than the header, with its line', async () => {
    expect(await parseCsv('name,ticker\nAcme,A\nBeta,B,extra\nGamma,G,,\n', options)).toEqual({
      ok: false,
      issues: [
        { line: 3, column: null, message: 'the row has 3 cells but the header has 2' },
        { line: 4, column: null, message: 'the row has 4 cells but the header has 2' },
      ],
    });
  });
});

describe('parseCsv: line numbers', () => {
  const multiLine = (eol: string) => ['name,description', '"Acme","first', 'second"', 'Beta,b', ''].join(eol);

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('gives each record its physical start line with %s endings, after a quoted newline', async (_label, eol) => {
    const rows = rowsOf(await parseCsv(multiLine(eol), options));
    expect(rows).toEqual([
      { line: 2, cells: { name: 'Acme', description: `first${eol}second` } },
      { line: 4, cells: { name: 'Beta', description: 'b' } },
    ]);
  });

  it('ignores a BOM and keeps the header on line 1', async () => {
    const result = await parseCsv('\uFEFFname,ticker\r\nAcme,"A\r\nB"\r\nBeta,B\r\n', options);
    expect(result.ok && result.header).toEqual(['name', 'ticker']);
    expect(rowsOf(result).map((r) => r.line)).toEqual([2, 4]);
  });

  it('skips blank lines, and lines of only spaces or commas, but counts them', async () => {
    const rows = rowsOf(await parseCsv('\nname,ticker\n\nAcme,A\r\n   \r\n , \n\nBeta,B\n\n', options));
    expect(rows.map((r) => [r.line, r.cells.name])).toEqual([
      [4, 'Acme'],
      [8, 'Beta'],
    ]);
  });

  it('counts a quoted lone CR or several quoted newlines', async () => {
    const rows = rowsOf(await parseCsv('name,description\rA,"x\ry"\rB,"1\n\n3"\rC,c', options));
    expect(rows.map((r) => r.line)).toEqual([2, 4, 7]);
  });

  it('reads 10,000 rows', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `Company ${i},T${i},US,"line one\nline two, ""quoted"""`);
    const rows = rowsOf(await parseCsv(['name,ticker,country,description', ...lines].join('\r\n'), options));
    expect(rows).toHaveLength(10_000);
    expect(rows.at(-1)).toEqual({
      line: 1 + 2 * 9_999 + 1,
      cells: { name: 'Company 9999', ticker: 'T9999', country: 'US', description: 'line one\nline two, "quoted"' },
    });
  });
});

describe('parseCsv: header', () => {
  it('matches header names case-insensitively, trimmed, and reports them as the canonical columns', async () => {
    const result = await parseCsv(' NAME ,Ticker\nAcme,A\n', options);
    expect(result).toEqual({ ok: true, header: ['name', 'ticker'], rows: [{ line: 2, cells: { name: 'Acme', ticker: 'A' } }] });
  });

  it('accepts a header with no rows', async () => {
    expect(await parseCsv('name,ticker\r\n', options)).toEqual({ ok: true, header: ['name', 'ticker'], rows: [] });
  });

  it('reports unknown, duplicated, unnamed and missing required columns on line 1', async () => {
    expect(await parseCsv('ticker,Ticker,sector,\nA,A,x,\n', options)).toEqual({
      ok: false,
      issues: [
        { line: 1, column: 'ticker', message: 'column "ticker" appears more than once in the header' },
        { line: 1, column: 'sector', message: 'unknown column "sector", expected one of name, ticker, country, description' },
        { line: 1, column: null, message: 'column 4 of the header has no name' },
        { line: 1, column: 'name', message: 'the required column "name" is missing from the header' },
      ],
    });
  });

  it('says a file is separated by semicolons or tabs rather than listing its header as one unknown column', async () => {
    const message = (separator: string) =>
      `the file is separated by ${separator}, not commas: save it as "CSV UTF-8 (comma delimited)" (a spreadsheet set to a language that writes decimal commas uses semicolons)`;
    expect(await parseCsv('name;ticker;country\nNVIDIA;NVDA;US\n', options)).toEqual({
      ok: false,
      issues: [{ line: 1, column: null, message: message('semicolons') }],
    });
    expect(await parseCsv('Name\tTicker\nNVIDIA\tNVDA\n', options)).toEqual({
      ok: false,
      issues: [{ line: 1, column: null, message: message('tabs') }],
    });
    // A lone column whose name has a semicolon but names nothing known is just an unknown column.
    expect(await parseCsv('a;b\n1\n', options)).toMatchObject({ ok: false, issues: [{ column: 'a;b' }, { column: 'name' }] });
  });

  it('reports an empty file, or one with only a BOM and blank lines', async () => {
    const empty = {
      ok: false,
      issues: [
        { line: 1, column: null, message: 'the file is empty: expected a header row with name, ticker, country, description' },
      ],
    };
    expect(await parseCsv('', options)).toEqual(empty);
    expect(await parseCsv('\uFEFF\r\n\r\n', options)).toEqual(empty);
  });
});

describe('parseCsv: malformed files', () => {
  it('reports an unterminated quote at the line where its record starts, without throwing', async () => {
    expect(await parseCsv('name,description\nAcme,ok\r\nBeta,"never closed\r\nGamma,g\r\n', options)).toEqual({
      ok: false,
      issues: [
        { line: 3, column: 'description', message: 'a quoted cell is never closed: add the missing closing double quote (")' },
      ],
    });
  });

  it('reports text after a closing quote', async () => {
    expect(await parseCsv('name,description\n"A\nB",x\n"Acme"Inc,y\n', options)).toEqual({
      ok: false,
      issues: [
        {
          line: 4,
          column: 'name',
          message: 'text follows the closing double quote of a quoted cell: write a double quote inside a quoted cell as ""',
        },
      ],
    });
  });

  it('reports a quote inside an unquoted cell', async () => {
    const result = await parseCsv('name,description\nAcme,the "best" one\n', options);
    expect(result).toMatchObject({ ok: false, issues: [{ line: 2, column: 'description' }] });
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(/^a double quote inside an unquoted cell/);
  });

  it('reports a malformed header with no column', async () => {
    expect(await parseCsv('name,"desc\n', options)).toMatchObject({ ok: false, issues: [{ line: 1, column: null }] });
  });
});
