import { z } from 'zod';
import type { AuditChange } from './describe';

/** The admin's audit log: its filter, as it lives in the URL, and the events it lists. Client code imports this. */

/** Lenient: a bad value in the URL is dropped, not an error. */
export const auditFilterSchema = z.object({
  actor: z.string().trim().max(200).optional().catch(undefined),
  entity: z.string().trim().max(100).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** GET /api/v1/export/audit.csv: the page's filter without its page, strict, since a file is made from it. */
export const auditExportQuerySchema = z.strictObject(
  {
    actor: z.string().trim().max(200, 'actor is at most 200 characters.').optional(),
    entity: z.string().trim().max(100, 'entity is at most 100 characters.').optional(),
    from: z.iso.date('from must be a date such as 2026-01-31.').optional(),
    to: z.iso.date('to must be a date such as 2026-01-31.').optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown query parameter: ${issue.keys.join(', ')}.` : undefined) },
);
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

export const AUDIT_PAGE_SIZE = 50;

/** The most events one CSV export holds, newest first; a filter narrows a larger log. */
export const AUDIT_EXPORT_LIMIT = 100_000;

export const AUDIT_CSV_COLUMNS = [
  'at',
  'actor',
  'action',
  'entity_type',
  'entity_id',
  'subject',
  'changes',
  'before',
  'after',
  'ip',
] as const;

export interface AuditEventView {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  /** What the event was about, by name: "NVIDIA · Revenue reported FY2024". */
  subject: string;
  /** The fields it changed, before → after; ids, versions and timestamps left out. */
  changes: AuditChange[];
  /** The stored snapshots, as written. */
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** One page of the log, the number of events the filter matches, and every entity type there is to filter by. */
export interface AuditPage {
  total: number;
  entityTypes: string[];
  items: AuditEventView[];
}
