import { isYear } from '../year-range';
import { readPastedNumber, type GridColumn } from './grid';
import { figureValueProblem, mayBeNegative, NEGATIVE_MESSAGE } from './input';
import { METRIC_NAMES, METRICS, type Kind, type Metric } from './types';

/**
 * Where a block pasted into the figures grid goes, decided before anything is saved. The block's rows are the
 * metrics an analyst sees (Revenue, Capex, Operating income), in one kind — reported unless the paste targets
 * estimates — so the estimate row under each metric is never filled by position. Its columns are the periods
 * of the view: years, or in the quarter view the quarters (Q1–Q4, each year's full-year column skipped) when
 * the selected cell is a quarter. A first column of metric labels or a first row of period labels places the
 * values by label instead of position. Pure: block in, target cells or every problem out.
 */

export interface PasteRequest {
  /** The block as `splitPastedBlock` reads it: rows of cells. */
  block: readonly (readonly string[])[];
  /** The selected cell: its metric starts the rows, its column the periods. Its row's kind plays no part. */
  anchor: { metric: Metric; column: GridColumn };
  /** The grid's columns in screen order. */
  columns: readonly GridColumn[];
  /** The kind of the rows a label does not name ("Revenue estimate" or a "2025E" header does). */
  kind: Kind;
}

/** One value to store, and where it was in the block (1-based, labels counted). */
export interface PasteCell {
  metric: Metric;
  kind: Kind;
  column: GridColumn;
  value: string;
  blockRow: number;
  blockColumn: number;
}

export type PastePlan = { ok: true; cells: PasteCell[]; summary: string } | { ok: false; errors: string[] };

interface RowTarget {
  metric: Metric;
  kind: Kind | null;
}
interface ColumnTarget {
  column: GridColumn;
  kind: Kind | null;
}
type Found<T> = { ok: true; target: T } | { ok: false; error: string };

const METRIC_ALIASES: Readonly<Record<string, Metric>> = {
  revenue: 'revenue',
  revenues: 'revenue',
  sales: 'revenue',
  'net sales': 'revenue',
  'total revenue': 'revenue',
  capex: 'capex',
  'capital expenditure': 'capex',
  'capital expenditures': 'capex',
  'operating income': 'operating_income',
  'operating profit': 'operating_income',
  'operating income loss': 'operating_income',
  ebit: 'operating_income',
};
const KIND_WORDS: Readonly<Record<string, Kind>> = {
  estimate: 'estimate',
  estimates: 'estimate',
  estimated: 'estimate',
  est: 'estimate',
  reported: 'reported',
  actual: 'reported',
  actuals: 'reported',
};

/** "Operating income FY2023", "Revenue estimate Q1 FY2024": a target cell as the grid's labels name it. */
export function pasteCellName(metric: Metric, kind: Kind, column: GridColumn): string {
  return `${METRIC_NAMES[metric]}${kind === 'estimate' ? ' estimate' : ''} ${periodName(column)}`;
}

/** "FY2023" or "Q1 FY2023", as the grid's column headers read. */
export function periodName(column: GridColumn): string {
  return `${column.quarter ? `Q${column.quarter} ` : ''}FY${column.fiscalYear}`;
}

/** A row label: a metric, a kind, or both ("Capex", "estimate", "Revenue (estimate)"); null if it is neither. */
export function readMetricLabel(text: string): { metric: Metric | null; kind: Kind | null } | null {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const kinds = words.filter((w) => w in KIND_WORDS).map((w) => KIND_WORDS[w]!);
  const metric = METRIC_ALIASES[words.filter((w) => !(w in KIND_WORDS)).join(' ')] ?? null;
  const kind = kinds.length === 1 ? kinds[0]! : null;
  if (kinds.length > 1 || (!metric && !kind)) return null;
  return { metric, kind };
}

