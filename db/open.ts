import path from 'node:path';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { asc } from 'drizzle-orm';
import pg from 'pg';
import { layerTableMismatches } from '../lib/domain/layers';
import { analyzeOnPglite } from './analyze';
import { acquireFolderLock, type FolderLock } from './lock';
import { PgliteThread } from './pglite-thread';
import * as schema from './schema';
import type { Database } from './types';

export type DatabaseTarget =
  | { driver: 'postgres'; url: string; poolMax?: number }
  /** `dataDir` undefined: an in-memory database (tests). */
  | { driver: 'pglite'; dataDir?: string; purpose?: string };

export interface OpenDatabase {
  db: Database;
  driver: DatabaseTarget['driver'];
  /** A one-line description for logs: never a password. */
  describe: string;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
/** Any fixed number: serialises migrations when several app servers start at once. */
const MIGRATION_LOCK_KEY = 7_140_318_251;

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  const opened = target.driver === 'postgres' ? await openPostgres(target) : await openPglite(target);
  try {
    await checkLayers(opened.db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

async function openPostgres(target: Extract<DatabaseTarget, { driver: 'postgres' }>): Promise<OpenDatabase> {
  // JIT compilation cost more than it saved on the analytics range query (0.5 s of 2.3 s, bench/README.md).
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolMax ?? 10, options: '-c jit=off' });
  pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));
  try {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const url = new URL(target.url);
  return {
    db: drizzlePg({ client: pool, schema }) as unknown as Database,
    driver: 'postgres',
    describe: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
    close: () => pool.end(),
  };
}

async function openPglite(target: Extract<DatabaseTarget, { driver: 'pglite' }>): Promise<OpenDatabase> {
  let lock: FolderLock | undefined;
  let client: PgliteThread | undefined;
  if (target.dataDir) lock = acquireFolderLock(target.dataDir, { purpose: target.purpose ?? `process ${process.pid}` });
  try {
    client = new PgliteThread(target.dataDir ? path.join(target.dataDir, 'pgdata') : undefined);
    await client.ready;
    const db = drizzlePglite({ client: client.asPglite(), schema });
    await migratePglite(db, { migrationsFolder });
    // PGlite never runs autovacuum: a database opened after an import, or after an upgrade, has no statistics.
    await analyzeOnPglite(db as unknown as Database);
    const opened = client;
    return {
      db: db as unknown as Database,
      driver: 'pglite',
      describe: target.dataDir ? `embedded PGlite in ${path.resolve(target.dataDir)}` : 'embedded PGlite in memory',
      close: async () => {
        await opened.close();
        lock?.release();
      },
    };
  } catch (error) {
    await client?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}

async function checkLayers(db: Database): Promise<void> {
  const rows = await db.select().from(schema.layers).orderBy(asc(schema.layers.position));
  const problems = layerTableMismatches(rows);
  if (problems.length > 0) throw new Error(`The layers table disagrees with the code: ${problems.join('; ')}`);
}
