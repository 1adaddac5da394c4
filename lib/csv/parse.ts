import { CsvError, parse } from 'csv-parse';
import { caseFold } from '@/lib/domain/case-fold';
import type { CsvIssue } from '@/lib/errors';
import { yieldToEventLoop } from '../server/event-loop';
import { unguardText } from './formula-guard';
import type { CsvIssues } from './issues';

export type { CsvIssue };

/** One data record: its physical start line (the header is line 1) and its cells keyed by header column. */
export type CsvRow = { line: number; cells: Record<string, string | null> };

export interface CsvReadOptions {
  columns: readonly string[];
  required?: readonly string[];
}

type RawRecord = { line: number; cells: (string | null)[] };

/** How much of the file the parser takes between two turns of the event loop. */
const SLICE_BYTES = 32 * 1024;

/**
 * Reads a CSV file per docs/data-contract.md §6, in slices: the parser takes 32 kB, each record of it goes through
 * `readRow` (which validates it and adds its problems to `issues`), and the event loop gets a turn before the
 * next slice, so a 20 MB import never holds other requests for more than a slice's work. Returns the header and
 * what `readRow` returned for the rows it accepted (null = rejected).
 *
 * The header is matched case-insensitively against `columns` and reported under those canonical names. Cells are
 * trimmed, an empty cell is null, and one leading `'` (the export's formula guard) is stripped from every cell: the
 * parser cannot tell text from number columns, so a `'` before a number is accepted too, and number columns are
 * validated by `readRow`. Records whose cells are all empty (blank lines, `,,,`) are skipped. A file that cannot
 * be read as a whole (an empty file, a bad header, a malformed record) throws the rejection with the issues found
 * so far; otherwise problems stay in `issues` for the caller to add to and throw.
 */
export async function readCsv<T>(
  text: string,
  options: CsvReadOptions,
  issues: CsvIssues,
  readRow: (row: CsvRow) => T | null,
): Promise<{ header: string[]; rows: T[] }> {
  const known = new Map(options.columns.map((c) => [caseFold(c), c]));
  const bytes = new TextEncoder().encode(text);
  const startLine = lineTracker(bytes);
  let end = 0;
  let pending: RawRecord[] = [];
  const parser = parse({
    bom: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    on_record: (record: string[], { bytes: recordEnd }) => {
      const line = startLine(end);
      end = recordEnd;
      const cells = record.map(cleanCell);
      if (cells.some((c) => c !== null)) pending.push({ line, cells });
      return null; // kept in `pending`, not queued on the stream
    },
  });
  let failure: unknown = null;
  parser.on('error', (error) => (failure = error));
  let header: string[] | null = null;
  let headerCells: (string | null)[] = [];
  const rows: T[] = [];

  const take = () => {
    for (const record of pending) {
      if (header === null) {
        headerCells = record.cells;
        header = readHeader(record, known, options, issues);
        continue;
      }
      if (record.cells.length > header.length) {
        issues.add({
          line: record.line,
          column: null,
          message: `the row has ${record.cells.length} cells but the header has ${header.length}`,
        });
        continue;
      }
      const named: Record<string, string | null> = {};
      header.forEach((column, i) => (named[column] = record.cells[i] ?? null));
      const read = readRow({ line: record.line, cells: named });
      if (read !== null) rows.push(read);
    }
    pending = [];
  };

  try {
    for (let offset = 0; offset < bytes.length && failure === null; offset += SLICE_BYTES) {
      parser.write(bytes.subarray(offset, offset + SLICE_BYTES)); // parses synchronously; an error comes as an event
      take();
      await yieldToEventLoop();
    }
    if (failure === null) await endOf(parser);
    take();
  } catch (error) {
    failure = error;
  }
  if (failure !== null) {
    if (!(failure instanceof CsvError)) throw failure;
    // The header, when it was read, names the cell where csv-parse stopped.
    const name = typeof failure.index === 'number' ? headerCells[failure.index] : null;
    const column = name ? (known.get(caseFold(name)) ?? name) : null;
    issues.add({ line: startLine(end), column, message: malformedMessage(failure) });
    throw issues.rejection();
  }
  if (header === null) {
    issues.add({ line: 1, column: null, message: `the file is empty: expected a header row with ${options.columns.join(', ')}` });
    throw issues.rejection();
  }
  return { header, rows };
}

/** The canonical header; a bad one adds its problems to `issues` and stops the import at once. */
function readHeader(
  { line, cells }: RawRecord,
  known: ReadonlyMap<string, string>,
  options: CsvReadOptions,
  issues: CsvIssues,
): string[] {
  const before = issues.count;
  const separator = otherSeparator(cells, known);
  if (separator) {
    issues.add({
      line,
      column: null,
      message: `the file is separated by ${separator}, not commas: save it as "CSV UTF-8 (comma delimited)" (a spreadsheet set to a language that writes decimal commas uses semicolons)`,
    });
    throw issues.rejection();
  }
  const header: string[] = [];
  cells.forEach((cell, i) => {
    const column = cell === null ? undefined : known.get(caseFold(cell));
    if (cell === null) issues.add({ line, column: null, message: `column ${i + 1} of the header has no name` });
    else if (column === undefined)
      issues.add({ line, column: cell, message: `unknown column "${cell}", expected one of ${options.columns.join(', ')}` });
    else if (header.includes(column))
      issues.add({ line, column, message: `column "${column}" appears more than once in the header` });
    else header.push(column);
  });
  for (const column of options.required ?? []) {
    if (!header.includes(column))
      issues.add({ line, column, message: `the required column "${column}" is missing from the header` });
  }
  if (issues.count > before) throw issues.rejection();
  return header;
}

/** A header read as one cell that splits on semicolons or tabs into known columns: the file uses that separator. */
function otherSeparator(cells: readonly (string | null)[], known: ReadonlyMap<string, string>): string | null {
  const [only] = cells;
  if (cells.length !== 1 || !only) return null;
  for (const [mark, name] of [
    [';', 'semicolons'],
    ['\t', 'tabs'],
  ] as const) {
    const parts = only.split(mark);
    if (parts.length > 1 && parts.some((p) => known.has(caseFold(p.replace(/^"|"$/g, ''))))) return name;
  }
  return null;
}

/** Ends the parser's input; resolves once the last record is read, rejects with the parser's error. */
function endOf(parser: ReturnType<typeof parse>): Promise<void> {
  return new Promise((resolve, reject) => {
    parser.once('finish', resolve);
    parser.once('error', reject);
    parser.end();
  });
}

function cleanCell(value: string): string | null {
  const cell = unguardText(value.trim());
  return cell === '' ? null : cell;
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
