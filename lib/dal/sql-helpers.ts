import type { SQL } from 'drizzle-orm';
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
