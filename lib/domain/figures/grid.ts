import { KINDS, METRICS, type Kind, type Metric } from './types';

/** One editable row of the figures grid: a metric in one kind. */
export interface GridRow {
  metric: Metric;
  kind: Kind;
}

/** One column: a fiscal year's full year (quarter null) or one of its quarters. */
export interface GridColumn {
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4 | null;
}

export const GRID_ROWS: readonly GridRow[] = METRICS.flatMap((metric) => KINDS.map((kind) => ({ metric, kind })));

/** Full years only, or each year as Q1–Q4 followed by its full year. */
export function gridColumns(years: readonly number[], quarters: boolean): GridColumn[] {
  return years.flatMap((fiscalYear) =>
    quarters ? ([1, 2, 3, 4, null] as const).map((quarter) => ({ fiscalYear, quarter })) : [{ fiscalYear, quarter: null }],
  );
}

export function cellKey(row: GridRow, column: GridColumn): string {
  return `${column.fiscalYear}|${column.quarter ?? 'FY'}|${row.metric}|${row.kind}`;
}

/**
 * The months a fiscal year covers, e.g. FY2024 ending in January is "Feb 2023 – Jan 2024" (docs/data-contract.md §2: the fiscal
 * year is named by the calendar year in which it ends).
 */
export function fiscalPeriodLabel(fiscalYear: number, yearEndMonth: number, quarter: 1 | 2 | 3 | 4 | null): string {
  const month = (index: number) =>
    new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(fiscalYear, index, 1)),
    );
  // Month indexes relative to January of the fiscal year's end; the year starts 11 months before it ends.
  const start = yearEndMonth - 12 + (quarter ? (quarter - 1) * 3 : 0);
  const end = quarter ? start + 2 : yearEndMonth - 1;
  return `${month(start)} – ${month(end)}`;
}

/**
 * A block copied from Excel or Google Sheets: rows split on line breaks, cells on tabs. The trailing line break
 * spreadsheets add is dropped; a cell with a quoted line break is not expected in a block of numbers.
 */
export function splitPastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}

export type PastedNumber = { ok: true; value: string | null } | { ok: false; reason: string };

/**
 * A pasted cell as a decimal string in millions: spreadsheet display forms are accepted (thousands separators,
 * a leading currency sign, accounting negatives in parentheses, a Unicode minus); blank is null (left as is).
 * Decimal commas are not guessed: `1.234,5` is refused rather than read wrongly.
 */
export function readPastedNumber(cell: string): PastedNumber {
  let text = cell.trim().replace(/[\u00a0\u202f ]/g, '');
  if (text === '' || text === '-' || text === '—') return { ok: true, value: null };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (/^[-\u2212]/.test(text)) {
    negative = !negative;
    text = text.slice(1);
  }
  text = text.replace(/^[$€£¥]/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, reason: `“${cell.trim()}” is not a number` };
  const [whole = '0', fraction = ''] = text.split('.');
  const trimmedFraction = fraction.replace(/0+$/, '');
  if (trimmedFraction.length > 6) return { ok: false, reason: `“${cell.trim()}” has more than 6 decimals` };
  const digits = `${whole.replace(/^0+(?=\d)/, '')}${trimmedFraction ? `.${trimmedFraction}` : ''}`;
  return { ok: true, value: negative && digits !== '0' ? `-${digits}` : digits };
}
