import { is, sql } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import type { Database } from './types';

/** Whether `db` (a database or a transaction) is embedded PGlite. */
export function isPglite(db: Database): boolean {
  return is(db._.session, PgliteSession);
}

/**
 * Gathers the planner's statistics on embedded PGlite, which never runs autovacuum or autoanalyze: without them a
 * table filled by an import keeps its empty-table estimates, and a 20-year analytics query took 1.35 s instead of
 * 0.32 s (bench/README.md). On PostgreSQL, autovacuum does this by itself, so nothing is done there. `tables`: the
 * app's tables that changed; none given, every table of the app.
 */
export async function analyzeOnPglite(db: Database, tables?: readonly string[]): Promise<void> {
  if (!isPglite(db)) return;
  const names = tables ?? (await appTables(db));
  if (names.length === 0) return;
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await db.execute(sql`analyze ${list}`);
}

async function appTables(db: Database): Promise<string[]> {
  const result = (await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)) as unknown as {
    rows: { tablename: string }[];
  };
  return result.rows.map((r) => r.tablename);
}
