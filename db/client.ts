import path from 'node:path';
import { env } from '../lib/env/index.js';
import { openDatabase, type DatabaseTarget, type OpenDatabase } from './open';
import type { Database } from './types';

/**
 * The one database of this process, opened lazily on first use (never at build time) and kept on
 * `globalThis`, because Next evaluates this module once per route bundle and again on every hot reload.
 */
const globalForDb = globalThis as unknown as { stacklensDb?: Promise<OpenDatabase> };

export function databaseTarget(purpose: string): DatabaseTarget {
  const e = env();
  if (e.DATABASE_URL) return { driver: 'postgres', url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX };
  return { driver: 'pglite', dataDir: path.resolve(e.STACKLENS_DATA_DIR), purpose };
}

export function openProcessDatabase(purpose = 'the Stacklens server'): Promise<OpenDatabase> {
  globalForDb.stacklensDb ??= openDatabase(databaseTarget(purpose)).catch((error: unknown) => {
    globalForDb.stacklensDb = undefined; // let a later request retry (e.g. PostgreSQL came back)
    throw error;
  });
  return globalForDb.stacklensDb;
}

export async function getDb(): Promise<Database> {
  return (await openProcessDatabase()).db;
}

/** Closes this process's database if it was opened (the CLI, before it exits). */
export async function closeProcessDatabase(): Promise<void> {
  const opened = globalForDb.stacklensDb;
  globalForDb.stacklensDb = undefined;
  if (opened) await (await opened.catch(() => null))?.close();
}

/** Makes an already opened database this process's database (integration tests open their own). */
export function setProcessDatabase(opened: OpenDatabase | undefined): void {
  globalForDb.stacklensDb = opened ? Promise.resolve(opened) : undefined;
}
