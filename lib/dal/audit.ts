import 'server-only';
import { and, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Database } from '@/db/types';
import type { Actor } from '../domain/actor';
import { assertRole } from './guard';
import { escapeLike } from './sql-helpers';

/** A transaction or the database: audit events are written in the same transaction as the change. */
type Writer = Pick<Database, 'insert'>;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Writer, actor: Actor, event: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: actor.userId,
    actorLabel: actor.label,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    ip: actor.ip ?? null,
  });
}

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(200).optional().catch(undefined),
  entity: z.string().trim().max(100).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventView {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** The global audit log: admin only (SPEC §2). `to` is inclusive of the whole day, in UTC. */
export async function listAuditEvents(actor: Actor, filter: AuditFilter) {
  assertRole(actor, 'admin');
  const db = await getDb();
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
