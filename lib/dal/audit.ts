import 'server-only';
import { and, desc, eq, gt, gte, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { auditEvents, companies, users } from '@/db/schema';
import type { Database } from '@/db/types';
import { auditChanges, auditSubject, auditSubjectIds, changeText } from '../audit/describe';
import {
  AUDIT_CSV_COLUMNS,
  AUDIT_EXPORT_LIMIT,
  AUDIT_PAGE_SIZE,
  type AuditEventView,
  type AuditExportQuery,
  type AuditFilter,
  type AuditPage,
} from '../audit/schema';
import { toCsv } from '../csv/write';
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

/** The events a filter matches. `to` is inclusive of the whole day, in UTC. */
function auditCondition(filter: AuditExportQuery): SQL | undefined {
  const where: SQL[] = [];
  if (filter.actor) where.push(ilike(auditEvents.actorLabel, `%${escapeLike(filter.actor)}%`));
  if (filter.entity) where.push(eq(auditEvents.entityType, filter.entity));
  if (filter.from) where.push(gte(auditEvents.at, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) where.push(lt(auditEvents.at, new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000)));
  return where.length ? and(...where) : undefined;
}

/** Events as the log shows them: what each was about by name (one lookup for all), and what it changed. */
async function describedEvents(db: Database, rows: (typeof auditEvents.$inferSelect)[]): Promise<AuditEventView[]> {
  const wanted = rows.map((r) => auditSubjectIds(r));
  const companyIds = [...new Set(wanted.flatMap((w) => w.companies))].filter((id) => UUID.test(id));
  const userIds = [...new Set(wanted.flatMap((w) => w.users))].filter((id) => UUID.test(id));
  const [companyNames, userEmails] = await Promise.all([
    companyIds.length
      ? db.select({ id: companies.id, name: companies.name }).from(companies).where(inArray(companies.id, companyIds))
      : [],
    userIds.length ? db.select({ id: users.id, name: users.email }).from(users).where(inArray(users.id, userIds)) : [],
  ]);
  const names = {
    companies: new Map(companyNames.map((c) => [c.id, c.name])),
    users: new Map(userEmails.map((u) => [u.id, u.name])),
  };
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    subject: auditSubject(r, names),
    changes: auditChanges(r.before, r.after),
    before: r.before,
    after: r.after,
    ip: r.ip,
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The global audit log, a page at a time: admin only (docs/data-contract.md §2). */
export async function listAuditEvents(ctx: Ctx, filter: AuditFilter): Promise<AuditPage> {
  assertRole(ctx.actor, 'admin');
  const db = await dbOf(ctx);
  const condition = auditCondition(filter);
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
    items: await describedEvents(db, rows),
  };
}

/** The audit entities whose changes move analytics answers: companies (with their exposures and profiles), figures, rates, flows. */
const DATA_ENTITIES = ['company', 'figure', 'fx_rate', 'flow'];

/**
 * The data changes recorded after `since`, newest first: the first `limit`, described as the log describes them,
 * and how many there are. For the data layer's own callers (a snapshot's comparison), which check the role.
 */
export async function dataChangesSince(
  db: Database,
  since: Date,
  limit: number,
): Promise<{ items: AuditEventView[]; total: number }> {
  const condition = and(inArray(auditEvents.entityType, DATA_ENTITIES), gt(auditEvents.at, since));
  const [rows, [count]] = await Promise.all([
    db.select().from(auditEvents).where(condition).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(condition),
  ]);
  return { items: await describedEvents(db, rows), total: count?.n ?? 0 };
}

/**
 * GET /api/v1/export/audit.csv: every event the filter matches, newest first, up to AUDIT_EXPORT_LIMIT (a filter
 * narrows a larger log): admin only. Each row names its subject and spells out its changes ("value: 1 → 2"), and
 * keeps the stored before and after as JSON for a reader who needs every field.
 */
export async function exportAuditCsv(ctx: Ctx, filter: AuditExportQuery): Promise<string> {
  assertRole(ctx.actor, 'admin');
  const db = await dbOf(ctx);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(auditCondition(filter))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_EXPORT_LIMIT);
  const described = await describedEvents(db, rows);
  return toCsv(
    AUDIT_CSV_COLUMNS,
    described.map((e) => ({
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      subject: e.subject,
      changes: e.changes.map(changeText).join('; '),
      before: e.before === null ? null : JSON.stringify(e.before),
      after: e.after === null ? null : JSON.stringify(e.after),
      ip: e.ip,
    })),
  );
}
