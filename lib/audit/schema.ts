import { z } from 'zod';

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

/** One page of the log, the number of events the filter matches, and every entity type there is to filter by. */
export interface AuditPage {
  total: number;
  entityTypes: string[];
  items: AuditEventView[];
}
