import { formatPercent, formatSignedPercent, formatUsdMillions } from '../format';

/**
 * What a column of a chart's plotted numbers holds. The kind decides the unit in the headers and how the on-screen
 * table shows a value; the CSV always writes the number itself, unrounded, as the API answered it.
 */
export type ColumnKind = 'text' | 'year' | 'usdMillions' | 'ratio' | 'growth' | 'hhi' | 'count' | 'decimal';

export interface TableColumn {
  /** The quantity, without its unit: "Attributed revenue", "Share of layer". */
  label: string;
  kind: ColumnKind;
}

export type TableCell = string | number | null;

/** The numbers a chart plots, one row per mark: the "View data" table and the CSV. */
export interface ChartTable {
  columns: TableColumn[];
  rows: TableCell[][];
}

const CSV_UNITS: Partial<Record<ColumnKind, string>> = {
  usdMillions: 'USD millions',
  ratio: 'fraction, 0.25 = 25%',
  growth: 'fraction, 0.25 = +25%',
  hhi: '0–10,000',
};

/** The CSV header: the label with its unit, so a number in the file says what it measures. */
export function csvHeader({ label, kind }: TableColumn): string {
  const unit = CSV_UNITS[kind];
  return unit ? `${label} (${unit})` : label;
}

/** The header for reading: only USD in exact millions needs its unit there; other cells carry theirs ($B, %). */
export function displayHeader({ label, kind }: TableColumn, style: 'table' | 'slide' = 'table'): string {
  return kind === 'usdMillions' && style === 'table' ? `${label} (USD m)` : label;
}

/** USD millions on screen: thousands separated, to a tenth of a million (the CSV keeps every decimal). */
const millions = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const count = new Intl.NumberFormat('en-US');

/**
 * A cell for reading: on screen (`table`, USD in millions with thousands separators, as the header says) or on a
 * slide (`slide`, USD as $B/$M). A missing number is an em dash.
 */
export function displayCell(cell: TableCell, kind: ColumnKind, style: 'table' | 'slide' = 'table'): string | number {
  if (typeof cell !== 'number') return cell ?? '—';
  switch (kind) {
    case 'usdMillions':
      return style === 'slide' ? formatUsdMillions(cell) : millions.format(cell).replace('-', '−');
    case 'count':
      return count.format(cell);
    case 'ratio':
      return formatPercent(cell);
    case 'growth':
      return formatSignedPercent(cell);
    case 'hhi':
      return Math.round(cell);
    case 'decimal':
      return cell.toFixed(1);
    default:
      return cell;
  }
}
