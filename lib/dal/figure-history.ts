import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { auditEvents, companies, figures } from '@/db/schema';
import { figureKey } from '../domain/figures/input';
import { METRIC_LABELS } from '../domain/figures/types';
import { ConflictError, NotFoundError, RuleError } from '../errors';
import {
  figureSnapshotSchema,
  type FigureHistoryEntry,
  type FigureSnapshot,
  type FigureView,
  type RestoreFigureInput,
} from '../figures/schema';
import { recordAudit } from './audit';
import { dbOf, type Ctx } from './context';
import { snapshot, storedFigure, toView } from './figures';
import { assertRole } from './guard';

function readSnapshot(value: unknown): FigureSnapshot | null {
  const parsed = figureSnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The company a figure event belongs to, as the index on audit_events computes it. */
const eventCompany = sql`coalesce(${auditEvents.after}->>'companyId', ${auditEvents.before}->>'companyId')`;

/**
 * Every change of every figure of a company, newest first (docs/data-contract.md §2: history is readable by every role where it
 * is shown). Deleted figures stay in it, and a deletion can be restored while its key is still free.
 */
export async function companyFigureHistory(
  ctx: Ctx,
  { companyId, limit = 1000 }: { companyId: string; limit?: number },
): Promise<FigureHistoryEntry[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const [rows, current] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'figure'), sql`${eventCompany} = ${companyId}`))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(limit),
    db.select().from(figures).where(eq(figures.companyId, companyId)),
  ]);
  const liveIds = new Set(current.map((f) => f.id));
  const liveKeys = new Set(current.map((f) => figureKey(f)));
  // Only the latest deletion of a figure offers a restore: an older one was already undone.
  const seenDeletion = new Set<string>();
  return rows.map((r) => {
    const before = readSnapshot(r.before);
    const figureId = r.entityId ?? before?.id ?? '';
    let restorable = false;
    if (r.action === 'figure.delete' && before && !seenDeletion.has(figureId)) {
      seenDeletion.add(figureId);
      restorable = !liveIds.has(figureId) && !liveKeys.has(figureKey(before));
    }
    return {
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorLabel,
      action: r.action,
      figureId,
      before,
      after: readSnapshot(r.after),
      restorable,
    };
  });
}

/**
 * Undoes a deletion from its audit event: the figure comes back with its id, value, currency, source and note,
 * and a version one above the deleted one, so a screen that still holds the old version gets a conflict.
 */
export async function restoreFigure(ctx: Ctx, { eventId }: RestoreFigureInput): Promise<FigureView> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const db = await dbOf(ctx);
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(auditEvents).where(eq(auditEvents.id, eventId));
    const deleted = event?.action === 'figure.delete' ? readSnapshot(event.before) : null;
    if (!deleted) throw new NotFoundError('No such deletion in the history.');
    const [company] = await tx.select({ name: companies.name }).from(companies).where(eq(companies.id, deleted.companyId));
    if (!company) throw new NotFoundError('The company of this figure no longer exists.');
    const label = `${METRIC_LABELS[deleted.metric]} ${deleted.kind} for FY${deleted.fiscalYear}${deleted.fiscalQuarter ? ` Q${deleted.fiscalQuarter}` : ''}`;
    // The same company, fiscal year and metric: the key may be taken again, and the currency must still agree.
    const sameYear = await tx
      .select()
      .from(figures)
      .where(
        and(
          eq(figures.companyId, deleted.companyId),
          eq(figures.fiscalYear, deleted.fiscalYear),
          eq(figures.metric, deleted.metric),
        ),
      )
      .for('update');
    const existsAgain = (stored: FigureView | null) =>
      new ConflictError(`${label} of ${company.name} exists again; edit it instead of restoring.`, stored);
    const taken = sameYear.find((f) => f.id === deleted.id || figureKey(f) === figureKey(deleted));
    if (taken) throw existsAgain(toView(taken));
    const otherCurrency = sameYear.find((f) => f.currency !== deleted.currency);
    if (otherCurrency)
      throw new RuleError(
        `${label} was in ${deleted.currency}, but ${company.name}'s other ${METRIC_LABELS[deleted.metric]} figures for FY${deleted.fiscalYear} are now in ${otherCurrency.currency}; one currency per company, year and metric.`,
        [{ path: ['currency'], message: `now in ${otherCurrency.currency}` }],
      );
    const [row] = await tx
      .insert(figures)
      .values({
        id: deleted.id,
        companyId: deleted.companyId,
        fiscalYear: deleted.fiscalYear,
        fiscalQuarter: deleted.fiscalQuarter,
        metric: deleted.metric,
        kind: deleted.kind,
        value: deleted.value,
        currency: deleted.currency,
        source: deleted.source ?? null,
        note: deleted.note ?? null,
        version: deleted.version + 1,
        updatedBy: actor.label,
        updatedAt: new Date(),
      })
      // A concurrent restore (or create) of the key that committed after the read above: skipped, then a 409.
      .onConflictDoNothing()
      .returning();
    if (!row) throw existsAgain((await storedFigure(tx, deleted)) ?? null);
    const view = toView(row);
    await recordAudit(tx, actor, { action: 'figure.restore', entityType: 'figure', entityId: view.id, after: snapshot(view) });
    return view;
  });
}
