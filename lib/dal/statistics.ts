import 'server-only';
import { analyzeOnPglite } from '@/db/analyze';
import type { Database } from '@/db/types';
import type { ImportSummary } from '../imports/schema';

/** The tables an importer writes that the analytics read. */
type ImportedTable = 'companies' | 'exposures' | 'lists' | 'company_lists' | 'figures' | 'fx_rates' | 'company_values' | 'flows';

/**
 * After a CSV import that wrote rows, on embedded PGlite only: refreshes the statistics of the tables it wrote, so
 * the next analytics query is planned for the data it now holds (PostgreSQL's autovacuum does this by itself).
 */
export async function analyzeAfterImport(db: Database, summary: ImportSummary, tables: readonly ImportedTable[]): Promise<void> {
  if (summary.dryRun || summary.created + summary.updated === 0) return;
  await analyzeOnPglite(db, tables);
}
