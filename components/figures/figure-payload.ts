import type { FigureView } from '@/lib/figures/schema';
import { figureKey } from '@/lib/domain/figures/input';
import type { GridColumn, GridRow } from '@/lib/domain/figures/grid';

/** One figure as the grid sends it to `saveFiguresAction` (docs/data-contract.md §7's PUT body item). */
export interface FigurePayload {
  companyId: string;
  fiscalYear: number;
  fiscalQuarter: 1 | 2 | 3 | 4 | null;
  metric: GridRow['metric'];
  kind: GridRow['kind'];
  value: string;
  currency: string;
  source: string | null;
  note: string | null;
  version?: number;
}

export interface CellContext {
  companyId: string;
  companyCurrency: string;
  /** The figures on screen, by figureKey. */
  figures: ReadonlyMap<string, FigureView>;
  /** Applied to every value typed or pasted when set; otherwise a figure keeps its own source. */
  sourceForEntries: string;
}

export function keyOf(companyId: string, row: GridRow, column: GridColumn): string {
  return figureKey({
    companyId,
    fiscalYear: column.fiscalYear,
    fiscalQuarter: column.quarter,
    metric: row.metric,
    kind: row.kind,
  });
}

/**
 * The figure to save when a value is typed into a cell. A new figure takes the currency its company, year and
 * metric already use (one currency each, docs/data-contract.md §2), else the company's; an existing one carries its version.
 */
export function payloadFor(context: CellContext, row: GridRow, column: GridColumn, value: string): FigurePayload {
  const existing = context.figures.get(keyOf(context.companyId, row, column));
  const sibling = [...context.figures.values()].find((f) => f.fiscalYear === column.fiscalYear && f.metric === row.metric);
  const source = context.sourceForEntries.trim();
  return {
    companyId: context.companyId,
    fiscalYear: column.fiscalYear,
    fiscalQuarter: column.quarter,
    metric: row.metric,
    kind: row.kind,
    value,
    currency: existing?.currency ?? sibling?.currency ?? context.companyCurrency,
    source: source || existing?.source || null,
    note: existing?.note ?? null,
    version: existing?.version,
  };
}
