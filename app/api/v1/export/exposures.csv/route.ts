import { csvAttachment } from '@/lib/api/csv';
import { withAuth } from '@/lib/api/handler';
import { exportExposuresCsv } from '@/lib/dal/exposure-csv';

/** GET /api/v1/export/exposures.csv → every profile other than the base of the active companies (docs/data-contract.md §6). */
export const GET = withAuth('viewer', async ({ actor }) =>
  csvAttachment(await exportExposuresCsv({ actor }), 'stacklens-exposures'),
);
