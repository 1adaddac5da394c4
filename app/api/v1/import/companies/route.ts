import { csvImportRoute } from '@/lib/api/csv';
import { importCompaniesCsv } from '@/lib/dal/company-csv';

/** POST /api/v1/import/companies[?dryRun=1] with companies.csv as the body (docs/data-contract.md §6, §7). */
export const POST = csvImportRoute(importCompaniesCsv);
