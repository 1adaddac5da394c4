import 'server-only';
import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents, fxRates } from '@/db/schema';
import { getDb } from '@/db/client';
import { parseCsv } from '../csv/parse';
import { toCsv } from '../csv/write';
import type { Actor } from '../domain/actor';
import { canonicalDecimal, Dec } from '../domain/decimal';
import { CsvRejectedError, type CsvIssue } from '../errors';
import { assertRole } from './guard';
import type { ImportSummary } from './company-csv';

/** fx.csv (SPEC §6): currency × calendar year → USD per one unit, the year's average. */
export const FX_CSV_COLUMNS = ['currency', 'year', 'usd_per_unit'] as const;

const currencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const fxRateSchema = z.object({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => currencies.has(v), 'Use an ISO 4217 currency code such as EUR, JPY or TWD.')
    .refine((v) => v !== 'USD', 'USD is 1 and needs no rate.'),
  year: z.coerce
    .number('Enter a year such as 2024.')
    .int('Enter a whole year.')
    .min(1990, 'Use a year from 1990 to 2100.')
    .max(2100, 'Use a year from 1990 to 2100.'),
  usdPerUnit: z
    .string()
    .trim()
    .refine((v) => /^\d+(\.\d+)?$/.test(v) && new Dec(v).gt(0), 'Enter USD per one unit as a positive decimal, e.g. 1.0817.')
    .refine((v) => !/^\d+(\.\d+)?$/.test(v) || new Dec(v).sd(false) <= 15, 'Use at most 15 significant digits.'),
});
export type FxRateInput = z.output<typeof fxRateSchema>;

export interface FxRateView {
  currency: string;
  year: number;
  usdPerUnit: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export async function listFxRates(actor: Actor): Promise<FxRateView[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const rows = await db.select().from(fxRates).orderBy(asc(fxRates.currency), asc(fxRates.year));
  return rows.map((r) => ({
    currency: r.currency,
    year: r.year,
    usdPerUnit: canonicalDecimal(r.usdPerUnit),
    version: r.version,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

const COLUMN_OF_FIELD: Record<string, string> = { usdPerUnit: 'usd_per_unit' };

/** Imports fx.csv all or nothing; rows upsert on currency + year, so the same file twice changes nothing. */
export async function importFxCsv(actor: Actor, text: string, options: { dryRun: boolean }): Promise<ImportSummary> {
  assertRole(actor, 'analyst');
  const parsed = parseCsv(text, { columns: FX_CSV_COLUMNS, required: FX_CSV_COLUMNS });
  if (!parsed.ok) throw new CsvRejectedError(parsed.issues);
  const issues: CsvIssue[] = [];
  const rows: { line: number; rate: FxRateInput }[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of parsed.rows) {
    const result = fxRateSchema.safeParse({
      currency: cells.currency ?? '',
      year: cells.year ?? undefined,
      usdPerUnit: cells.usd_per_unit ?? '',
    });
    if (!result.success) {
      for (const i of result.error.issues)
        issues.push({ line, column: COLUMN_OF_FIELD[String(i.path[0])] ?? String(i.path[0]), message: i.message });
      continue;
    }
    const key = `${result.data.currency}|${result.data.year}`;
    const first = firstLine.get(key);
    if (first !== undefined) issues.push({ line, column: 'currency', message: `the same currency and year as line ${first}` });
    else firstLine.set(key, line);
    rows.push({ line, rate: result.data });
  }
  if (issues.length > 0) throw new CsvRejectedError(issues);

  const db = await getDb();
  const stored = new Map((await listFxRates(actor)).map((r) => [`${r.currency}|${r.year}`, r]));
  const creates = rows.filter((r) => !stored.has(`${r.rate.currency}|${r.rate.year}`));
  const updates = rows.filter((r) => {
    const current = stored.get(`${r.rate.currency}|${r.rate.year}`);
    return current !== undefined && !new Dec(current.usdPerUnit).eq(r.rate.usdPerUnit);
  });
  const summary = {
    dryRun: options.dryRun,
    created: creates.length,
    updated: updates.length,
    unchanged: rows.length - creates.length - updates.length,
    warnings: [],
  };
  if (options.dryRun || creates.length + updates.length === 0) return summary;

  await db.transaction(async (tx) => {
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
    await tx.insert(auditEvents).values(
      changed.map(({ rate }) => {
        const before = stored.get(`${rate.currency}|${rate.year}`);
        return {
          actorId: actor.userId,
          actorLabel: actor.label,
          action: before ? 'fx.update' : 'fx.create',
          entityType: 'fx_rate',
          entityId: `${rate.currency}-${rate.year}`,
          before: before ? { usdPerUnit: before.usdPerUnit } : null,
          after: { usdPerUnit: canonicalDecimal(rate.usdPerUnit) },
          ip: actor.ip ?? null,
        };
      }),
    );
  });
  return summary;
}

export async function exportFxCsv(actor: Actor): Promise<string> {
  const rates = await listFxRates(actor);
  return toCsv(
    FX_CSV_COLUMNS,
    rates.map((r) => ({ currency: r.currency, year: r.year, usd_per_unit: r.usdPerUnit })),
    { numberColumns: ['year', 'usd_per_unit'] },
  );
}
