import { csvImportRoute } from '@/lib/api/csv';
import { importFlowsCsv } from '@/lib/dal/flow-csv';

/** POST /api/v1/import/flows[?dryRun=1] with flows.csv as the body (docs/data-contract.md §9). */
export const POST = csvImportRoute(importFlowsCsv);
