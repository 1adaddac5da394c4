import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { figures } from '@/db/schema';
import type { Database } from '@/db/types';
import type { Actor } from '../domain/actor';
import { canonicalDecimal, Dec } from '../domain/decimal';
import type { FigureInput } from '../domain/figures/input';
import { chunks } from './sql-helpers';

/** A stored figure as the writers compare and audit it. */
export type StoredFigure = {
  id: string;
  value: string;
  currency: string;
  source: string | null;
  note: string | null;
  version: number;
} & Pick<FigureInput, 'companyId' | 'fiscalYear' | 'metric' | 'kind'> & { fiscalQuarter: number | null };

type Tx = Pick<Database, 'insert' | 'execute'>;

export interface FigureWrites {
  creates: FigureInput[];
  updates: { before: StoredFigure; figure: FigureInput }[];
  /** Audit actions, e.g. figure.create / figure.update or figure.import_create / figure.import_update. */
  actions: { create: string; update: string };
}

/** A written figure: the stored row's fields, as the audit log keeps them. */
export type WrittenFigure = StoredFigure & { updatedBy: string; updatedAt: string };

/** Rows per write statement. */
const BATCH = 5000;
const NEW_FIGURE =
  'company_id uuid, fiscal_year smallint, fiscal_quarter smallint, metric metric, kind figure_kind, value numeric, currency text, source text, note text';
const CHANGED_FIGURE = 'id uuid, value numeric, currency text, source text, note text';
/** audit_events' insert list, in order. */
const AUDIT_ROW =
  'actor_id uuid, actor_label text, action text, entity_type text, entity_id text, before jsonb, after jsonb, ip text';

/**
 * A batch of rows as one jsonb parameter, read back as the table `x`. With a bound parameter per cell (some two
 * million for 100,000 figures and their audit events), Drizzle spent about as long building the statements as the
 * database spent running them. Decimals travel as JSON strings, so they stay exact; a JSON null becomes SQL null.
 */
function jsonRows(rows: readonly object[], columns: string): SQL {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${sql.raw(columns)})`;
}

/** Same value (by number), currency, source and note: saving or importing it again changes nothing. */
export function sameContent(stored: Pick<StoredFigure, 'value' | 'currency' | 'source' | 'note'>, f: FigureInput): boolean {
  return (
    new Dec(stored.value).eq(f.value) && stored.currency === f.currency && stored.source === f.source && stored.note === f.note
  );
}

const contentOf = (f: FigureInput) => ({ value: f.value, currency: f.currency, source: f.source, note: f.note });

/**
 * Inserts and updates figures in batches inside the caller's transaction, each write audited with the figure
 * before and after. The caller has checked keys, versions and currencies; this only writes. Returns every written
 * figure, creates first, in input order.
 */
export async function writeFigures(tx: Tx, actor: Actor, writes: FigureWrites): Promise<WrittenFigure[]> {
  const at = new Date();
  const written: WrittenFigure[] = [];
  const events: object[] = [];
  const audit = (action: string, entityId: string, before: unknown, after: unknown) =>
    events.push({
      actor_id: actor.userId,
      actor_label: actor.label,
      action,
      entity_type: 'figure',
      entity_id: entityId,
      before,
      after,
      ip: actor.ip ?? null,
    });

  for (const part of chunks(writes.creates, BATCH)) {
    const rows = part.map((f) => ({
      company_id: f.companyId,
      fiscal_year: f.fiscalYear,
      fiscal_quarter: f.fiscalQuarter,
      metric: f.metric,
      kind: f.kind,
      ...contentOf(f),
    }));
    const inserted = await tx
      .insert(figures)
      // Drizzle names every column of the table, in its order; the select yields them in that order.
      .select(
        sql`select gen_random_uuid(), x.company_id, x.fiscal_year, x.fiscal_quarter, x.metric, x.kind, x.value, x.currency,
              x.source, x.note, 1, ${actor.label}::text, ${at.toISOString()}::timestamptz
            from ${jsonRows(rows, NEW_FIGURE)}`,
      )
      .returning();
    for (const row of inserted) {
      const figure = { ...row, value: canonicalDecimal(row.value), updatedAt: row.updatedAt.toISOString() };
      written.push(figure);
      audit(writes.actions.create, row.id, null, figure);
    }
  }
  for (const part of chunks(writes.updates, BATCH)) {
    const rows = part.map((u) => ({ id: u.before.id, ...contentOf(u.figure) }));
    await tx.execute(
      sql`update figures
          set value = x.value, currency = x.currency, source = x.source, note = x.note, version = figures.version + 1,
            updated_by = ${actor.label}, updated_at = ${at.toISOString()}::timestamptz
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
      written.push({ ...after, updatedBy: actor.label, updatedAt: at.toISOString() });
      audit(writes.actions.update, u.before.id, u.before, after);
    }
  }
  for (const part of chunks(events, BATCH))
    await tx.execute(sql`insert into audit_events (actor_id, actor_label, action, entity_type, entity_id, before, after, ip)
          select * from ${jsonRows(part, AUDIT_ROW)}`);
  return written;
}
