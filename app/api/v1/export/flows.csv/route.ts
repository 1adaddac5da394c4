import { csvAttachment } from '@/lib/api/csv';
import { withAuth } from '@/lib/api/handler';
import { exportFlowsCsv } from '@/lib/dal/flow-csv';

/** GET /api/v1/export/flows.csv → every flow between active companies, in the format the importer reads back. */
export const GET = withAuth('viewer', async ({ actor }) => csvAttachment(await exportFlowsCsv({ actor }), 'stacklens-flows'));
