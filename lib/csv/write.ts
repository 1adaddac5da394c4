import { csvCell, csvText, type CsvCell } from './serialize';

export type { CsvCell };

/**
 * Writes a CSV file per docs/data-contract.md §6: a header row, then one record per row in the order of `columns`. Text cells go
 * through the formula guard; JS numbers and every cell of `numberColumns` (decimal strings such as `-5`) are
 * written as is; see csvText for the BOM, quoting and line endings.
 */
export function toCsv(
  columns: readonly string[],
  rows: readonly Record<string, CsvCell>[],
  options?: { numberColumns?: readonly string[] },
): string {
  const numberColumns = new Set(options?.numberColumns);
  const records = rows.map((row) => columns.map((column) => csvCell(row[column], numberColumns.has(column))));
  return csvText([[...columns], ...records]);
}
