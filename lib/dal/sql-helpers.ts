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

/** The row of `selectPacked` whose columns are `C`, each typed as in the row type `R`: a tuple. */
export type ColumnsOf<R, C extends readonly (keyof R)[]> = { -readonly [K in keyof C]: R[C[K]] };

/**
 * The rows of a raw query as arrays of the named columns, in no particular order, read as a few JSON texts instead
 * of one result row each. Embedded PGlite turns every result row into an object field by field, which cost more
 * than running the query: the 2,846 rows of a one-year values read took 43 ms to arrive and 4 ms to compute, and
 * 16–20 ms as JSON (bench/README.md, "Rows as JSON"). On PostgreSQL the two ways cost about the same.
 *
 * `chunk` is an integer column: rows with the same `chunk / 1000` travel in one text, so no text grows with the
 * whole result (a 20-year read at 50,000 companies would be some 90 MB). Without it, one text holds every row.
 * Decimals should be selected as text, so that JSON carries them exactly; a null stays null.
 */
export async function selectPacked<T extends readonly unknown[]>(
  db: Pick<Database, 'execute'>,
  query: SQL,
  columns: readonly string[],
  { chunk }: { chunk?: string } = {},
): Promise<T[]> {
  const fields = sql.join(
    columns.map((column) => sql`packed.${sql.identifier(column)}`),
    sql`, `,
  );
  const grouped = chunk ? sql` group by packed.${sql.identifier(chunk)} / 1000` : sql``;
  const texts = await selectRows<{ rows: string | null }>(
    db,
    sql`select json_agg(json_build_array(${fields}))::text as rows from (${query}) packed${grouped}`,
  );
  return texts.flatMap((text) => (text.rows === null ? [] : (JSON.parse(text.rows) as T[])));
}
