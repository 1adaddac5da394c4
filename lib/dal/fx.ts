import 'server-only';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { companies, figures, fxRates } from '@/db/schema';
import { CsvIssues } from '../csv/issues';
import { readCsv } from '../csv/parse';
import { toCsv } from '../csv/write';
import { canonicalDecimal, Dec } from '../domain/decimal';
import { ConflictError } from '../errors';
import { fxRateSchema, type FxRateView, type SetFxRateInput, type UnconvertibleGroup } from '../fx/schema';
import type { CsvImportInput, ImportSummary } from '../imports/schema';
import { recordAudit, recordAudits } from './audit';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';
import { analyzeAfterImport } from './statistics';

/** fx.csv (docs/data-contract.md §6): currency × calendar year → USD per one unit, the year's average. */
export const FX_CSV_COLUMNS = ['currency', 'year', 'usd_per_unit'] as const;

type FxRow = typeof fxRates.$inferSelect;

function toView(r: FxRow): FxRateView {
  return {
    currency: r.currency,
    year: r.year,
    usdPerUnit: canonicalDecimal(r.usdPerUnit),
    version: r.version,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listFxRates(ctx: Ctx): Promise<FxRateView[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const rows = await db.select().from(fxRates).orderBy(asc(fxRates.currency), asc(fxRates.year));
  return rows.map(toView);
}

const COLUMN_OF_FIELD: Record<string, string> = { usdPerUnit: 'usd_per_unit' };

/**
 * Imports fx.csv all or nothing; rows upsert on currency + year, so the same file twice changes nothing. The stored
 * rates are read, compared and written in one transaction (locked unless it is a dry run), so the audit's "before"
 * is the rate that was replaced.
 */
export async function importFxCsv(ctx: Ctx, { text, dryRun }: CsvImportInput): Promise<ImportSummary> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const issues = new CsvIssues();
  const firstLine = new Map<string, number>();
  const { rows } = await readCsv(text, { columns: FX_CSV_COLUMNS, required: FX_CSV_COLUMNS }, issues, ({ line, cells }) => {
    const result = fxRateSchema.safeParse({
      currency: cells.currency ?? '',
      year: cells.year ?? undefined,
      usdPerUnit: cells.usd_per_unit ?? '',
    });
    if (!result.success) {
      for (const i of result.error.issues)
        issues.add({ line, column: COLUMN_OF_FIELD[String(i.path[0])] ?? String(i.path[0]), message: i.message });
      return null;
    }
    const key = `${result.data.currency}|${result.data.year}`;
    const first = firstLine.get(key);
    if (first !== undefined) issues.add({ line, column: 'currency', message: `the same currency and year as line ${first}` });
    else firstLine.set(key, line);
    return { line, rate: result.data };
  });
  issues.throwIfAny();

  const db = await dbOf(ctx);
  const result = await db.transaction(async (tx) => {
    const query = tx.select().from(fxRates);
    const stored = new Map((await (dryRun ? query : query.for('update'))).map((r) => [`${r.currency}|${r.year}`, toView(r)]));
    const creates = rows.filter((r) => !stored.has(`${r.rate.currency}|${r.rate.year}`));
    const updates = rows.filter((r) => {
      const current = stored.get(`${r.rate.currency}|${r.rate.year}`);
      return current !== undefined && !new Dec(current.usdPerUnit).eq(r.rate.usdPerUnit);
    });
    const summary = {
      dryRun,
      created: creates.length,
      updated: updates.length,
      unchanged: rows.length - creates.length - updates.length,
      warnings: [],
    };
    if (dryRun || creates.length + updates.length === 0) return summary;

    const changed = [...creates, ...updates];
    await tx
      .insert(fxRates)
      .values(changed.map(({ rate }) => ({ ...rate, updatedBy: actor.label })))
      .onConflictDoUpdate({
        target: [fxRates.currency, fxRates.year],
        set: {
          usdPerUnit: sql`excluded.usd_per_unit`,
          version: sql`${fxRates.version} + 1`,
          updatedBy: actor.label,
          updatedAt: new Date(),
        },
      });
    await recordAudits(
      tx,
      actor,
      changed.map(({ rate }) => {
        const before = stored.get(`${rate.currency}|${rate.year}`);
        return {
          action: before ? 'fx.update' : 'fx.create',
          entityType: 'fx_rate',
          entityId: `${rate.currency}-${rate.year}`,
          before: before ? { usdPerUnit: before.usdPerUnit } : null,
          after: { usdPerUnit: canonicalDecimal(rate.usdPerUnit) },
        };
      }),
    );
    return summary;
  });
  await analyzeAfterImport(db, result, ['fx_rates', 'company_values']);
  return result;
}

export async function exportFxCsv(ctx: Ctx): Promise<string> {
  const rates = await listFxRates(ctx);
  return toCsv(
    FX_CSV_COLUMNS,
    rates.map((r) => ({ currency: r.currency, year: r.year, usd_per_unit: r.usdPerUnit })),
    { numberColumns: ['year', 'usd_per_unit'] },
  );
}

/** An analyst adds a rate, or changes one at the version they read (409 with the stored rate when stale). */
export async function setFxRate(ctx: Ctx, input: SetFxRateInput): Promise<FxRateView> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const db = await dbOf(ctx);
  const stale = (current: typeof fxRates.$inferSelect) =>
    new ConflictError(`The ${input.currency} rate for ${input.year} was changed by ${current.updatedBy} since you read it.`, {
      ...current,
      usdPerUnit: canonicalDecimal(current.usdPerUnit),
    });
  return db.transaction(async (tx) => {
    const readCurrent = () =>
      tx
        .select()
        .from(fxRates)
        .where(and(eq(fxRates.currency, input.currency), eq(fxRates.year, input.year)))
        .for('update');
    const [current] = await readCurrent();
    if (current && input.version !== current.version) throw stale(current);
    const values = { usdPerUnit: input.usdPerUnit, updatedBy: actor.label, updatedAt: new Date() };
    const [row] = current
      ? await tx
          .update(fxRates)
          .set({ ...values, version: sql`${fxRates.version} + 1` })
          .where(and(eq(fxRates.currency, input.currency), eq(fxRates.year, input.year)))
          .returning()
      : await tx
          .insert(fxRates)
          .values({ ...values, currency: input.currency, year: input.year })
          // A request that created the same rate after the read above wins; this one is a stale 409.
          .onConflictDoNothing()
          .returning();
    if (!row) {
      const [created] = await readCurrent();
      throw created
        ? stale(created)
        : new ConflictError('Someone else saved this rate at the same moment. Reload and try again.');
    }
    await recordAudit(tx, actor, {
      action: current ? 'fx.update' : 'fx.create',
      entityType: 'fx_rate',
      entityId: `${input.currency}-${input.year}`,
      before: current ? { usdPerUnit: canonicalDecimal(current.usdPerUnit) } : null,
      after: { usdPerUnit: canonicalDecimal(row.usdPerUnit) },
    });
    return toView(row);
  });
}

/** Figures in a currency other than USD whose fiscal year has no rate for that currency, by currency and year. */
export async function unconvertibleFigures(ctx: Ctx): Promise<UnconvertibleGroup[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const rows = await db
    .select({
      currency: figures.currency,
      year: figures.fiscalYear,
      figures: sql<number>`count(*)`.mapWith(Number),
      companies: sql<string[]>`array_agg(distinct ${companies.name} order by ${companies.name})`,
    })
    .from(figures)
    .innerJoin(companies, eq(companies.id, figures.companyId))
    .leftJoin(fxRates, and(eq(fxRates.currency, figures.currency), eq(fxRates.year, figures.fiscalYear)))
    .where(and(ne(figures.currency, 'USD'), isNull(fxRates.currency), eq(companies.archived, false)))
    .groupBy(figures.currency, figures.fiscalYear)
    .orderBy(asc(figures.currency), asc(figures.fiscalYear));
  return rows;
}
