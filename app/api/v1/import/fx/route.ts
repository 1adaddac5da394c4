import { csvImportRoute } from '@/lib/api/csv';
import { importFxCsv } from '@/lib/dal/fx';

/** POST /api/v1/import/fx[?dryRun=1] with fx.csv as the body (docs/data-contract.md §6, §7). */
export const POST = csvImportRoute(importFxCsv);
