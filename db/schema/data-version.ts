import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, smallint, timestamp } from 'drizzle-orm/pg-core';

/**
 * The data version (docs/architecture.md, "The data version and the analytics cache"): one row whose `version` grows
 * with every committed transaction that wrote a table an analytics answer reads (companies, exposures, lists,
 * company_lists, figures, fx_rates). Database triggers bump it, so every door (UI, API, CLI, imports, psql) does,
 * and only at commit: see migration 0008_data_version. `changed_at` is when the last such transaction committed:
 * the answers' `asOf`.
 */
export const dataVersion = pgTable(
  'data_version',
  {
    id: smallint('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('data_version_one_row', sql`${t.id} = 1`)],
);

/**
 * One row per open transaction that has written such a table, inserted by the tables' statement triggers and
 * removed when that transaction commits (or gone with it when it rolls back). Its deferred trigger is what bumps
 * `data_version`, so the version row is locked only during commit, after every other lock the writer takes.
 */
export const dataVersionPending = pgTable('data_version_pending', {
  txid: bigint('txid', { mode: 'number' }).primaryKey(),
});
