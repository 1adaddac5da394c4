import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { companies, figures, fxRates } from '@/db/schema';
import type { Database } from '@/db/types';
import { CsvIssues } from '../csv/issues';
import { readCsv, type CsvRow } from '../csv/parse';
import { toCsv } from '../csv/write';
import { inTurns } from '../server/event-loop';
import { canonicalDecimal } from '../domain/decimal';
import { currencyClashes, planFigureWrites, repeatedFigures } from '../domain/figures/batch-rules';
import { figureInputSchema, figureKey, type FigureInput } from '../domain/figures/input';
import { ThousandsColumn } from '../domain/figures/thousands';
import type { CsvImportInput, ImportSummary } from '../imports/schema';
import { companyResolver, companyResolverOf, type CompanyRef } from './company-resolver';
import { dbOf, type Ctx } from './context';
import { writeFigures, type StoredFigure } from './figure-writes';
import { assertRole } from './guard';
import { analyzeAfterImport } from './statistics';

/** figures.csv (docs/data-contract.md §6). */
export const FIGURE_CSV_COLUMNS = [
  'company',
  'fiscal_year',
  'fiscal_quarter',
  'metric',
  'kind',
  'value_millions',
  'currency',
  'source',
  'note',
] as const;
const REQUIRED = ['company', 'fiscal_year', 'metric', 'value_millions'] as const;
const COLUMN_OF_FIELD: Record<string, string> = {
  companyId: 'company',
  fiscalYear: 'fiscal_year',
  fiscalQuarter: 'fiscal_quarter',
  value: 'value_millions',
};

/**
 * Imports figures.csv all or nothing: every bad row is named (an unknown company too); rows upsert on company +
 * fiscal year + quarter + metric + kind, so the same file twice changes nothing. Warnings: a currency unlike the
 * company's, a missing FX rate for the fiscal year, an archived company.
 */
export async function importFiguresCsv(ctx: Ctx, { text, dryRun }: CsvImportInput): Promise<ImportSummary> {
  assertRole(ctx.actor, 'analyst');
  const db = await dbOf(ctx);
  const resolve = await companyResolverOf(db);
  const issues = new CsvIssues();
  const thousands = new ThousandsColumn();
  const { rows } = await readCsv(text, { columns: FIGURE_CSV_COLUMNS, required: REQUIRED }, issues, (row) =>
    readRow(row, resolve, thousands, issues),
  );
  for (const problem of thousands.problems()) issues.add({ ...problem, column: 'value_millions' });
  const incoming = rows.map((r) => ({ figure: r.figure, where: `line ${r.line}`, company: r.company.name }));

  // Read, checked against and written in one transaction: a write locks the stored figures it may replace
  // (`for update`), so a PUT that commits meanwhile is waited for, and the audit's "before" is what was replaced.
  const result = await db.transaction(async (tx) => {
    const stored = await storedFiguresOf(tx, [...new Set(rows.map((r) => r.company.id))], { lock: !dryRun });
    for (const issue of [...repeatedFigures(incoming), ...currencyClashes(incoming, stored)])
      issues.add({ line: rows[issue.index]!.line, column: issue.field, message: issue.message });
    issues.throwIfAny();

    const warnings = await importWarnings(tx, rows);
    // No versions here: a row replaces the stored figure of its natural key, so the same file twice changes nothing.
    const plan = planFigureWrites(
      rows.map((r) => r.figure),
      new Map(stored.map((f) => [figureKey(f), f])),
    );
    const summary = {
      dryRun,
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged.length,
      warnings,
    };
    if (dryRun || plan.creates.length + plan.updates.length === 0) return summary;
    await writeFigures(tx, ctx.actor, {
      creates: plan.creates,
      updates: plan.updates,
      actions: { create: 'figure.import_create', update: 'figure.import_update' },
    });
    return summary;
  });
  await analyzeAfterImport(db, result, ['figures', 'company_values']);
  return result;
}

/** The stored figures of these companies: every natural key and currency a file about them can clash with. */
async function storedFiguresOf(db: Database, companyIds: string[], { lock }: { lock: boolean }): Promise<StoredFigure[]> {
  const stored: StoredFigure[] = [];
  for await (const part of inTurns(companyIds, 250)) {
    const query = db.select().from(figures).where(inArray(figures.companyId, part));
    for (const f of await (lock ? query.for('update') : query)) stored.push({ ...f, value: canonicalDecimal(f.value) });
  }
  return stored;
}

