import { csvImportRoute } from '@/lib/api/csv';
import { importFiguresCsv } from '@/lib/dal/figure-csv';

/** POST /api/v1/import/figures[?dryRun=1] with figures.csv as the body (docs/data-contract.md §6, §7). */
export const POST = csvImportRoute(importFiguresCsv);
