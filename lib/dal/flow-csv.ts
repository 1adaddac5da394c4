import 'server-only';
import { and, eq } from 'drizzle-orm';
import { fxRates } from '@/db/schema';
import type { Database } from '@/db/types';
import { CsvIssues } from '../csv/issues';
import { readCsv, type CsvRow } from '../csv/parse';
import { toCsv } from '../csv/write';
import { planWrites } from '../domain/figures/batch-rules';
import { flowCurrencyClashes, flowLayerProblems, repeatedFlows } from '../domain/flows/batch-rules';
import { flowInputSchema, flowKey, type FlowInput } from '../domain/flows/input';
import { ThousandsColumn } from '../domain/figures/thousands';
import type { CsvImportInput, ImportSummary } from '../imports/schema';
import { dbOf, type Ctx } from './context';
import { companyResolverOf, type CompanyRef } from './company-resolver';
import { companyLayers } from './flow-layers';
import { flowSnapshot, flowViews, payee, payer, storedFlowsOf } from './flows';
import { writeFlows } from './flow-writes';
import { assertRole } from './guard';
import { analyzeAfterImport } from './statistics';

/** flows.csv (docs/data-contract.md §9). */
export const FLOW_CSV_COLUMNS = [
  'payer',
  'payer_layer',
  'payee',
  'payee_layer',
  'year',
  'kind',
  'value_millions',
  'currency',
  'source',
  'note',
] as const;
const REQUIRED = ['payer', 'payer_layer', 'payee', 'payee_layer', 'year', 'value_millions'] as const;
const COLUMN_OF_FIELD: Record<string, string> = {
  payerId: 'payer',
  payerLayer: 'payer_layer',
  payeeId: 'payee',
  payeeLayer: 'payee_layer',
  value: 'value_millions',
};

interface ReadFlow {
  line: number;
  flow: FlowInput;
  payer: CompanyRef;
  payee: CompanyRef;
}

/**
 * Imports flows.csv all or nothing: every bad row is named by line, column and reason (an unknown company, a layer
 * the company is not in, payer = payee, a negative value, a second currency for a link); rows upsert on payer +
 * payer layer + payee + payee layer + year + kind, so the same file twice changes nothing. Warnings: an archived
 * company, no FX rate for the year.
 */
export async function importFlowsCsv(ctx: Ctx, { text, dryRun }: CsvImportInput): Promise<ImportSummary> {
  assertRole(ctx.actor, 'analyst');
  const db = await dbOf(ctx);
  const resolve = await companyResolverOf(db);
  const issues = new CsvIssues();
  const thousands = new ThousandsColumn();
  const { rows } = await readCsv(text, { columns: FLOW_CSV_COLUMNS, required: REQUIRED }, issues, (row) =>
    readRow(row, resolve, thousands, issues),
  );
  for (const problem of thousands.problems()) issues.add({ ...problem, column: 'value_millions' });
  const at = (index: number) => rows[index]!.line;
  const incoming = rows.map((r) => ({ flow: r.flow, where: `line ${r.line}` }));

  const result = await db.transaction(async (tx) => {
    const inputs = rows.map((r) => r.flow);
    const known = await companyLayers(
      tx,
      inputs.flatMap((f) => [f.payerId, f.payeeId]),
    );
    const stored = await storedFlowsOf(tx, inputs, { lock: !dryRun });
    for (const issue of [
      ...repeatedFlows(incoming),
      ...flowLayerProblems(inputs, known),
      ...flowCurrencyClashes(incoming, stored),
    ])
      issues.add({
        line: at(issue.index),
        column: issue.field ? (COLUMN_OF_FIELD[issue.field] ?? issue.field) : null,
        message: issue.message,
      });
    issues.throwIfAny();

    const plan = planWrites(inputs, new Map(stored.map((f) => [flowKey(f), f])), flowKey);
    const summary = {
      dryRun,
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged.length,
      warnings: await importWarnings(tx, rows),
    };
    if (dryRun || plan.creates.length + plan.updates.length === 0) return summary;
    await writeFlows(tx, ctx.actor, {
      creates: plan.creates,
      updates: plan.updates.map(({ before, figure }) => ({ before: flowSnapshot(before), flow: figure })),
      actions: { create: 'flow.import_create', update: 'flow.import_update' },
    });
    return summary;
  });
  await analyzeAfterImport(db, result, ['flows']);
  return result;
}

/** Worth knowing, not wrong: an archived company (its flows leave scope), no FX rate to convert the flow. */
async function importWarnings(db: Database, rows: readonly ReadFlow[]): Promise<ImportSummary['warnings']> {
  const rates = new Set(
    (await db.select({ currency: fxRates.currency, year: fxRates.year }).from(fxRates)).map((r) => `${r.currency}|${r.year}`),
  );
  const warnings: ImportSummary['warnings'] = [];
  for (const { line, flow, payer, payee } of rows) {
    for (const c of [payer, payee]) if (c.archived) warnings.push({ line, message: `${c.name} is archived.` });
    if (flow.currency !== 'USD' && !rates.has(`${flow.currency}|${flow.year}`))
      warnings.push({ line, message: `No ${flow.currency} rate for ${flow.year} yet, so this flow cannot be converted to USD.` });
  }
  return warnings;
}

function readRow(
  row: CsvRow,
  resolve: Awaited<ReturnType<typeof companyResolverOf>>,
  thousands: ThousandsColumn,
  issues: CsvIssues,
): ReadFlow | null {
  const { line, cells } = row;
  const side = (column: 'payer' | 'payee') => {
    const company = cells[column] ? resolve(cells[column]) : `the ${column} is missing`;
    if (typeof company === 'string') issues.add({ line, column, message: company });
    return typeof company === 'string' ? null : company;
  };
  const payer = side('payer');
  const payee = side('payee');
  if (!payer || !payee) return null;
  const parsed = flowInputSchema.safeParse({
    payerId: payer.id,
    payerLayer: cells.payer_layer?.toLowerCase() ?? undefined,
    payeeId: payee.id,
    payeeLayer: cells.payee_layer?.toLowerCase() ?? undefined,
    year: cells.year ?? undefined,
    kind: cells.kind?.toLowerCase() ?? undefined,
    value: thousands.read(line, cells.value_millions ?? ''),
    currency: cells.currency ?? payee.currency,
    source: cells.source,
    note: cells.note,
  });
  if (!parsed.success) {
    issues.addFieldIssues(line, parsed.error.issues, COLUMN_OF_FIELD);
    return null;
  }
  return { line, flow: parsed.data, payer, payee };
}

/** flows.csv of every flow between active companies, in the format the importer reads back. */
export async function exportFlowsCsv(ctx: Ctx): Promise<string> {
  assertRole(ctx.actor, 'viewer');
  const rows = await flowViews(await dbOf(ctx), and(eq(payer.archived, false), eq(payee.archived, false)));
  return toCsv(
    FLOW_CSV_COLUMNS,
    rows.map((f) => ({
      payer: f.payerName,
      payer_layer: f.payerLayer,
      payee: f.payeeName,
      payee_layer: f.payeeLayer,
      year: f.year,
      kind: f.kind,
      value_millions: f.value,
      currency: f.currency,
      source: f.source,
      note: f.note,
    })),
    { numberColumns: ['year', 'value_millions'] },
  );
}
