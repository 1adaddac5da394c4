import { guardText } from './formula-guard';

export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';
/** RFC 4180: a field with a comma, a double quote or a line break is quoted, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;

const quoted = (field: string) => (NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

/**
 * One cell as written (docs/data-contract.md §6): null and undefined are empty; numbers, and text that a column declares a number
 * (a decimal string such as `-5`), are written as is; any other text goes through the formula guard.
 */
export function csvCell(value: CsvCell, isNumber = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || isNumber) return String(value);
  return guardText(value);
}

/**
 * Records of already-written cells as a CSV file: a UTF-8 BOM (so Excel reads UTF-8), RFC 4180 quoting and CRLF
 * line endings; an empty record is a blank line. No Node import, so the browser's chart export uses it too.
 */
export function csvText(records: readonly (readonly string[])[]): string {
  return BOM + records.map((record) => `${record.map(quoted).join(',')}\r\n`).join('');
}
