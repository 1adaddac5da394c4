import 'server-only';
import { eq } from 'drizzle-orm';
import { dataVersion } from '@/db/schema';
import type { Database } from '@/db/types';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';

/**
 * The data version (docs/architecture.md, "The data version and the analytics cache"): a number that grows by one
 * with every committed transaction that wrote companies, exposures, lists, memberships, figures or FX rates, and
 * when that transaction committed. Two reads that see the same value saw the same analytics data.
 */
export interface DataVersion {
  value: number;
  /** ISO 8601: when the last write committed (or the database was created). */
  changedAt: string;
}

/** The version as `db` sees it: inside a transaction, as of that transaction's snapshot. No role check. */
export async function readDataVersion(db: Pick<Database, 'select'>): Promise<DataVersion> {
  const [row] = await db
    .select({ value: dataVersion.version, changedAt: dataVersion.changedAt })
    .from(dataVersion)
    .where(eq(dataVersion.id, 1));
  if (!row) throw new Error('The data_version row is missing: the database was not migrated by this version of Stacklens.');
  return { value: Number(row.value), changedAt: row.changedAt.toISOString() };
}

/** The current data version, for a feature that shows how fresh its data is. */
export async function dataVersionOf(ctx: Ctx): Promise<DataVersion> {
  assertRole(ctx.actor, 'viewer');
  return readDataVersion(await dbOf(ctx));
}
