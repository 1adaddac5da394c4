import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { FolderLockedError } from './lock';
import { layers, users } from './schema';

describe('the embedded database on disk', () => {
  it('keeps its data across restarts, migrating only once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-open-'));
    const first = await openDatabase({ driver: 'pglite', dataDir, purpose: 'first' });
    await first.db.insert(users).values({ email: 'probe@example.com', name: 'Probe', passwordHash: 'x', role: 'viewer' });
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'stacklens.lock'))).toBe(false);

    const second = await openDatabase({ driver: 'pglite', dataDir, purpose: 'second' });
    const [row] = await second.db.select().from(users).where(eq(users.email, 'probe@example.com'));
    expect(row?.name).toBe('Probe');
    expect(await second.db.select().from(layers)).toHaveLength(6);
    await second.close();
  });

  it('refuses a second process while the first holds the folder', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-open-'));
    const server = await openDatabase({ driver: 'pglite', dataDir, purpose: 'the Stacklens server' });
    await expect(openDatabase({ driver: 'pglite', dataDir, purpose: 'the CLI' })).rejects.toBeInstanceOf(FolderLockedError);
    await server.close();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL', () => {
  it('reports an unreachable server instead of hanging', async () => {
    await expect(openDatabase({ driver: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none' })).rejects.toThrow(
      /ECONNREFUSED|connect/,
    );
  });
});
