import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridColumns, type GridColumn } from './grid';
import { planPaste, type PasteCell } from './paste';
import { METRIC_NAMES, METRICS, type Kind, type Metric } from './types';

/**
 * Random blocks at random cells: every planned value lands in the cell whose labels, as the grid shows them, match
 * what the block meant at that position — or nothing is planned and an error names a bad cell. What a position
 * "means" is written here from the screen's point of view (the metric rows in order, the column headers), not
 * from the planner.
 */

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

/** How the grid labels a cell: its row ("Capex", or "estimate" under "Capex") and its column header. */
function screenLabel(metric: Metric, kind: Kind, column: GridColumn): string {
  const row = kind === 'reported' ? METRIC_NAMES[metric] : `${METRIC_NAMES[metric]} › estimate`;
  return `${row} | ${column.quarter ? `Q${column.quarter} ` : ''}FY${column.fiscalYear}`;
}

interface Intended {
  label: string;
  value: string;
}

const ROW_LABELS: ((metric: Metric, kind: Kind | null) => string)[] = [
  (m, k) => `${METRIC_NAMES[m]}${k ? ` ${k}` : ''}`,
  (m, k) => `${METRIC_NAMES[m].toUpperCase()}${k ? ` (${k === 'estimate' ? 'est.' : 'reported'})` : ''}`,
];
const COLUMN_LABELS: ((c: GridColumn) => string)[] = [
  (c) => (c.quarter ? `Q${c.quarter} FY${c.fiscalYear}` : `FY${c.fiscalYear}`),
  (c) => (c.quarter ? `${c.fiscalYear} Q${c.quarter}` : `FY ${c.fiscalYear}`),
];

const scenario = fc
  .record({
    quarters: fc.boolean(),
    kind: fc.constantFrom<Kind>('reported', 'estimate'),
    anchorMetric: fc.nat({ max: 2 }),
    anchorColumn: fc.nat({ max: 1000 }),
    labelColumn: fc.boolean(),
    headerRow: fc.boolean(),
    rowPicks: fc.uniqueArray(
      fc.record({ metric: fc.nat({ max: 2 }), kind: fc.constantFrom<Kind | null>(null, 'reported', 'estimate') }),
      {
        minLength: 1,
        maxLength: 6,
        selector: (p) => `${p.metric}`,
      },
    ),
    columnPicks: fc.uniqueArray(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 6 }),
    rowCount: fc.integer({ min: 1, max: 3 }),
    columnCount: fc.integer({ min: 1, max: 6 }),
    labelStyle: fc.nat({ max: 1 }),
    values: fc.array(
      fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        // Numbers clear of 1990–2100, which a first row could read as years.
        { weight: 6, arbitrary: fc.integer({ min: 2101, max: 99_999_999 }) },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: 1989 }) },
      ),
      { minLength: 36, maxLength: 36 },
    ),
    negatives: fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }),
    bad: fc.option(fc.record({ at: fc.nat({ max: 35 }), text: fc.constantFrom('n/a', '1.2.3', '12abc') }), { nil: undefined }),
  })
  .map((s) => {
    const columns = gridColumns(YEARS, s.quarters);
    const anchor = { metric: METRICS[s.anchorMetric]!, column: columns[s.anchorColumn % columns.length]! };
    const lane = columns.filter((c) => (c.quarter === null) === (anchor.column.quarter === null));
    const laneStart = lane.indexOf(anchor.column);
    // The rows the block means: labelled ones anywhere, or the metrics from the selected one down.
    const rows: { metric: Metric; kind: Kind; label: string | null }[] = s.labelColumn
      ? s.rowPicks.map((p) => ({
          metric: METRICS[p.metric]!,
          kind: p.kind ?? s.kind,
          label: ROW_LABELS[s.labelStyle]!(METRICS[p.metric]!, p.kind),
        }))
      : METRICS.slice(s.anchorMetric, s.anchorMetric + s.rowCount).map((metric) => ({ metric, kind: s.kind, label: null }));
    const periods: { column: GridColumn; label: string | null }[] = s.headerRow
      ? [...new Set(s.columnPicks.map((i) => columns[i % columns.length]!))].map((column) => ({
          column,
          label: COLUMN_LABELS[s.labelStyle]!(column),
        }))
      : lane.slice(laneStart, laneStart + s.columnCount).map((column) => ({ column, label: null }));

    const block: string[][] = [];
    const intended = new Map<string, Intended>();
    let badCell: string | null = null;
    if (s.headerRow) block.push([...(s.labelColumn ? [''] : []), ...periods.map((p) => p.label!)]);
    rows.forEach((row, i) => {
      const line: string[] = s.labelColumn ? [row.label!] : [];
      periods.forEach((period, j) => {
        const n = i * 6 + j;
        const raw = s.values[n];
        let text = raw === null || raw === undefined ? '' : String(raw);
        const negative = text !== '' && text !== '0' && s.negatives[n] === true;
        if (negative) text = n % 2 ? `-${text}` : `(${text})`;
        if (s.bad?.at === n) text = s.bad.text;
        const position = `Row ${block.length + 1}, column ${line.length + 1}`;
        if (s.bad?.at === n || (negative && row.metric !== 'operating_income')) badCell ??= position;
        else if (text !== '')
          intended.set(position, {
            label: screenLabel(row.metric, row.kind, period.column),
            value: negative ? `-${raw}` : String(raw),
          });
        line.push(text);
      });
      block.push(line);
    });
    return { request: { block, anchor, columns, kind: s.kind }, intended, badCell };
  });

describe('a paste, for random blocks at random cells', () => {
  it('puts every value in the cell whose on-screen labels match its place in the block, or plans nothing', () => {
    fc.assert(
      fc.property(scenario, ({ request, intended, badCell }) => {
        const plan = planPaste(request);
        if (badCell) {
          expect(plan.ok).toBe(false);
          if (!plan.ok) expect(plan.errors.some((e) => e.startsWith(badCell!))).toBe(true);
          return;
        }
        if (intended.size === 0) {
          expect(plan).toEqual({ ok: false, errors: ['The pasted block holds no values.'] });
          return;
        }
        if (!plan.ok) throw new Error(`refused a good block: ${plan.errors.join('; ')}\n${JSON.stringify(request.block)}`);
        const landed = new Map(
          plan.cells.map((c: PasteCell) => [
            `Row ${c.blockRow}, column ${c.blockColumn}`,
            { label: screenLabel(c.metric, c.kind, c.column), value: c.value },
          ]),
        );
        expect(landed).toEqual(intended);
        // And no two values share a cell.
        expect(new Set([...landed.values()].map((l) => l.label)).size).toBe(landed.size);
      }),
      { numRuns: 500 },
    );
  });
});
