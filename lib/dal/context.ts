import 'server-only';
import { getDb } from '@/db/client';
import type { Database } from '@/db/types';
import type { Actor } from '../domain/actor';

/**
 * What every data-layer function receives first: who is acting (resolved once, at the edge: a session, an API
 * token or the CLI's `--as`) and, optionally, the database or transaction to act in. Without `db` the process
 * database is used; a test or a caller that already holds a transaction passes it, so the work joins it.
 */
export interface Ctx {
  actor: Actor;
  db?: Database;
}

export async function dbOf(ctx: Ctx): Promise<Database> {
  return ctx.db ?? getDb();
}
