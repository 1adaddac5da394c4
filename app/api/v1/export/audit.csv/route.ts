import { auditExportQuerySchema } from '@/lib/audit/schema';
import { csvAttachment } from '@/lib/api/csv';
import { withAuth } from '@/lib/api/handler';
import { parseSearch } from '@/lib/api/query';
import { exportAuditCsv } from '@/lib/dal/audit';

/** GET /api/v1/export/audit.csv?actor=&entity=&from=&to= → the audit log's events the filter matches: admins only. */
export const GET = withAuth('admin', async ({ req, actor }) =>
  csvAttachment(await exportAuditCsv({ actor }, parseSearch(req, auditExportQuerySchema)), 'stacklens-audit'),
);
