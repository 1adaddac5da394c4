import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../db/open';

async function connections(admin: pg.Client, database: string): Promise<number> {
  const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [
    database,
  ]);
  return rows[0]!.n;
}

/**
 * A fresh database for a bench: PGlite (in memory, or in the empty folder `pgliteDir`, which a server can open once
 * the bench has closed it), or with BENCH_DATABASE_URL a uniquely named PostgreSQL database at `url` that `drop`
 * removes afterwards (`BENCH_KEEP=1` keeps it and prints its address, to study a plan in `psql`).
 */
export async function openBenchDatabase({ pgliteDir }: { pgliteDir?: string } = {}): Promise<{
  db: OpenDatabase;
  url?: string;
  drop: () => Promise<void>;
}> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return { db: await openDatabase({ driver: 'pglite', dataDir: pgliteDir }), drop: async () => undefined };
  const name = `stacklens_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    db: await openDatabase({ driver: 'postgres', url: target.toString() }),
    url: target.toString(),
    drop: async () => {
      if (process.env.BENCH_KEEP) {
        process.stderr.write(`kept ${target.toString()}\n`);
        return admin.end();
      }
      // pool.end() does not wait for its connections to close; dropping the database under them logs errors.
      for (let i = 0; i < 50 && (await connections(admin, name)) > 0; i++) await new Promise((r) => setTimeout(r, 100));
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}
