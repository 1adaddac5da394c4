import { stringify } from 'csv-stringify/sync';
import { guardText } from './formula-guard';

export type CsvCell = string | number | null | undefined;

/**
 * Writes a CSV file per SPEC §6: a UTF-8 BOM (so Excel reads the file as UTF-8; parseCsv ignores it), a header
 * row, RFC 4180 quoting and CRLF line endings. Null and undefined become empty cells. Text cells go through the
 * formula guard; JS numbers and every cell of `numberColumns` (decimal strings such as `-5`) are written as is.
 */
export function toCsv(
  columns: readonly string[],
  rows: readonly Record<string, CsvCell>[],
  options?: { numberColumns?: readonly string[] },
): string {
  const numberColumns = new Set(options?.numberColumns);
  const cell = (value: CsvCell, column: string): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number' || numberColumns.has(column)) return String(value);
    return guardText(value);
  };
  const records = rows.map((row) => columns.map((column) => cell(row[column], column)));
  // csv-stringify quotes only the record delimiter itself (CRLF), so a lone LF or CR in a cell needs quoted_match.
  return stringify([[...columns], ...records], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
