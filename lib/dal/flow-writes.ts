import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import type { Actor } from '../domain/actor';
import { canonicalDecimal } from '../domain/decimal';
import type { FlowInput } from '../domain/flows/input';
import { ConflictError } from '../errors';
import type { FlowSnapshot, FlowView } from '../flows/schema';
import { inTurns } from '../server/event-loop';
import { recordAudits, type AuditInput } from './audit';
import { jsonRows, selectRows } from './sql-helpers';

/** A written flow: the stored row's fields, as the audit log keeps them. */
export type WrittenFlow = Omit<FlowView, 'payerName' | 'payeeName'>;

export interface FlowWrites {
  creates: FlowInput[];
  updates: { before: FlowSnapshot; flow: FlowInput }[];
  /** Audit actions: flow.create / flow.update, or flow.import_create / flow.import_update. */
  actions: { create: string; update: string };
}

/** A new flow whose natural key another request stored after the caller read: a 409. */
export class FlowCreatedMeanwhile extends ConflictError {
  constructor(readonly flow: FlowInput) {
    super('Someone else saved one of these flows at the same moment. Reload and try again.');
  }
}

/** Rows per write statement. */
const BATCH = 5000;
const NEW_FLOW =
  'id uuid, payer_id uuid, payer_layer text, payee_id uuid, payee_layer text, year smallint, kind figure_kind, value numeric, currency text, source text, note text';
const CHANGED_FLOW = 'id uuid, value numeric, currency text, source text, note text';

const contentOf = (f: FlowInput) => ({ value: f.value, currency: f.currency, source: f.source, note: f.note });

/**
 * Inserts and updates flows in batches inside the caller's transaction, each write audited with the flow before and
 * after. The caller has checked companies, layers, keys, versions and currencies; this only writes. Returns every
 * written flow, creates first, in input order.
 */
export async function writeFlows(tx: Pick<Database, 'execute'>, actor: Actor, writes: FlowWrites): Promise<WrittenFlow[]> {
  const at = new Date().toISOString();
  const written: WrittenFlow[] = [];
  const events: AuditInput[] = [];
  const stamp = { updatedBy: actor.label, updatedAt: at };

  for await (const part of inTurns(writes.creates, BATCH)) {
    const created = part.map((f): WrittenFlow => ({
      id: randomUUID(),
      payerId: f.payerId,
      payerLayer: f.payerLayer,
      payeeId: f.payeeId,
      payeeLayer: f.payeeLayer,
      year: f.year,
      kind: f.kind,
      ...contentOf(f),
      value: canonicalDecimal(f.value),
      version: 1,
      ...stamp,
    }));
    const rows = created.map((f) => ({
      id: f.id,
      payer_id: f.payerId,
      payer_layer: f.payerLayer,
      payee_id: f.payeeId,
      payee_layer: f.payeeLayer,
      year: f.year,
      kind: f.kind,
      value: f.value,
      currency: f.currency,
      source: f.source,
      note: f.note,
    }));
    // A key stored meanwhile is skipped, not a unique violation: the transaction stays usable for the 409's read.
    const inserted = await selectRows<{ id: string }>(
      tx,
      sql`insert into flows (id, payer_id, payer_layer, payee_id, payee_layer, year, kind, value, currency, source, note,
            version, updated_by, updated_at)
          select x.id, x.payer_id, x.payer_layer, x.payee_id, x.payee_layer, x.year, x.kind, x.value, x.currency,
            x.source, x.note, 1, ${actor.label}::text, ${at}::timestamptz
          from ${jsonRows(rows, NEW_FLOW)}
          on conflict do nothing
          returning id`,
    );
    if (inserted.length < part.length) {
      const ids = new Set(inserted.map((r) => r.id));
      throw new FlowCreatedMeanwhile(part[created.findIndex((f) => !ids.has(f.id))]!);
    }
    for (const flow of created) {
      written.push(flow);
      events.push({ action: writes.actions.create, entityType: 'flow', entityId: flow.id, before: null, after: flow });
    }
  }
  for await (const part of inTurns(writes.updates, BATCH)) {
    const rows = part.map((u) => ({ id: u.before.id, ...contentOf(u.flow) }));
    await tx.execute(
      sql`update flows
          set value = x.value, currency = x.currency, source = x.source, note = x.note, version = flows.version + 1,
            updated_by = ${actor.label}, updated_at = ${at}::timestamptz
          from ${jsonRows(rows, CHANGED_FLOW)}
          where flows.id = x.id`,
    );
    for (const u of part) {
      const after = { ...u.before, ...contentOf(u.flow), value: canonicalDecimal(u.flow.value), version: u.before.version + 1 };
      written.push({ ...after, ...stamp });
      events.push({ action: writes.actions.update, entityType: 'flow', entityId: u.before.id, before: u.before, after });
    }
  }
  await recordAudits(tx, actor, events);
  return written;
}
