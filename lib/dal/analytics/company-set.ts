import 'server-only';
import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { companies, companyLists, lists } from '@/db/schema';
import type { Database } from '@/db/types';
import type { AnalyticsScope } from '../../analytics/schema';
import { caseFold } from '../../domain/case-fold';
import { RuleError } from '../../errors';

/**
 * The analysed set as a condition on `companies` (docs/data-contract.md §5): on the list (its name matched case-insensitively),
 * of the status and country given. An unknown list is a 422 that names it, not an empty answer.
 */
export async function companySetCondition(
  db: Database,
  params: Pick<AnalyticsScope, 'list' | 'status' | 'country'>,
  listParam: 'list' | 'chipsList' = 'list',
): Promise<SQL | undefined> {
  const listId = params.list === undefined ? undefined : await listIdByName(db, params.list, listParam);
  return and(
    listId === undefined
      ? undefined
      : exists(
          sql`(select 1 from ${companyLists} where ${companyLists.companyId} = ${companies.id} and ${companyLists.listId} = ${listId})`,
        ),
    params.status ? eq(companies.status, params.status) : undefined,
    params.country ? eq(companies.country, params.country) : undefined,
  );
}

export async function listIdByName(db: Database, name: string, param: string): Promise<string> {
  const [list] = await db
    .select({ id: lists.id })
    .from(lists)
    .where(eq(lists.nameKey, caseFold(name)));
  if (!list) {
    const message = `No list named “${name}”.`;
    throw new RuleError(message, [{ path: [param], message }]);
  }
  return list.id;
}
