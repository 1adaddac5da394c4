import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { companies, companyLists, exposures } from '@/db/schema';
import type { Database, Transaction } from '@/db/types';
import { companyFilterSchema, type CompanyFilter } from '../companies/filter';
import { companyInputSchema, type CompanyInput, type CompanyView } from '../companies/schema';
import { CsvIssues } from '../csv/issues';
import { readCsv, type CsvRow } from '../csv/parse';
import { toCsv } from '../csv/write';
import type { CsvImportInput, ImportSummary } from '../imports/schema';
import type { Actor } from '../domain/actor';
import { caseFold } from '../domain/case-fold';
import { Dec } from '../domain/decimal';
import { LAYER_KEYS } from '../domain/layers';
import { parseShareCells } from '../domain/shares';
import { recordAudits } from './audit';
import { companyIdsForFilter } from './companies';
import { companySnapshot, loadCompanyViews } from './company-views';
import { companyColumns } from './company-writes';
import { dbOf, type Ctx } from './context';
import { flowsOrphanedBy, layersOf, orphanedFlowsMessage } from './flow-layers';
import { assertRole } from './guard';
import { resolveListIds } from './lists';
import { chunks } from './sql-helpers';
import { analyzeAfterImport } from './statistics';

/** companies.csv: `outside` and `currency` may be absent; every other column must be there. */
export const COMPANY_CSV_COLUMNS = [
  'name',
  'ticker',
  'country',
  'status',
  'fiscal_year_end_month',
  'lists',
  ...LAYER_KEYS,
  'outside',
  'currency',
  'website',
  'description',
] as const;
const OPTIONAL_COLUMNS = new Set(['outside', 'currency']);
const REQUIRED_COLUMNS = COMPANY_CSV_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c));

/** Where a validation problem of the company schema shows in the file. */
const COLUMN_OF_FIELD: Record<string, string> = { fiscalYearEndMonth: 'fiscal_year_end_month', exposures: 'shares' };

interface ReadRow {
  line: number;
  input: CompanyInput;
}

function readRow(line: number, cells: Record<string, string | null>, issues: CsvIssues): ReadRow | null {
  const shares = parseShareCells(cells);
  if (!shares.ok) for (const i of shares.issues) issues.add({ line, column: i.column, message: i.message });
  const parsed = companyInputSchema.safeParse({
    name: cells.name ?? '',
    ticker: cells.ticker,
    country: cells.country,
    status: cells.status?.toLowerCase() ?? undefined,
    fiscalYearEndMonth: cells.fiscal_year_end_month ?? undefined,
    currency: cells.currency ?? undefined,
    website: cells.website,
    description: cells.description,
    lists: (cells.lists ?? '')
      .split(';')
      .map((l) => l.trim())
      .filter(Boolean),
    exposures: shares.ok ? Object.entries(shares.shares).map(([layer, share]) => ({ layer, share })) : [],
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const field = String(i.path[0] ?? 'name');
      issues.add({ line, column: COLUMN_OF_FIELD[field] ?? field, message: i.message });
    }
    return null;
  }
  return shares.ok ? { line, input: parsed.data } : null;
}

/**
 * Flags a row whose key was already seen, naming the first line (docs/data-contract.md §6). It reads the raw cells,
 * so a duplicate is reported even when the first of the pair has other problems.
 */
function duplicateFlagger(column: 'name' | 'ticker', issues: CsvIssues) {
  const firstLine = new Map<string, number>();
  return ({ line, cells }: CsvRow) => {
    const cell = cells[column];
    if (!cell) return;
    const key = caseFold(cell);
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, line);
    else issues.add({ line, column, message: `the same ${column} as line ${first}` });
  };
}

function sameShares(a: CompanyInput['exposures'], b: CompanyView['exposures']): boolean {
  if (a.length !== b.length) return false;
  const stored = new Map(b.map((e) => [e.layer, e.share]));
  return a.every((e) => stored.has(e.layer) && new Dec(e.share).eq(stored.get(e.layer)!));
}