/** A column label: "FY2023", "2023", "Q1 FY2023", "2023 Q1", "Q2", with an optional E/A suffix ("2025E"). */
export function readPeriodLabel(
  text: string,
): { fiscalYear: number | null; quarter: GridColumn['quarter']; kind: Kind | null; marked: boolean } | null {
  const t = text.replace(/[\s'’]/g, '').toUpperCase();
  const match =
    /^(FY)?(\d{4})([EA])?$/.exec(t) ??
    /^Q([1-4])(FY)?(\d{4})([EA])?$/.exec(t) ??
    /^(FY)?(\d{4})Q([1-4])([EA])?$/.exec(t) ??
    /^Q([1-4])$/.exec(t);
  if (!match) return null;
  const [, a, b, c, d] = match;
  let fiscalYear: number | null;
  let quarter: number | null;
  let suffix: string | undefined;
  if (t.startsWith('Q')) {
    quarter = Number(a);
    fiscalYear = c ? Number(c) : null;
    suffix = d;
  } else if (c && /^[1-4]$/.test(c)) {
    fiscalYear = Number(b);
    quarter = Number(c);
    suffix = d;
  } else {
    fiscalYear = Number(b);
    quarter = null;
    suffix = c;
  }
  if (fiscalYear !== null && !isYear(fiscalYear)) return null;
  return {
    fiscalYear,
    quarter: quarter as GridColumn['quarter'],
    kind: suffix === 'E' ? 'estimate' : suffix === 'A' ? 'reported' : null,
    // A bare "2023" might be a number; FY, a quarter or a suffix make it a label for sure.
    marked: t !== String(fiscalYear),
  };
}

const isBlank = (cell: string | undefined) => (cell ?? '').trim() === '';
const isNumber = (cell: string | undefined) => {
  const read = readPastedNumber(cell ?? '');
  return read.ok && read.value !== null;
};

/** A first column of labels: at least one metric label and no numbers (a blank corner or a unit is allowed). */
function hasLabelColumn(block: PasteRequest['block']): boolean {
  if (block.every((row) => row.length < 2)) return false;
  return block.some((row) => readMetricLabel(row[0] ?? '')?.metric) && !block.some((row) => isNumber(row[0]));
}

/**
 * A first row of period labels, above at least one row of values. Bare years ("2023 2024") count only when they
 * rise one by one, so a row of revenue that happens to look like years is not taken for a header.
 */
function hasHeaderRow(block: PasteRequest['block'], labelColumn: boolean): boolean {
  if (block.length < 2) return false;
  const first = block[0]!;
  if (labelColumn && readMetricLabel(first[0] ?? '')?.metric) return false;
  const cells = first.slice(labelColumn ? 1 : 0).filter((c) => !isBlank(c));
  const periods = cells.map(readPeriodLabel);
  if (periods.length === 0 || periods.some((p) => p === null)) return false;
  if (labelColumn || periods.some((p) => p!.marked)) return true;
  return periods.every((p, i) => i === 0 || p!.fiscalYear === periods[i - 1]!.fiscalYear! + 1);
}

/** A rule's sentence as a fragment of a list ("…; Row 2, column 1 (Capex FY2022): capex cannot be negative; …"). */
const fragment = (message: string) => message.replace(/\.$/, '');

function listNames(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Plans a paste: the cells it fills with their values, or every problem, each naming the block's cell. */
export function planPaste(request: PasteRequest): PastePlan {
  const { block, anchor, columns, kind } = request;
  const labelColumn = hasLabelColumn(block);
  const headerRow = hasHeaderRow(block, labelColumn);
  const firstRow = headerRow ? 1 : 0;
  const firstColumn = labelColumn ? 1 : 0;
  const width = Math.max(...block.map((r) => r.length));
  const errors: string[] = [];

  // The periods a position walks: quarters when a quarter is selected, otherwise full years.
  const lane = columns.filter((c) => (c.quarter === null) === (anchor.column.quarter === null));
  const laneStart = lane.findIndex((c) => c.fiscalYear === anchor.column.fiscalYear && c.quarter === anchor.column.quarter);
  const metricStart = METRICS.indexOf(anchor.metric);
  const unit = anchor.column.quarter === null ? 'year' : 'quarter';

  const rowTargets: Found<RowTarget>[] = [];
  let previousMetric: Metric | null = null;
  for (let r = firstRow; r < block.length; r++) {
    const where = `Row ${r + 1}`;
    if (labelColumn) {
      const text = (block[r]![0] ?? '').trim();
      const label = readMetricLabel(text);
      const metric: Metric | null = label?.metric ?? (label?.kind ? previousMetric : null);
      if (!label || !metric)
        rowTargets.push({
          ok: false,
          error: `${where}, column 1: ${text ? `“${text}” is not a metric` : 'no metric label'} (${listNames(METRICS.map((m) => METRIC_NAMES[m]))})`,
        });
      else rowTargets.push({ ok: true, target: { metric, kind: label.kind } });
      previousMetric = metric ?? previousMetric;
    } else {
      const metric = METRICS[metricStart + r - firstRow];
      rowTargets.push(
        metric
          ? { ok: true, target: { metric, kind: null } }
          : { ok: false, error: `${where}: the grid has no metric below ${METRIC_NAMES[METRICS.at(-1)!]}` },
      );
    }
  }

  const columnTargets: Found<ColumnTarget>[] = [];
  for (let c = firstColumn; c < width; c++) {
    if (headerRow) {
      const text = (block[0]![c] ?? '').trim();
      const period = readPeriodLabel(text);
      const where = `Row 1, column ${c + 1}`;
      if (!period) {
        columnTargets.push({ ok: false, error: `${where}: ${text ? `“${text}” is not a period` : 'no period label'}` });
        continue;
      }
      const fiscalYear = period.fiscalYear ?? anchor.column.fiscalYear;
      const column = columns.find((col) => col.fiscalYear === fiscalYear && col.quarter === period.quarter);
      const name = periodName({ fiscalYear, quarter: period.quarter });
      if (column) columnTargets.push({ ok: true, target: { column, kind: period.kind } });
      else if (period.quarter && !columns.some((col) => col.quarter))
        columnTargets.push({ ok: false, error: `${where}: ${name} is a quarter; tick Show quarters first` });
      else columnTargets.push({ ok: false, error: `${where}: ${name} is not a column of the grid` });
    } else {
      const column = laneStart < 0 ? undefined : lane[laneStart + c - firstColumn];
      columnTargets.push(
        column
          ? { ok: true, target: { column, kind: null } }
          : { ok: false, error: `Column ${c + 1}: the grid has no ${unit} right of ${periodName(lane.at(-1)!)}` },
      );
    }
  }

  for (const found of [...rowTargets, ...columnTargets]) if (!found.ok) errors.push(found.error);

  const cells: PasteCell[] = [];
  const seen = new Map<string, string>();
  rowTargets.forEach((rowFound, i) => {
    if (!rowFound.ok) return;
    columnTargets.forEach((columnFound, j) => {
      if (!columnFound.ok) return;
      const blockRow = firstRow + i + 1;
      const blockColumn = firstColumn + j + 1;
      const where = `Row ${blockRow}, column ${blockColumn}`;
      const { metric } = rowFound.target;
      const { column } = columnFound.target;
      const rowKind = rowFound.target.kind;
      const columnKind = columnFound.target.kind;
      if (rowKind && columnKind && rowKind !== columnKind) {
        errors.push(`${where}: its row is labelled ${rowKind} but its column ${columnKind}`);
        return;
      }
      const cellKind = rowKind ?? columnKind ?? kind;
      const name = pasteCellName(metric, cellKind, column);
      const key = `${metric}|${cellKind}|${column.fiscalYear}|${column.quarter}`;
      const earlier = seen.get(key);
      if (earlier) {
        errors.push(`${where} (${name}): the same cell as ${earlier}`);
        return;
      }
      seen.set(key, `row ${blockRow}, column ${blockColumn}`);
      const text = block[firstRow + i]![firstColumn + j] ?? '';
      const read = readPastedNumber(text);
      if (!read.ok) errors.push(`${where} (${name}): ${read.reason}`);
      else if (read.value === null) return;
      else if (read.value.startsWith('-') && !mayBeNegative(metric))
        errors.push(`${where} (${name}): ${fragment(NEGATIVE_MESSAGE)}`);
      else {
        const problem = figureValueProblem(read.value);
        if (problem) errors.push(`${where} (${name}): ${fragment(problem)}`);
        else cells.push({ metric, kind: cellKind, column, value: read.value, blockRow, blockColumn });
      }
    });
  });

  if (errors.length > 0) return { ok: false, errors };
  if (cells.length === 0) return { ok: false, errors: ['The pasted block holds no values.'] };
  return { ok: true, cells, summary: describePaste(cells, columns) };
}

/** "12 values into Revenue, Capex, Operating income × FY2022–FY2025 (reported)". */
export function describePaste(cells: readonly PasteCell[], columns: readonly GridColumn[]): string {
  const metrics = METRICS.filter((m) => cells.some((c) => c.metric === m)).map((m) => METRIC_NAMES[m]);
  const kinds = (['reported', 'estimate'] as const).filter((k) => cells.some((c) => c.kind === k));
  const indexes = [...new Set(cells.map((c) => columns.indexOf(c.column)))].sort((a, b) => a - b);
  const targets = indexes.map((i) => columns[i]!);
  const lane = columns.filter((c) => (c.quarter === null) === (targets[0]!.quarter === null));
  const laneIndexes = targets.map((t) => lane.indexOf(t));
  const contiguous =
    targets.every((t) => (t.quarter === null) === (targets[0]!.quarter === null)) &&
    laneIndexes.every((index, i) => i === 0 || index === laneIndexes[i - 1]! + 1);
  const first = targets[0]!;
  const last = targets.at(-1)!;
  let periods: string;
  if (targets.length === 1) periods = periodName(first);
  else if (!contiguous) periods = targets.map(periodName).join(', ');
  else if (first.quarter && first.fiscalYear === last.fiscalYear)
    periods = `Q${first.quarter}–Q${last.quarter} FY${first.fiscalYear}`;
  else periods = `${periodName(first)}–${periodName(last)}`;
  const count = `${cells.length} value${cells.length === 1 ? '' : 's'}`;
  return `${count} into ${metrics.join(', ')} × ${periods} (${kinds.join(' and ')})`;
}
