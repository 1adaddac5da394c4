import { csvAttachment } from '@/lib/api/csv';
import { withAuth } from '@/lib/api/handler';
import { exportFiguresCsv } from '@/lib/dal/figure-csv';

/** GET /api/v1/export/figures.csv → every active company's figures, in the format the importer reads back. */
export const GET = withAuth('viewer', async ({ actor }) => csvAttachment(await exportFiguresCsv({ actor }), 'stacklens-figures'));