/** True when importing `input` over `view` would change nothing (numbers by value, lists as a set). */
function unchanged(input: CompanyInput, view: CompanyView): boolean {
  const lists = (names: readonly string[]) => [...new Set(names.map(caseFold))].sort().join(';');
  return (
    input.name === view.name &&
    input.ticker === view.ticker &&
    input.country === view.country &&
    input.status === view.status &&
    input.fiscalYearEndMonth === view.fiscalYearEndMonth &&
    input.currency === view.currency &&
    input.website === view.website &&
    input.description === view.description &&
    lists(input.lists) === lists(view.lists) &&
    sameShares(input.exposures, view.exposures)
  );
}

/**
 * Imports companies.csv, all or nothing (docs/data-contract.md §6): every bad row is reported with its line, column and reason
 * and nothing is written; rows upsert on the company name, so the same file twice changes nothing. The CSV
 * has no sub-layer column, so an updated company keeps the sub-layer labels of the layers it keeps. The stored
 * companies are read, compared and written in one transaction (locked unless it is a dry run), so the audit's
 * "before" is the company that was replaced.
 */
export async function importCompaniesCsv(ctx: Ctx, { text, dryRun }: CsvImportInput): Promise<ImportSummary> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const issues = new CsvIssues();
  const flagDuplicates = [duplicateFlagger('name', issues), duplicateFlagger('ticker', issues)];
  const { rows } = await readCsv(text, { columns: COMPANY_CSV_COLUMNS, required: REQUIRED_COLUMNS }, issues, (row) => {
    const read = readRow(row.line, row.cells, issues);
    for (const flag of flagDuplicates) flag(row);
    return read;
  });

  const db = await dbOf(ctx);
  const result = await db.transaction(async (tx) => {
    const existing = await storedCompaniesNamed(tx, rows, { lock: !dryRun });
    const tickerHolders = await tickerHoldersOf(tx, rows);
    for (const row of rows) {
      const holder = row.input.ticker ? tickerHolders.get(caseFold(row.input.ticker)) : undefined;
      if (holder && holder.nameKey !== caseFold(row.input.name))
        issues.add({ line: row.line, column: 'ticker', message: `the ticker ${row.input.ticker} belongs to ${holder.name}` });
    }
    issues.throwIfAny();

    const warnings: ImportSummary['warnings'] = [];
    const creates: ReadRow[] = [];
    const updates: { row: ReadRow; before: CompanyView }[] = [];
    let same = 0;
    for (const row of rows) {
      const before = existing.get(caseFold(row.input.name));
      if (!before) creates.push(row);
      else if (unchanged(row.input, before)) same++;
      else updates.push({ row, before });
      if (before?.archived) warnings.push({ line: row.line, message: `${before.name} is archived; it stays archived.` });
    }
    for (const { row, before } of updates) {
      const orphaned = await flowsOrphanedBy(tx, before.id, layersOf(row.input.exposures, before.profiles));
      if (orphaned.length > 0)
        issues.add({ line: row.line, column: orphaned[0]!.layer, message: orphanedFlowsMessage(before.name, orphaned) });
    }
    issues.throwIfAny();
    const summary = { dryRun, created: creates.length, updated: updates.length, unchanged: same, warnings };
    if (!dryRun && creates.length + updates.length > 0) await writeCompanies(tx, actor, creates, updates);
    return summary;
  });
  await analyzeAfterImport(db, result, ['companies', 'exposures', 'lists', 'company_lists', 'company_values']);
  return result;
}

/** The stored companies a file names, by case-folded name; locked `for update` when the import will write. */
async function storedCompaniesNamed(
  db: Database,
  rows: readonly ReadRow[],
  { lock }: { lock: boolean },
): Promise<Map<string, CompanyView>> {
  const existing = new Map<string, CompanyView>();
  for (const part of chunks(rows.map((r) => caseFold(r.input.name)))) {
    const query = db.select({ id: companies.id }).from(companies).where(inArray(companies.nameKey, part));
    const found = await (lock ? query.for('update') : query);
    for (const view of await loadCompanyViews(
      db,
      found.map((f) => f.id),
    ))
      existing.set(caseFold(view.name), view);
  }
  return existing;
}

/** Who holds each ticker the file uses, by case-folded ticker. */
async function tickerHoldersOf(db: Database, rows: readonly ReadRow[]) {
  const holders = new Map<string, { nameKey: string; name: string }>();
  for (const part of chunks(rows.flatMap((r) => (r.input.ticker ? [caseFold(r.input.ticker)] : [])))) {
    const found = await db
      .select({ tickerKey: companies.tickerKey, nameKey: companies.nameKey, name: companies.name })
      .from(companies)
      .where(inArray(companies.tickerKey, part));
    for (const f of found) holders.set(f.tickerKey!, { nameKey: f.nameKey, name: f.name });
  }
  return holders;
}

