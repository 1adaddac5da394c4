import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { setProcessDatabase } from '@/db/client';
import { openDatabase, type OpenDatabase } from '@/db/open';
import type { Database } from '@/db/types';
import { sql } from 'drizzle-orm';

/**
 * The drivers an integration suite runs on: always embedded PGlite (in memory), and PostgreSQL too when
 * TEST_DATABASE_URL is set (a fresh database is created for the suite and dropped after it).
 */
export const TEST_DRIVERS: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `stacklens_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * Opens a fresh, migrated database for the enclosing `describe` and makes it the process database. `url` is the
 * PostgreSQL database's address (undefined on PGlite), for a test that opens a second pool as a second server.
 */
export function useFreshDatabase(driver: 'pglite' | 'postgres'): {
  current: () => OpenDatabase;
  url: () => string | undefined;
} {
  let opened: OpenDatabase | undefined;
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (driver === 'postgres') {
      const created = await createPostgresDatabase();
      drop = created.drop;
      url = created.url;
      opened = await openDatabase({ driver: 'postgres', url: created.url, poolMax: 4 });
    } else {
      opened = await openDatabase({ driver: 'pglite' });
    }
    setProcessDatabase(opened);
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await opened?.close();
    await drop?.();
  });
  return {
    current: () => {
      if (!opened) throw new Error('The test database is not open yet.');
      return opened;
    },
    url: () => url,
  };
}

/**
 * Opens every pooled connection before a race (four queries that each hold one for 50 ms), so racing requests start
 * together rather than one per new connection.
 */
export async function openPooledConnections(db: Database): Promise<void> {
  await Promise.all(Array.from({ length: 4 }, () => db.execute(sql`select pg_sleep(0.05)`)));
}
