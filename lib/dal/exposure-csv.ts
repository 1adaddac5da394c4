import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { companies, exposureProfiles } from '@/db/schema';
import type { Transaction } from '@/db/types';
import type { CompanyView, ProfileInput, ProfileView } from '../companies/schema';
import { CsvIssues } from '../csv/issues';
import { readCsv } from '../csv/parse';
import { toCsv } from '../csv/write';
import type { Actor } from '../domain/actor';
import { Dec } from '../domain/decimal';
import { LAYER_KEYS, type LayerKey } from '../domain/layers';
import {
  compareProfileKeys,
  isProfileScope,
  PROFILE_SCOPES,
  profileKeyString,
  profileLabel,
  type ProfileScope,
} from '../domain/profiles';
import { parseShareCells } from '../domain/shares';
import { FIRST_YEAR, isYear, LAST_YEAR } from '../domain/years';
import type { CsvImportInput, ImportSummary } from '../imports/schema';
import { recordAudits } from './audit';
import { companySnapshot, loadCompanyViews } from './company-views';
import { replaceProfiles } from './company-writes';
import { companyResolverOf, type CompanyRef } from './company-resolver';
import { dbOf, type Ctx } from './context';
import { flowsOrphanedBy, layersOf, orphanedFlowsMessage } from './flow-layers';
import { assertRole } from './guard';
import { chunks } from './sql-helpers';

/** exposures.csv (docs/data-contract.md §6): the profiles other than the base; `outside` may be absent. */
export const EXPOSURE_CSV_COLUMNS = ['company', 'scope', 'from_year', ...LAYER_KEYS, 'outside'] as const;
const REQUIRED = EXPOSURE_CSV_COLUMNS.filter((c) => c !== 'outside');
const NUMBER_COLUMNS = ['from_year', ...LAYER_KEYS, 'outside'];

interface ReadRow {
  line: number;
  company: CompanyRef;
  profile: ProfileInput;
}

/** Reads one row; every problem is added to `issues` with its column, and the row is then null. */
function readRow(
  line: number,
  cells: Record<string, string | null>,
  resolve: (cell: string) => CompanyRef | string,
  issues: CsvIssues,
): ReadRow | null {
  const before = issues.count;
  const add = (column: string, message: string) => issues.add({ line, column, message });

  const companyCell = cells.company;
  const company = companyCell ? resolve(companyCell) : 'the company is missing';
  if (typeof company === 'string') add('company', company);

  const scopeCell = cells.scope?.toLowerCase() ?? 'all';
  if (!isProfileScope(scopeCell))
    add('scope', `unknown scope "${cells.scope}" (use ${PROFILE_SCOPES.join(', ')}, or blank for all)`);
  const scope = scopeCell as ProfileScope;

  const yearCell = cells.from_year;
  let fromYear: number | null = null;
  if (yearCell !== null && yearCell !== undefined) {
    if (!/^\d+$/.test(yearCell) || !isYear(Number(yearCell)))
      add(
        'from_year',
        `"${yearCell}" is not a year: use a year from ${FIRST_YEAR} to ${LAST_YEAR}, or leave it blank for from the beginning`,
      );
    else fromYear = Number(yearCell);
  }
  if (isProfileScope(scopeCell) && scope === 'all' && (yearCell === null || yearCell === undefined))
    add(
      'from_year',
      'scope all with no from-year is the base profile: set it in companies.csv (its share columns), or give a from-year',
    );

  const shares = parseShareCells(cells);
  if (!shares.ok) for (const i of shares.issues) add(i.column, i.message);

  if (issues.count > before || typeof company === 'string' || !shares.ok) return null;
  const exposures = LAYER_KEYS.flatMap((layer) => {
    const share = shares.shares[layer];
    return share === undefined ? [] : [{ layer, share, subLayer: null }];
  });
  return { line, company, profile: { scope, fromYear, exposures } };
}

/** Two profiles of one key hold the same shares, compared by value. */
function sameShares(a: ProfileInput['exposures'], b: ProfileView['exposures']): boolean {
  if (a.length !== b.length) return false;
  const stored = new Map(b.map((e) => [e.layer, e.share]));
  return a.every((e) => stored.has(e.layer) && new Dec(e.share).eq(stored.get(e.layer)!));
}

/**
 * Imports exposures.csv, all or nothing (docs/data-contract.md §6): every bad row is reported with its line, column
 * and reason and nothing is written. Each company the file names gets exactly the file's profiles (one it no longer
 * lists is removed, with a warning); companies it does not name keep theirs. A row's natural key is company + scope +
 * from_year, so the same file twice changes nothing. Counts are of profiles: created, updated (other shares), and
 * unchanged. A company whose profiles change is a company edit: its version goes up and it gets one audit event.
 * The file has no sub-layer column: a kept profile keeps the sub-layer labels of the layers it keeps.
 */
