import { guardText } from '../csv/formula-guard';
import { csvHeader, type ChartTable, type TableCell } from './table';

/**
 * A cell as pasted. Numbers go unrounded and without thousands separators, as in the CSV: Excel reads a pasted
 * cell with the reader's locale, and "1,234.5" is a number only where the comma groups thousands (it turns into
 * text, or 1.2345, where the comma is the decimal mark), while plain digits with a dot are what every spreadsheet
 * reads as a number in an English locale and what the CSV already writes. A tab or line break inside a text would
 * start a new cell or row, so it becomes a space; a text that looks like a formula gets the CSV's guard.
 */
function tsvCell(cell: TableCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return guardText(cell.replace(/[\t\r\n]+/g, ' '));
}

/**
 * The chart's plotted numbers as tab-separated values for the clipboard: one header row with units (as the CSV's),
 * then a row per table row. Excel, Numbers and Google Sheets paste it into cells.
 */
export function tableTsv(table: ChartTable): string {
  const header = table.columns.map((column) => tsvCell(csvHeader(column)));
  return [header, ...table.rows.map((row) => row.map(tsvCell))].map((cells) => `${cells.join('\t')}\r\n`).join('');
}
