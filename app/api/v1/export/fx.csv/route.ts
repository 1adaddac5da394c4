import { csvAttachment } from '@/lib/api/csv';
import { withAuth } from '@/lib/api/handler';
import { exportFxCsv } from '@/lib/dal/fx';

/** GET /api/v1/export/fx.csv → every FX rate, in the format the importer reads back. */
export const GET = withAuth('viewer', async ({ actor }) => csvAttachment(await exportFxCsv({ actor }), 'stacklens-fx'));
