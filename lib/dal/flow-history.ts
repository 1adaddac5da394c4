import 'server-only';
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { auditEvents, flows } from '@/db/schema';
import { flowCurrencyClashes, flowLayerProblems } from '../domain/flows/batch-rules';
import { flowKey, flowLabel } from '../domain/flows/input';
import { ConflictError, NotFoundError, RuleError } from '../errors';
import {
  flowSnapshotSchema,
  type FlowHistoryEntry,
  type FlowSnapshot,
  type FlowView,
  type RestoreFlowInput,
} from '../flows/schema';
import { recordAudit } from './audit';
import { dbOf, type Ctx } from './context';
import { companyLayers } from './flow-layers';
import { flowSnapshot, flowViews, storedFlowsOf } from './flows';
import { assertRole } from './guard';

function readSnapshot(value: unknown): FlowSnapshot | null {
  const parsed = flowSnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A flow event of the company, as payer or payee, before or after. */
const ofCompany = (companyId: string) =>
  sql`${companyId} in (${auditEvents.after}->>'payerId', ${auditEvents.after}->>'payeeId', ${auditEvents.before}->>'payerId', ${auditEvents.before}->>'payeeId')`;

/**
 * Every change of every flow of a company (as payer or payee), newest first; deleted flows stay in it, and the latest
 * deletion of a flow can be restored while its key is still free.
 */
export async function companyFlowHistory(
  ctx: Ctx,
  { companyId, limit = 1000 }: { companyId: string; limit?: number },
): Promise<FlowHistoryEntry[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const [rows, current] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'flow'), ofCompany(companyId)))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(limit),
    flowViews(db, or(eq(flows.payerId, companyId), eq(flows.payeeId, companyId))),
  ]);
  // A deletion whose other company is gone too (an admin's permanent delete) cannot come back.
  const deletedParties = rows.flatMap((r) => {
    const before = r.action === 'flow.delete' ? readSnapshot(r.before) : null;
    return before ? [before.payerId, before.payeeId] : [];
  });
  const existing = new Set((await companyLayers(db, deletedParties)).keys());
  const liveIds = new Set(current.map((f) => f.id));
  const liveKeys = new Set(current.map(flowKey));
  const seenDeletion = new Set<string>();
  return rows.map((r) => {
    const before = readSnapshot(r.before);
    const flowId = r.entityId ?? before?.id ?? '';
    let restorable = false;
    if (r.action === 'flow.delete' && before && !seenDeletion.has(flowId)) {
      seenDeletion.add(flowId);
      restorable =
        !liveIds.has(flowId) && !liveKeys.has(flowKey(before)) && existing.has(before.payerId) && existing.has(before.payeeId);
    }
    return {
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorLabel,
      action: r.action,
      flowId,
      before,
      after: readSnapshot(r.after),
      restorable,
    };
  });
}

/**
 * Undoes a deletion from its audit event: the flow comes back with its id and content and a version one above the
 * deleted one. Refused when its key is taken again, its currency clashes with its link's other flow, or a company
 * is gone or no longer in the flow's layer.
 */
export async function restoreFlow(ctx: Ctx, { eventId }: RestoreFlowInput): Promise<FlowView> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const db = await dbOf(ctx);
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(auditEvents).where(eq(auditEvents.id, eventId));
    const deleted = event?.action === 'flow.delete' ? readSnapshot(event.before) : null;
    if (!deleted) throw new NotFoundError('No such deletion in the history.');
    const known = await companyLayers(tx, [deleted.payerId, deleted.payeeId]);
    const payer = known.get(deleted.payerId);
    const payee = known.get(deleted.payeeId);
    if (!payer || !payee) throw new NotFoundError('A company of this flow no longer exists.');
    const label = flowLabel(deleted, { payer: payer.name, payee: payee.name });
    const restored = { ...deleted, source: deleted.source ?? null, note: deleted.note ?? null };
    const stored = await storedFlowsOf(tx, [restored], { lock: true });
    const existsAgain = (current: FlowView | null) =>
      new ConflictError(`${label} exists again; edit it instead of restoring.`, current);
    const taken = stored.find((f) => f.id === deleted.id || flowKey(f) === flowKey(deleted));
    if (taken) throw existsAgain(taken);
    const [problem] = [
      ...flowLayerProblems([deleted], known),
      ...flowCurrencyClashes([{ flow: deleted, where: 'the deleted flow' }], stored),
    ];
    if (problem)
      throw new RuleError(`${label} cannot be restored: ${problem.message}.`, [
        { path: [problem.field ?? 'flow'], message: problem.message },
      ]);
    const [row] = await tx
      .insert(flows)
      .values({ ...restored, version: deleted.version + 1, updatedBy: actor.label, updatedAt: new Date() })
      .onConflictDoNothing()
      .returning({ id: flows.id });
    // A concurrent restore (or create) of the key that committed after the read above: skipped, then a 409.
    if (!row) throw existsAgain(null);
    const [view] = await flowViews(tx, eq(flows.id, row.id));
    await recordAudit(tx, actor, { action: 'flow.restore', entityType: 'flow', entityId: view!.id, after: flowSnapshot(view!) });
    return view!;
  });
}
