import 'server-only';
import { and, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from '@/db/schema';
import type { Database } from '@/db/types';
import { AUDIT_PAGE_SIZE, type AuditEventView, type AuditFilter, type AuditPage } from '../audit/schema';
import type { Actor } from '../domain/actor';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';
import { inTurns } from '../server/event-loop';
import { escapeLike, jsonRows } from './sql-helpers';

/** A transaction or the database: audit events are written in the same transaction as the change. */
type Writer = Pick<Database, 'execute'>;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Events per statement. A 100,000-figure import writes 100,000 events: 20 statements of one parameter each. */
const BATCH = 5000;

/** The columns the writer fills, by name, with their types; `id` and `at` take their defaults. */
const COLUMNS = {
  actor_id: 'uuid',
  actor_label: 'text',
  action: 'text',
  entity_type: 'text',
  entity_id: 'text',
  before: 'jsonb',
  after: 'jsonb',
  ip: 'text',
} as const;
type AuditRow = Record<keyof typeof COLUMNS, unknown>;

const NAMES = Object.keys(COLUMNS);
const INSERT_LIST = sql.raw(NAMES.join(', '));
const SELECT_LIST = sql.raw(NAMES.map((n) => `x.${n}`).join(', '));
const RECORD_TYPE = Object.entries(COLUMNS)
  .map(([name, type]) => `${name} ${type}`)
  .join(', ');

/** Records one event as `actor`, inside the caller's transaction. */
export async function recordAudit(tx: Writer, actor: Actor, event: AuditInput): Promise<void> {
  await recordAudits(tx, actor, [event]);
}

/** Records many events as `actor`, in batches, inside the caller's transaction. */
export async function recordAudits(tx: Writer, actor: Actor, events: readonly AuditInput[]): Promise<void> {
  for await (const part of inTurns(events, BATCH)) {
    const rows = part.map((e): AuditRow => ({
      actor_id: actor.userId,
      actor_label: actor.label,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      ip: actor.ip ?? null,
    }));
    await tx.execute(sql`insert into ${auditEvents} (${INSERT_LIST}) select ${SELECT_LIST} from ${jsonRows(rows, RECORD_TYPE)}`);
  }
}

/** The global audit log: admin only (docs/data-contract.md §2). `to` is inclusive of the whole day, in UTC. */
export async function listAuditEvents(ctx: Ctx, filter: AuditFilter): Promise<AuditPage> {
  assertRole(ctx.actor, 'admin');
  const db = await dbOf(ctx);
  const where: SQL[] = [];
  if (filter.actor) where.push(ilike(auditEvents.actorLabel, `%${escapeLike(filter.actor)}%`));
  if (filter.entity) where.push(eq(auditEvents.entityType, filter.entity));
  if (filter.from) where.push(gte(auditEvents.at, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) where.push(lt(auditEvents.at, new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000)));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [count], entityTypes] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(condition)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(condition),
    db.selectDistinct({ t: auditEvents.entityType }).from(auditEvents).orderBy(auditEvents.entityType),
  ]);
  return {
    total: count?.n ?? 0,
    entityTypes: entityTypes.map((e) => e.t),
    items: rows.map((r): AuditEventView => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorLabel,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      ip: r.ip,
    })),
  };
}
