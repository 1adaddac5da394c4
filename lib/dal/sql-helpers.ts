import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/types';

/** Splits a batch so no statement exceeds PostgreSQL's 65,535 bound parameters. */
export function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Escapes `%`, `_` and `\` so user text matches literally inside an ILIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The rows of a raw query, typed by the caller. Both drivers answer `execute` with an object holding `rows`;
 * Drizzle types it as unknown, so the row shape is the query's promise (cast numerics to text, counts to int).
 */
export async function selectRows<T>(db: Pick<Database, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A batch of rows as one jsonb parameter, read back as the table `x` with the given `name type` columns. With a
 * bound parameter per cell (some two million for 100,000 figures and their audit events), Drizzle spent about as
 * long building the statements as the database spent running them. Decimals travel as JSON strings, so they stay
 * exact; a JSON null (or a missing key) becomes SQL null.
 */
export function jsonRows(rows: readonly object[], columns: string): SQL {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${sql.raw(columns)})`;
}