export async function importExposuresCsv(ctx: Ctx, { text, dryRun }: CsvImportInput): Promise<ImportSummary> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const db = await dbOf(ctx);
  const resolve = await companyResolverOf(db);
  const issues = new CsvIssues();
  const firstLine = new Map<string, number>();
  const { rows } = await readCsv(text, { columns: EXPOSURE_CSV_COLUMNS, required: REQUIRED }, issues, (row) => {
    const read = readRow(row.line, row.cells, resolve, issues);
    if (read) {
      const key = `${read.company.id}|${profileKeyString(read.profile)}`;
      const first = firstLine.get(key);
      if (first === undefined) firstLine.set(key, row.line);
      else
        issues.add({
          line: row.line,
          column: 'from_year',
          message: `the same company, scope and from_year as line ${first} (${read.company.name}, ${profileLabel(read.profile)})`,
        });
    }
    return read;
  });
  issues.throwIfAny();

  const byCompany = new Map<string, ReadRow[]>();
  for (const row of rows) (byCompany.get(row.company.id) ?? byCompany.set(row.company.id, []).get(row.company.id)!).push(row);

  return db.transaction(async (tx) => {
    if (!dryRun)
      for (const part of chunks([...byCompany.keys()]))
        await tx.select({ id: companies.id }).from(companies).where(inArray(companies.id, part)).for('update');
    const before = new Map<string, CompanyView>();
    for (const part of chunks([...byCompany.keys()])) for (const v of await loadCompanyViews(tx, part)) before.set(v.id, v);

    const warnings: ImportSummary['warnings'] = [];
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const changed = new Map<string, ProfileInput[]>();
    for (const [id, own] of byCompany) {
      const view = before.get(id)!;
      const line = own[0]!.line;
      const stored = new Map(view.profiles.map((p) => [profileKeyString(p), p]));
      let differs = false;
      for (const row of own) {
        const was = stored.get(profileKeyString(row.profile));
        if (!was) created++;
        else if (sameShares(row.profile.exposures, was.exposures)) unchanged++;
        else updated++;
        if (!was || !sameShares(row.profile.exposures, was.exposures)) differs = true;
      }
      const kept = new Set(own.map((r) => profileKeyString(r.profile)));
      for (const p of view.profiles)
        if (!kept.has(profileKeyString(p))) {
          differs = true;
          warnings.push({ line, message: `${view.name}: ${profileLabel(p)} is not in the file; it is removed.` });
        }
      if (view.archived) warnings.push({ line, message: `${view.name} is archived; it stays archived.` });
      if (differs) changed.set(id, withSubLayers(own, stored));
    }
    // A profile removed or changed must not leave a flow in a layer the company is no longer in (§9).
    for (const [id, profiles] of changed) {
      const view = before.get(id)!;
      const orphaned = await flowsOrphanedBy(tx, id, layersOf(view.exposures, profiles));
      if (orphaned.length > 0)
        issues.add({
          line: byCompany.get(id)![0]!.line,
          column: orphaned[0]!.layer,
          message: orphanedFlowsMessage(view.name, orphaned),
        });
    }
    issues.throwIfAny();
    const summary = { dryRun, created, updated, unchanged, warnings };
    if (!dryRun && changed.size > 0) await writeProfiles(tx, actor, changed, before);
    return summary;
  });
}

/** The file's profiles of one company, sorted, each layer keeping the sub-layer label it had in the stored profile. */
function withSubLayers(rows: readonly ReadRow[], stored: ReadonlyMap<string, ProfileView>): ProfileInput[] {
  return rows
    .map((r) => {
      const was = stored.get(profileKeyString(r.profile));
      const label = new Map<LayerKey, string | null>(was?.exposures.map((e) => [e.layer, e.subLayer]) ?? []);
      return {
        ...r.profile,
        exposures: r.profile.exposures.map((e) => ({ ...e, subLayer: label.get(e.layer) ?? null })),
      };
    })
    .sort(compareProfileKeys);
}

/** Replaces the changed companies' profiles, bumps their versions, and records one audit event each. */
async function writeProfiles(
  tx: Transaction,
  actor: Actor,
  changed: ReadonlyMap<string, ProfileInput[]>,
  before: ReadonlyMap<string, CompanyView>,
): Promise<void> {
  await replaceProfiles(tx, changed);
  for (const part of chunks([...changed.keys()]))
    await tx
      .update(companies)
      .set({ version: sql`${companies.version} + 1`, updatedAt: new Date() })
      .where(inArray(companies.id, part));
  const events = [];
  for (const part of chunks([...changed.keys()]))
    for (const view of await loadCompanyViews(tx, part))
      events.push({
        action: 'company.import_update',
        entityType: 'company',
        entityId: view.id,
        before: companySnapshot(before.get(view.id)!),
        after: companySnapshot(view),
      });
  await recordAudits(tx, actor, events);
}

/**
 * exposures.csv: every profile other than the base of the non-archived companies, by company name then scope and
 * from-year, in the format the importer reads back (an absent layer is 0; `outside` is the rest).
 */
export async function exportExposuresCsv(ctx: Ctx): Promise<string> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const ids = await db
    .selectDistinct({ id: companies.id, nameKey: companies.nameKey })
    .from(companies)
    .innerJoin(exposureProfiles, eq(exposureProfiles.companyId, companies.id))
    .where(eq(companies.archived, false))
    .orderBy(asc(companies.nameKey), asc(companies.id));
  const rows: Record<string, string | number | null>[] = [];
  for (const part of chunks(ids.map((r) => r.id)))
    for (const view of await loadCompanyViews(db, part))
      for (const p of view.profiles) {
        const shares = Object.fromEntries(p.exposures.map((e) => [e.layer, e.share]));
        rows.push({
          company: view.name,
          scope: p.scope,
          from_year: p.fromYear,
          ...Object.fromEntries(LAYER_KEYS.map((k) => [k, shares[k] ?? '0'])),
          outside: p.outside,
        });
      }
  return toCsv(EXPOSURE_CSV_COLUMNS, rows, { numberColumns: NUMBER_COLUMNS });
}
