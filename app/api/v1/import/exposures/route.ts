import { csvImportRoute } from '@/lib/api/csv';
import { importExposuresCsv } from '@/lib/dal/exposure-csv';

/** POST /api/v1/import/exposures[?dryRun=1] with exposures.csv as the body (docs/data-contract.md §6, §7). */
export const POST = csvImportRoute(importExposuresCsv);
