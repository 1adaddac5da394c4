import 'server-only';
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { companies, flows } from '@/db/schema';
import type { Database } from '@/db/types';
import { canonicalDecimal } from '../domain/decimal';
import { planWrites } from '../domain/figures/batch-rules';
import { flowCurrencyClashes, flowLayerProblems, repeatedFlows, type FlowIssue } from '../domain/flows/batch-rules';
import { flowKey, flowLabel, type FlowInput } from '../domain/flows/input';
import type { LayerKey } from '../domain/layers';
import { isUuid } from '../domain/ids';
import { ConflictError, NotFoundError, RuleError, type FieldIssue } from '../errors';
import type { DeleteFlowInput, FlowBatch, FlowQuery, FlowSnapshot, FlowView } from '../flows/schema';
import { recordAudit } from './audit';
import { dbOf, type Ctx } from './context';
import { companyLayers } from './flow-layers';
import { FlowCreatedMeanwhile, writeFlows } from './flow-writes';
import { assertRole } from './guard';

type Reader = Pick<Database, 'select'>;
type FlowRow = typeof flows.$inferSelect;

/** The two companies of a flow, as `flowViews` joins them (a `where` may name their columns). */
export const payer = alias(companies, 'payer');
export const payee = alias(companies, 'payee');

/** A stored row as the audit log keeps it: every field but who and when. */
export function flowSnapshot(row: FlowRow | FlowView): FlowSnapshot {
  return {
    id: row.id,
    payerId: row.payerId,
    payerLayer: row.payerLayer as LayerKey,
    payeeId: row.payeeId,
    payeeLayer: row.payeeLayer as LayerKey,
    year: row.year,
    kind: row.kind,
    value: canonicalDecimal(row.value),
    currency: row.currency,
    source: row.source,
    note: row.note,
    version: row.version,
  };
}

