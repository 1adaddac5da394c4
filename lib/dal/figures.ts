import 'server-only';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { companies, figures } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '../domain/actor';
import { canonicalDecimal } from '../domain/decimal';
import { currencyKey, figureInputSchema, figureKey, type FigureInput } from '../domain/figures/input';
import { METRICS, METRIC_LABELS } from '../domain/figures/types';
import { ConflictError, NotFoundError, RuleError } from '../errors';
import { recordAudit } from './audit';
import { sameContent, writeFigures } from './figure-writes';
import { assertRole } from './guard';

export interface FigureView {
  id: string;
  companyId: string;
  fiscalYear: number;
  fiscalQuarter: number | null;
  metric: FigureInput['metric'];
  kind: FigureInput['kind'];
  /** Millions of `currency`, as an exact decimal string. */
  value: string;
  currency: string;
  source: string | null;
  note: string | null;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

type FigureRow = typeof figures.$inferSelect;

export function toView(row: FigureRow): FigureView {
  return {
    id: row.id,
    companyId: row.companyId,
    fiscalYear: row.fiscalYear,
    fiscalQuarter: row.fiscalQuarter,
    metric: row.metric,
    kind: row.kind,
    value: canonicalDecimal(row.value),
    currency: row.currency,
    source: row.source,
    note: row.note,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a figure: enough to show old → new and to restore a deletion. */
export function snapshot(view: FigureView) {
  const { updatedAt: _u, updatedBy: _b, ...rest } = view;
  return rest;
}

export const figureQuerySchema = z.object({
  company: z.uuid('company must be a company id.').optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  metric: z.enum(METRICS).optional(),
});

/** GET /api/v1/figures: by company, fiscal year and metric, in key order. One of company or year is required. */
export async function listFigures(actor: Actor, query: z.infer<typeof figureQuerySchema>): Promise<FigureView[]> {
  assertRole(actor, 'viewer');
  if (!query.company && query.year === undefined)
    throw new RuleError('Give a company or a year.', [{ path: ['company'], message: 'Give a company or a year.' }]);
  const db = await getDb();
  const where: SQL[] = [];
  if (query.company) where.push(eq(figures.companyId, query.company));
  if (query.year !== undefined) where.push(eq(figures.fiscalYear, query.year));
  if (query.metric) where.push(eq(figures.metric, query.metric));
  const rows = await db
    .select()
    .from(figures)
    .where(and(...where))
    .orderBy(
      asc(figures.companyId),
      asc(figures.fiscalYear),
      asc(figures.metric),
      asc(figures.kind),
      sql`coalesce(${figures.fiscalQuarter}, 0)`,
    );
  return rows.map(toView);
}

export const putFiguresSchema = z.object({ figures: z.array(z.unknown()).min(1, 'Send at least one figure.').max(100_000) });

/**
 * PUT /api/v1/figures (SPEC §7): a batch applied all or none in one transaction. A new natural key needs no
 * version; an existing one must carry the version it was read at, else 409 with the stored figure. Every
 * problem of every figure is reported at once, indexed by its position in the batch.
 */
export async function putFigures(
  actor: Actor,
  raw: unknown,
): Promise<{ created: number; updated: number; unchanged: number; figures: FigureView[] }> {
  assertRole(actor, 'analyst');
  const { figures: items } = putFiguresSchema.parse(raw);
  const issues: { path: (string | number)[]; message: string }[] = [];
  const inputs: FigureInput[] = [];
  items.forEach((item, i) => {
    const parsed = figureInputSchema.safeParse(item);
    if (parsed.success) inputs.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        issues.push({
          path: ['figures', i, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
          message: issue.message,
        });
  });
  if (issues.length > 0) throw new RuleError('Some figures are not valid; nothing was saved.', issues);
  const seen = new Map<string, number>();
  inputs.forEach((f, i) => {
    const first = seen.get(figureKey(f));
    if (first !== undefined) issues.push({ path: ['figures', i], message: `the same figure as figures[${first}]` });
    else seen.set(figureKey(f), i);
  });
  if (issues.length > 0) throw new RuleError('The batch repeats a figure; nothing was saved.', issues);

  const db = await getDb();
  return db.transaction(async (tx) => {
    const companyIds = [...new Set(inputs.map((f) => f.companyId))];
    const known = await tx
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(inArray(companies.id, companyIds));
    const names = new Map(known.map((c) => [c.id, c.name]));
    const stored = (
      await tx
        .select()
        .from(figures)
        .where(
          and(inArray(figures.companyId, companyIds), inArray(figures.fiscalYear, [...new Set(inputs.map((f) => f.fiscalYear))])),
        )
        .for('update')
    ).map(toView);
    const byKey = new Map(stored.map((f) => [figureKey(f), f]));

    // One currency per company, fiscal year and metric: the batch and the other stored figures must agree.
    const currencyOf = new Map<string, { currency: string; where: string }>();
    for (const f of stored)
      if (!seen.has(figureKey(f))) currencyOf.set(currencyKey(f), { currency: f.currency, where: 'a stored figure' });
    inputs.forEach((f, i) => {
      if (!names.has(f.companyId)) issues.push({ path: ['figures', i, 'companyId'], message: 'No such company.' });
      const other = currencyOf.get(currencyKey(f));
      if (other && other.currency !== f.currency)
        issues.push({
          path: ['figures', i, 'currency'],
          message: `${METRIC_LABELS[f.metric]} for FY${f.fiscalYear} of ${names.get(f.companyId) ?? 'this company'} is in ${other.currency} (${other.where}); one currency per company, year and metric.`,
        });
      else currencyOf.set(currencyKey(f), { currency: f.currency, where: `figures[${i}]` });
    });
    if (issues.length > 0) throw new RuleError('Some figures are not valid; nothing was saved.', issues);

    const creates: FigureInput[] = [];
    const updates: { before: FigureView; figure: FigureInput }[] = [];
    const unchanged = new Map<string, FigureView>();
    for (const f of inputs) {
      const current = byKey.get(figureKey(f));
      if (current && f.version !== current.version)
        throw new ConflictError(
          `${METRIC_LABELS[f.metric]} ${f.kind} for FY${f.fiscalYear}${f.fiscalQuarter ? ` Q${f.fiscalQuarter}` : ''} of ${names.get(f.companyId)} was changed by ${current.updatedBy} since you read it.`,
          current,
        );
      if (!current && f.version !== undefined)
        throw new ConflictError(
          `A figure you are editing was deleted since you read it (${names.get(f.companyId)}, FY${f.fiscalYear}).`,
          null,
        );
      if (!current) creates.push(f);
      else if (sameContent(current, f)) unchanged.set(figureKey(f), current);
      else updates.push({ before: current, figure: f });
    }
    const written = await writeFigures(tx, actor, {
      creates,
      updates: updates.map(({ before, figure }) => ({ before: snapshot(before), figure })),
      actions: { create: 'figure.create', update: 'figure.update' },
    });
    const byWrittenKey = new Map(written.map((w) => [figureKey(w), w]));
    // In the order sent: the stored figure for each, as the grid needs it to carry on editing.
    const saved = inputs.map((f) => unchanged.get(figureKey(f)) ?? byWrittenKey.get(figureKey(f))!);
    return { created: creates.length, updated: updates.length, unchanged: unchanged.size, figures: saved };
  });
}

/** DELETE /api/v1/figures/{id}?version= — recorded with the whole figure, so it can be restored from history. */
export async function deleteFigure(actor: Actor, id: string, version: number): Promise<void> {
  assertRole(actor, 'analyst');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('No such figure.');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(figures).where(eq(figures.id, id)).for('update');
    if (!row) throw new NotFoundError('No such figure.');
    const current = toView(row);
    if (current.version !== version)
      throw new ConflictError(`The figure was changed by ${current.updatedBy} since you read it.`, current);
    await tx.delete(figures).where(eq(figures.id, id));
    await recordAudit(tx, actor, { action: 'figure.delete', entityType: 'figure', entityId: id, before: snapshot(current) });
  });
}