/**
 * The calendar years whose FX rates convert a figure of fiscal year F (docs/data-contract.md §4): F, and F − 1
 * when the fiscal year ends before December, since its first months fall in that year.
 */
function yearsConvertedAt({ figure, company }: { figure: FigureInput; company: CompanyRef }): number[] {
  return company.fiscalYearEndMonth === 12 ? [figure.fiscalYear] : [figure.fiscalYear - 1, figure.fiscalYear];
}

/** Worth knowing, not wrong: an archived company, a currency unlike the company's, no FX rate for a year it needs. */
async function importWarnings(
  db: Database,
  rows: readonly { line: number; figure: FigureInput; company: CompanyRef }[],
): Promise<ImportSummary['warnings']> {
  const rates = new Set(
    (await db.select({ currency: fxRates.currency, year: fxRates.year }).from(fxRates)).map((r) => `${r.currency}|${r.year}`),
  );
  const warnings: ImportSummary['warnings'] = [];
  for (const r of rows) {
    if (r.company.archived) warnings.push({ line: r.line, message: `${r.company.name} is archived.` });
    if (r.figure.currency !== r.company.currency)
      warnings.push({
        line: r.line,
        message: `${r.figure.currency} is not ${r.company.name}'s reporting currency (${r.company.currency}).`,
      });
    const missing = r.figure.currency === 'USD' ? [] : yearsConvertedAt(r).filter((y) => !rates.has(`${r.figure.currency}|${y}`));
    if (missing.length > 0)
      warnings.push({
        line: r.line,
        message: `${r.company.name}: no ${r.figure.currency} rate for ${missing.join(' and ')} yet, so this figure cannot be converted to USD for ${missing.length > 1 ? 'those years' : 'that year'}.`,
      });
  }
  return warnings;
}

function readRow(row: CsvRow, resolve: ReturnType<typeof companyResolver>, thousands: ThousandsColumn, issues: CsvIssues) {
  const { line, cells } = row;
  const company = cells.company ? resolve(cells.company) : 'the company is missing';
  if (typeof company === 'string') {
    issues.add({ line, column: 'company', message: company });
    return null;
  }
  const quarter = cells.fiscal_quarter;
  const parsed = figureInputSchema.safeParse({
    companyId: company.id,
    fiscalYear: cells.fiscal_year ?? undefined,
    fiscalQuarter: quarter === null || quarter === undefined ? null : /^[1-4]$/.test(quarter) ? Number(quarter) : quarter,
    metric: cells.metric?.toLowerCase() ?? undefined,
    kind: cells.kind?.toLowerCase() ?? undefined,
    value: thousands.read(line, cells.value_millions ?? ''),
    currency: cells.currency ?? company.currency,
    source: cells.source,
    note: cells.note,
  });
  if (!parsed.success) {
    issues.addFieldIssues(line, parsed.error.issues, COLUMN_OF_FIELD);
    return null;
  }
  return { line, figure: parsed.data, company };
}

/** figures.csv of every active company's figures, in the format the importer reads back. */
export async function exportFiguresCsv(ctx: Ctx): Promise<string> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const rows = await db
    .select({ company: companies.name, figure: figures })
    .from(figures)
    .innerJoin(companies, eq(companies.id, figures.companyId))
    .where(eq(companies.archived, false))
    .orderBy(
      asc(companies.nameKey),
      asc(figures.fiscalYear),
      asc(figures.metric),
      asc(figures.kind),
      sql`coalesce(${figures.fiscalQuarter}, 0)`,
    );
  return toCsv(
    FIGURE_CSV_COLUMNS,
    rows.map(({ company, figure: f }) => ({
      company,
      fiscal_year: f.fiscalYear,
      fiscal_quarter: f.fiscalQuarter,
      metric: f.metric,
      kind: f.kind,
      value_millions: canonicalDecimal(f.value),
      currency: f.currency,
      source: f.source,
      note: f.note,
    })),
    { numberColumns: ['fiscal_year', 'fiscal_quarter', 'value_millions'] },
  );
}
