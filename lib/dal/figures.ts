import 'server-only';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { companies, figures } from '@/db/schema';
import type { Database } from '@/db/types';
import { canonicalDecimal } from '../domain/decimal';
import { currencyClashes, planFigureWrites, repeatedFigures, type BatchIssue } from '../domain/figures/batch-rules';
import { figureKey, type FigureInput } from '../domain/figures/input';
import { METRIC_LABELS } from '../domain/figures/types';
import { ConflictError, NotFoundError, RuleError, type FieldIssue } from '../errors';
import type { DeleteFigureInput, FigureBatch, FigureQuery, FigureView } from '../figures/schema';
import { recordAudit } from './audit';
import { dbOf, type Ctx } from './context';
import { FigureCreatedMeanwhile, writeFigures } from './figure-writes';
import { assertRole } from './guard';
import { isUuid } from '../domain/ids';

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

/** GET /api/v1/figures: by company, fiscal year and metric, in key order. One of company or year is required. */
export async function listFigures(ctx: Ctx, query: FigureQuery): Promise<FigureView[]> {
  assertRole(ctx.actor, 'viewer');
  if (!query.company && query.year === undefined)
    throw new RuleError('Give a company or a year.', [{ path: ['company'], message: 'Give a company or a year.' }]);
  const db = await dbOf(ctx);
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

/** A batch rule's issue as the API names it: by the figure's position in the batch. */
function batchIssue({ index, field, message }: BatchIssue): FieldIssue {
  return field ? { path: ['figures', index, field], message: `${message}.` } : { path: ['figures', index], message };
}

/**
 * PUT /api/v1/figures (docs/data-contract.md §7): a batch applied all or none in one transaction. A new natural key needs no
 * version; an existing one must carry the version it was read at, else 409 with the stored figure. Every
 * problem of every figure is reported at once, indexed by its position in the batch.
 */
export async function putFigures(
  ctx: Ctx,
  { figures: inputs }: FigureBatch,
): Promise<{ created: number; updated: number; unchanged: number; figures: FigureView[] }> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const named = (names: ReadonlyMap<string, string>) =>
    inputs.map((f, i) => ({ figure: f, where: `figures[${i}]`, company: names.get(f.companyId) ?? 'this company' }));
  const repeats = repeatedFigures(named(new Map()));
  if (repeats.length > 0) throw new RuleError('The batch repeats a figure; nothing was saved.', repeats.map(batchIssue));

  const db = await dbOf(ctx);
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

    const unknown = inputs.flatMap((f, i): FieldIssue[] =>
      names.has(f.companyId) ? [] : [{ path: ['figures', i, 'companyId'], message: 'No such company.' }],
    );
    // Each figure's issues together, an unknown company first, as the batch is read.
    const issues = [...unknown, ...currencyClashes(named(names), stored).map(batchIssue)].sort(
      (a, b) => (a.path[1] as number) - (b.path[1] as number),
    );
    if (issues.length > 0) throw new RuleError('Some figures are not valid; nothing was saved.', issues);

    const byKey = new Map(stored.map((f) => [figureKey(f), f]));
    for (const f of inputs) assertVersion(f, byKey.get(figureKey(f)), names.get(f.companyId));
    const plan = planFigureWrites(inputs, byKey);
    const written = await writeFigures(tx, actor, {
      creates: plan.creates,
      updates: plan.updates.map(({ before, figure }) => ({ before: snapshot(before), figure })),
      actions: { create: 'figure.create', update: 'figure.update' },
    }).catch(async (error: unknown) => {
      // Another request created one of these keys after the read above: a 409 with its figure, as for a stale version.
      if (error instanceof FigureCreatedMeanwhile) {
        const f = error.figure;
        assertVersion(f, await storedFigure(tx, f), names.get(f.companyId));
      }
      throw error;
    });
    const saved = new Map([...plan.unchanged, ...written].map((f) => [figureKey(f), f]));
    // In the order sent: the stored figure for each, as the grid needs it to carry on editing.
    return {
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged.length,
      figures: inputs.map((f) => saved.get(figureKey(f))!),
    };
  });
}

/** The stored figure with the natural key of `f`, if any. */
export async function storedFigure(
  db: Pick<Database, 'select'>,
  f: Pick<FigureInput, 'companyId' | 'fiscalYear' | 'metric' | 'kind'> & { fiscalQuarter: number | null },
): Promise<FigureView | undefined> {
  const [row] = await db
    .select()
    .from(figures)
    .where(
      and(
        eq(figures.companyId, f.companyId),
        eq(figures.fiscalYear, f.fiscalYear),
        sql`coalesce(${figures.fiscalQuarter}, 0) = ${f.fiscalQuarter ?? 0}`,
        eq(figures.metric, f.metric),
        eq(figures.kind, f.kind),
      ),
    );
  return row && toView(row);
}

/** An update carries the version it read; a new figure none (one with a version was deleted meanwhile). */
function assertVersion(f: FigureInput, current: FigureView | undefined, company: string | undefined): void {
  if (current && f.version !== current.version)
    throw new ConflictError(
      `${METRIC_LABELS[f.metric]} ${f.kind} for FY${f.fiscalYear}${f.fiscalQuarter ? ` Q${f.fiscalQuarter}` : ''} of ${company} was changed by ${current.updatedBy} since you read it.`,
      current,
    );
  if (!current && f.version !== undefined)
    throw new ConflictError(`A figure you are editing was deleted since you read it (${company}, FY${f.fiscalYear}).`, null);
}

/** DELETE /api/v1/figures/{id}?version= — recorded with the whole figure, so it can be restored from history. */
export async function deleteFigure(ctx: Ctx, { id, version }: DeleteFigureInput): Promise<void> {
  assertRole(ctx.actor, 'analyst');
  if (!isUuid(id)) throw new NotFoundError('No such figure.');
  const db = await dbOf(ctx);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(figures).where(eq(figures.id, id)).for('update');
    if (!row) throw new NotFoundError('No such figure.');
    const current = toView(row);
    if (version === undefined)
      throw new ConflictError(`Send ?version= (the version you read); the figure is at version ${current.version}.`, current);
    if (current.version !== version)
      throw new ConflictError(`The figure was changed by ${current.updatedBy} since you read it.`, current);
    await tx.delete(figures).where(eq(figures.id, id));
    await recordAudit(tx, ctx.actor, { action: 'figure.delete', entityType: 'figure', entityId: id, before: snapshot(current) });
  });
}
