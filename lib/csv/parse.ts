import { CsvError, parse } from 'csv-parse/sync';
import { caseFold } from '@/lib/domain/case-fold';
import type { CsvIssue } from '@/lib/errors';
import { unguardText } from './formula-guard';

export type { CsvIssue };

/** One data record: its physical start line (the header is line 1) and its cells keyed by header column. */
export type CsvRow = { line: number; cells: Record<string, string | null> };
export type CsvParseResult = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; issues: CsvIssue[] };

type RawRecord = { line: number; cells: (string | null)[] };

/**
 * Reads a CSV file per docs/data-contract.md §6. The header is matched case-insensitively against `columns` and reported under
 * those canonical names. Cells are trimmed, an empty cell is null, and one leading `'` (the export's
 * formula guard) is stripped from every cell: the parser cannot tell text from number columns, so a `'`
 * before a number is accepted too, and number columns are validated by the caller. Records whose cells are
 * all empty (blank lines, `,,,`) are skipped. Never throws on bad input: problems come back as issues.
 */
export function parseCsv(text: string, options: { columns: readonly string[]; required?: readonly string[] }): CsvParseResult {
  const known = new Map(options.columns.map((c) => [caseFold(c), c]));
  const read = readRecords(text);
  if (!read.ok) {
    // The header, when it was read, names the cell where csv-parse stopped.
    const name = read.fieldIndex === null ? null : read.records[0]?.cells[read.fieldIndex];
    const column = name ? (known.get(caseFold(name)) ?? name) : null;
    return { ok: false, issues: [{ line: read.line, column, message: read.message }] };
  }
  const [headerRecord, ...records] = read.records;
  if (!headerRecord)
    return {
      ok: false,
      issues: [{ line: 1, column: null, message: `the file is empty: expected a header row with ${options.columns.join(', ')}` }],
    };

  const headerResult = readHeader(headerRecord, known, options);
  if (!headerResult.ok) return headerResult;
  const { header } = headerResult;

  const issues: CsvIssue[] = [];
  const rows: CsvRow[] = [];
  for (const { line, cells } of records) {
    if (cells.length > header.length) {
      issues.push({ line, column: null, message: `the row has ${cells.length} cells but the header has ${header.length}` });
      continue;
    }
    const named: Record<string, string | null> = {};
    header.forEach((column, i) => (named[column] = cells[i] ?? null));
    rows.push({ line, cells: named });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, header, rows };
}

function readHeader(
  { line, cells }: RawRecord,
  known: ReadonlyMap<string, string>,
  options: { columns: readonly string[]; required?: readonly string[] },
): { ok: true; header: string[] } | { ok: false; issues: CsvIssue[] } {
  const issues: CsvIssue[] = [];
  const header: string[] = [];
  cells.forEach((cell, i) => {
    const column = cell === null ? undefined : known.get(caseFold(cell));
    if (cell === null) issues.push({ line, column: null, message: `column ${i + 1} of the header has no name` });
    else if (column === undefined)
      issues.push({ line, column: cell, message: `unknown column "${cell}", expected one of ${options.columns.join(', ')}` });
    else if (header.includes(column))
      issues.push({ line, column, message: `column "${column}" appears more than once in the header` });
    else header.push(column);
  });
  for (const column of options.required ?? []) {
    if (!header.includes(column))
      issues.push({ line, column, message: `the required column "${column}" is missing from the header` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, header };
}

function cleanCell(value: string): string | null {
  const cell = unguardText(value.trim());
  return cell === '' ? null : cell;
}

type ReadResult =
  | { ok: true; records: RawRecord[] }
  /** The file is malformed: where csv-parse stopped, and the records read before. */
  | { ok: false; records: RawRecord[]; line: number; fieldIndex: number | null; message: string };

/** Every non-blank record with its physical start line, or where and why csv-parse could not read the file. */
function readRecords(text: string): ReadResult {
  const startLine = lineTracker(new TextEncoder().encode(text));
  const records: RawRecord[] = [];
  let end = 0;
  try {
    parse(text, {
      bom: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record, { bytes }) => {
        const line = startLine(end);
        end = bytes;
        const cells = record.map(cleanCell);
        if (cells.some((c) => c !== null)) records.push({ line, cells });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const fieldIndex = typeof error.index === 'number' ? error.index : null;
    return { ok: false, records, line: startLine(end), fieldIndex, message: malformedMessage(error) };
  }
  return { ok: true, records };
}

function malformedMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed: add the missing closing double quote (")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'text follows the closing double quote of a quoted cell: write a double quote inside a quoted cell as ""';
    case 'INVALID_OPENING_QUOTE':
      return 'a double quote inside an unquoted cell: put the whole cell in double quotes and write each quote inside it as ""';
    default:
      return `the file cannot be read as CSV: ${error.message}`;
  }
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * Maps the UTF-8 byte offset where a record ended (csv-parse's `info.bytes`, which counts the BOM) to the
 * physical line where the next record starts, skipping the blank lines before it. CRLF, LF and a lone CR each
 * end one line, also inside quoted cells. Offsets must not decrease, which keeps 10,000 rows linear; csv-parse's
 * own `info.lines` counts a quoted CRLF twice, hence this.
 */
function lineTracker(bytes: Uint8Array): (recordEnd: number) => number {
  let pos = 0;
  let line = 1;
  const step = () => {
    const byte = bytes[pos];
    if (byte === CR || byte === LF) line++;
    pos += byte === CR && bytes[pos + 1] === LF ? 2 : 1;
  };
  return (recordEnd) => {
    while (pos < recordEnd) step();
    while (pos < bytes.length && (bytes[pos] === CR || bytes[pos] === LF)) step();
    return line;
  };
}
