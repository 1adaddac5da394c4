import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import type { Actor } from '../domain/actor';
import { canonicalDecimal } from '../domain/decimal';
import type { FigureInput } from '../domain/figures/input';
import { ConflictError } from '../errors';
import { recordAudits, type AuditInput } from './audit';
import { inTurns } from '../server/event-loop';
import { jsonRows, selectRows } from './sql-helpers';

/** A stored figure as the writers compare and audit it. */
export type StoredFigure = {
  id: string;
  value: string;
  currency: string;
  source: string | null;
  note: string | null;
  version: number;
} & Pick<FigureInput, 'companyId' | 'fiscalYear' | 'metric' | 'kind'> & { fiscalQuarter: number | null };

type Tx = Pick<Database, 'execute'>;

export interface FigureWrites {
  creates: FigureInput[];
  updates: { before: StoredFigure; figure: FigureInput }[];
  /** Audit actions, e.g. figure.create / figure.update or figure.import_create / figure.import_update. */
  actions: { create: string; update: string };
}

/** A written figure: the stored row's fields, as the audit log keeps them. */
export type WrittenFigure = StoredFigure & { updatedBy: string; updatedAt: string };

/**
 * A new figure whose natural key another request stored after the caller read (docs/data-contract.md §7). It is a
 * 409 as it stands; a caller that can name the stored figure catches it and answers with that figure.
 */
export class FigureCreatedMeanwhile extends ConflictError {
  constructor(readonly figure: FigureInput) {
    super('Someone else saved one of these figures at the same moment. Reload and try again.');
  }
}

/** Rows per write statement. */
const BATCH = 5000;
const NEW_FIGURE =
  'id uuid, company_id uuid, fiscal_year smallint, fiscal_quarter smallint, metric metric, kind figure_kind, value numeric, currency text, source text, note text';
const CHANGED_FIGURE = 'id uuid, value numeric, currency text, source text, note text';

const contentOf = (f: FigureInput) => ({ value: f.value, currency: f.currency, source: f.source, note: f.note });

/**
 * Inserts and updates figures in batches inside the caller's transaction, each write audited with the figure
 * before and after. The caller has checked keys, versions and currencies; this only writes. Returns every written
 * figure, creates first, in input order.
 */
export async function writeFigures(tx: Tx, actor: Actor, writes: FigureWrites): Promise<WrittenFigure[]> {
  const at = new Date().toISOString();
  const written: WrittenFigure[] = [];
  const events: AuditInput[] = [];

  for await (const part of inTurns(writes.creates, BATCH)) {
    // Ids are made here, so what was written is known without reading 100,000 rows back.
    const created = part.map((f): WrittenFigure => ({
      id: randomUUID(),
      companyId: f.companyId,
      fiscalYear: f.fiscalYear,
      fiscalQuarter: f.fiscalQuarter,
      metric: f.metric,
      kind: f.kind,
      ...contentOf(f),
      value: canonicalDecimal(f.value),
      version: 1,
      updatedBy: actor.label,
      updatedAt: at,
    }));
    const rows = part.map((f, i) => ({
      id: created[i]!.id,
      company_id: f.companyId,
      fiscal_year: f.fiscalYear,
      fiscal_quarter: f.fiscalQuarter,
      metric: f.metric,
      kind: f.kind,
      ...contentOf(f),
    }));
    // A key another request stored since the caller read is skipped, not a unique violation: the transaction stays
    // usable, so the caller can read the stored figure and answer 409 with it.
    const inserted = await selectRows<{ id: string }>(
      tx,
      sql`insert into figures (id, company_id, fiscal_year, fiscal_quarter, metric, kind, value, currency, source, note,
            version, updated_by, updated_at)
          select x.id, x.company_id, x.fiscal_year, x.fiscal_quarter, x.metric, x.kind, x.value, x.currency, x.source,
            x.note, 1, ${actor.label}::text, ${at}::timestamptz
          from ${jsonRows(rows, NEW_FIGURE)}
          on conflict do nothing
          returning id`,
    );
    if (inserted.length < part.length) {
      const ids = new Set(inserted.map((r) => r.id));
      throw new FigureCreatedMeanwhile(part[created.findIndex((f) => !ids.has(f.id))]!);
    }
    for (const figure of created) {
      written.push(figure);
      events.push({ action: writes.actions.create, entityType: 'figure', entityId: figure.id, before: null, after: figure });
    }
  }
  for await (const part of inTurns(writes.updates, BATCH)) {
    const rows = part.map((u) => ({ id: u.before.id, ...contentOf(u.figure) }));
    await tx.execute(
      sql`update figures
          set value = x.value, currency = x.currency, source = x.source, note = x.note, version = figures.version + 1,
            updated_by = ${actor.label}, updated_at = ${at}::timestamptz
          from ${jsonRows(rows, CHANGED_FIGURE)}
          where figures.id = x.id`,
    );
    for (const u of part) {
      const after = {
        ...u.before,
        ...contentOf(u.figure),
        value: canonicalDecimal(u.figure.value),
        version: u.before.version + 1,
      };
      written.push({ ...after, updatedBy: actor.label, updatedAt: at });
      events.push({ action: writes.actions.update, entityType: 'figure', entityId: u.before.id, before: u.before, after });
    }
  }
  await recordAudits(tx, actor, events);
  return written;
}