function toView(row: FlowRow, names: { payer: string; payee: string }): FlowView {
  return {
    ...flowSnapshot(row),
    source: row.source,
    note: row.note,
    payerName: names.payer,
    payeeName: names.payee,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Flows with both companies' names, in the order a company's flows are listed: year, payer, payee, layers, kind. */
export async function flowViews(db: Reader, where: SQL | undefined, { lock = false } = {}): Promise<FlowView[]> {
  const query = db
    .select({ flow: flows, payer: payer.name, payee: payee.name })
    .from(flows)
    .innerJoin(payer, eq(payer.id, flows.payerId))
    .innerJoin(payee, eq(payee.id, flows.payeeId))
    .where(where)
    .orderBy(
      asc(flows.year),
      asc(payer.nameKey),
      asc(payee.nameKey),
      asc(flows.payerLayer),
      asc(flows.payeeLayer),
      asc(flows.kind),
    );
  const rows = await (lock ? query.for('update', { of: flows }) : query);
  return rows.map((r) => toView(r.flow, r));
}

/** GET /api/v1/flows?company=&year=: the company's flows as payer or payee (docs/data-contract.md §9). */
export async function listFlows(ctx: Ctx, query: FlowQuery): Promise<FlowView[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  return flowViews(
    db,
    and(
      or(eq(flows.payerId, query.company), eq(flows.payeeId, query.company)),
      query.year === undefined ? undefined : eq(flows.year, query.year),
    ),
  );
}

/** The stored flows a batch may replace or clash with in currency: the same payers, payees and years. */
export function storedFlowsOf(db: Reader, incoming: readonly FlowInput[], { lock }: { lock: boolean }): Promise<FlowView[]> {
  if (incoming.length === 0) return Promise.resolve([]);
  const unique = <T>(pick: (f: FlowInput) => T) => [...new Set(incoming.map(pick))];
  return flowViews(
    db,
    and(
      inArray(
        flows.payerId,
        unique((f) => f.payerId),
      ),
      inArray(
        flows.payeeId,
        unique((f) => f.payeeId),
      ),
      inArray(
        flows.year,
        unique((f) => f.year),
      ),
    ),
    { lock },
  );
}

/** A batch rule's issue as the API names it: by the flow's position in the batch. */
function batchIssue({ index, field, message }: FlowIssue): FieldIssue {
  return field ? { path: ['flows', index, field], message: `${message}.` } : { path: ['flows', index], message };
}

/**
 * PUT /api/v1/flows (docs/data-contract.md §9): a batch applied all or none in one transaction. A new natural key
 * needs no version; an existing one must carry the version it was read at, else 409 with the stored flow. Every
 * problem of every flow (an unknown company, a layer the company is not in, a second currency) is reported at once.
 */
export async function putFlows(
  ctx: Ctx,
  { flows: inputs }: FlowBatch,
): Promise<{ created: number; updated: number; unchanged: number; flows: FlowView[] }> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const incoming = inputs.map((flow, i) => ({ flow, where: `flows[${i}]` }));
  const repeats = repeatedFlows(incoming);
  if (repeats.length > 0) throw new RuleError('The batch repeats a flow; nothing was saved.', repeats.map(batchIssue));

  const db = await dbOf(ctx);
  return db.transaction(async (tx) => {
    const known = await companyLayers(
      tx,
      inputs.flatMap((f) => [f.payerId, f.payeeId]),
    );
    const stored = await storedFlowsOf(tx, inputs, { lock: true });
    const unknown = inputs.flatMap((f, i): FieldIssue[] =>
      (['payerId', 'payeeId'] as const).flatMap((field) =>
        known.has(f[field]) ? [] : [{ path: ['flows', i, field], message: 'No such company.' }],
      ),
    );
    const issues = [
      ...unknown,
      ...[...flowLayerProblems(inputs, known), ...flowCurrencyClashes(incoming, stored)].map(batchIssue),
    ].sort((a, b) => (a.path[1] as number) - (b.path[1] as number));
    if (issues.length > 0) throw new RuleError('Some flows are not valid; nothing was saved.', issues);

    const byKey = new Map(stored.map((f) => [flowKey(f), f]));
    const names = (f: FlowInput) => ({ payer: known.get(f.payerId)!.name, payee: known.get(f.payeeId)!.name });
    for (const f of inputs) assertVersion(f, byKey.get(flowKey(f)), names(f));
    const plan = planWrites(inputs, byKey, flowKey);
    const written = await writeFlows(tx, actor, {
      creates: plan.creates,
      updates: plan.updates.map(({ before, figure }) => ({ before: flowSnapshot(before), flow: figure })),
      actions: { create: 'flow.create', update: 'flow.update' },
    }).catch(async (error: unknown) => {
      // Another request created one of these keys after the read above: a 409 with its flow, as for a stale version.
      if (error instanceof FlowCreatedMeanwhile) {
        const [current] = (await storedFlowsOf(tx, [error.flow], { lock: false })).filter(
          (f) => flowKey(f) === flowKey(error.flow),
        );
        assertVersion(error.flow, current, names(error.flow));
      }
      throw error;
    });
    const saved = new Map<string, FlowView>(plan.unchanged.map((f) => [flowKey(f), f]));
    for (const f of written) {
      const { payer: payerName, payee: payeeName } = names(f);
      saved.set(flowKey(f), { ...f, payerName, payeeName });
    }
    return {
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged.length,
      flows: inputs.map((f) => saved.get(flowKey(f))!),
    };
  });
}

/** An update carries the version it read; a new flow none (one with a version was deleted meanwhile). */
function assertVersion(f: FlowInput, current: FlowView | undefined, names: { payer: string; payee: string }): void {
  if (current && f.version !== current.version)
    throw new ConflictError(`${flowLabel(f, names)} was changed by ${current.updatedBy} since you read it.`, current);
  if (!current && f.version !== undefined) throw new ConflictError(`${flowLabel(f, names)} was deleted since you read it.`, null);
}

/** DELETE /api/v1/flows/{id}?version= — recorded with the whole flow, so it can be restored from history. */
export async function deleteFlow(ctx: Ctx, { id, version }: DeleteFlowInput): Promise<void> {
  assertRole(ctx.actor, 'analyst');
  if (!isUuid(id)) throw new NotFoundError('No such flow.');
  const db = await dbOf(ctx);
  await db.transaction(async (tx) => {
    const [current] = await flowViews(tx, eq(flows.id, id), { lock: true });
    if (!current) throw new NotFoundError('No such flow.');
    if (version === undefined)
      throw new ConflictError(`Send ?version= (the version you read); the flow is at version ${current.version}.`, current);
    if (current.version !== version)
      throw new ConflictError(`The flow was changed by ${current.updatedBy} since you read it.`, current);
    await tx.delete(flows).where(eq(flows.id, id));
    await recordAudit(tx, ctx.actor, { action: 'flow.delete', entityType: 'flow', entityId: id, before: flowSnapshot(current) });
  });
}