/** Creates and updates the companies of an import, with their shares, lists and audit events. */
async function writeCompanies(
  tx: Transaction,
  actor: Actor,
  creates: readonly ReadRow[],
  updates: readonly { row: ReadRow; before: CompanyView }[],
) {
  const ids = new Map<ReadRow, string>();
  for (const part of chunks(creates, 2000)) {
    const inserted = await tx
      .insert(companies)
      .values(part.map((r) => companyColumns(r.input)))
      .returning({ id: companies.id, nameKey: companies.nameKey });
    const idByKey = new Map(inserted.map((i) => [i.nameKey, i.id]));
    for (const r of part) ids.set(r, idByKey.get(caseFold(r.input.name))!);
  }
  for (const { row, before } of updates) {
    ids.set(row, before.id);
    await tx
      .update(companies)
      .set({ ...companyColumns(row.input), version: sql`${companies.version} + 1`, updatedAt: new Date() })
      .where(inArray(companies.id, [before.id]));
  }
  const updatedIds = updates.map((u) => u.before.id);
  for (const part of chunks(updatedIds)) {
    await tx.delete(exposures).where(inArray(exposures.companyId, part));
    await tx.delete(companyLists).where(inArray(companyLists.companyId, part));
  }
  const subLayers = new Map(
    updates.flatMap(({ before }) => before.exposures.map((e) => [`${before.id}:${e.layer}`, e.subLayer])),
  );
  const written = [...creates, ...updates.map((u) => u.row)];
  const exposureRows = written.flatMap((r) =>
    r.input.exposures.map((e) => ({
      companyId: ids.get(r)!,
      layerKey: e.layer,
      share: e.share,
      subLayer: subLayers.get(`${ids.get(r)}:${e.layer}`) ?? null,
    })),
  );
  for (const part of chunks(exposureRows)) await tx.insert(exposures).values(part);
  const listIds = await resolveListIds(
    tx,
    actor,
    written.flatMap((r) => r.input.lists),
  );
  const memberships = written.flatMap((r) =>
    [...new Set(r.input.lists.map(caseFold))].map((key) => ({ companyId: ids.get(r)!, listId: listIds.get(key)! })),
  );
  for (const part of chunks(memberships)) await tx.insert(companyLists).values(part);

  const beforeById = new Map(updates.map((u) => [u.before.id, u.before]));
  const after = await loadCompanyViews(
    tx,
    written.map((r) => ids.get(r)!),
  );
  const events = after.map((view) => {
    const before = beforeById.get(view.id);
    return {
      action: before ? 'company.import_update' : 'company.import_create',
      entityType: 'company',
      entityId: view.id,
      before: before ? companySnapshot(before) : null,
      after: companySnapshot(view),
    };
  });
  await recordAudits(tx, actor, events);
}

const NUMBER_COLUMNS = ['fiscal_year_end_month', ...LAYER_KEYS, 'outside'];

/** companies.csv of a filter (default: every active company), in the format the importer reads back. */
export async function exportCompaniesCsv(ctx: Ctx, filter: CompanyFilter = companyFilterSchema.parse({})): Promise<string> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const ids = await companyIdsForFilter(db, { ...filter, archived: 'exclude' }); // the export holds active companies only
  const rows: Record<string, string | number | null>[] = [];
  for (const part of chunks(ids)) {
    for (const view of await loadCompanyViews(db, part)) {
      const shares = Object.fromEntries(view.exposures.map((e) => [e.layer, e.share]));
      rows.push({
        name: view.name,
        ticker: view.ticker,
        country: view.country,
        status: view.status,
        fiscal_year_end_month: view.fiscalYearEndMonth,
        lists: view.lists.join(';'),
        ...Object.fromEntries(LAYER_KEYS.map((k) => [k, shares[k] ?? '0'])),
        outside: view.outside,
        currency: view.currency,
        website: view.website,
        description: view.description,
      });
    }
  }
  return toCsv(COMPANY_CSV_COLUMNS, rows, { numberColumns: NUMBER_COLUMNS });
}
