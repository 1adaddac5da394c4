import 'server-only';
import { ConflictError, type DomainError } from '../errors';

/** PostgreSQL's code for a unique violation; node-postgres and PGlite both raise it with the index's name. */
const UNIQUE_VIOLATION = '23505';

/**
 * The unique index a failed statement broke, or null for any other error. Drizzle wraps the driver's error as
 * its `cause`, so the chain is walked.
 */
export function brokenUniqueIndex(error: unknown): string | null {
  let e = error;
  for (let depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const { code, constraint, cause } = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === UNIQUE_VIOLATION) return typeof constraint === 'string' ? constraint : '';
    e = cause;
  }
  return null;
}

/** Per unique index, the error for a write that lost the race on it. Runs after the write's transaction rolled back. */
export type RaceLosers = Readonly<Record<string, () => Promise<DomainError>>>;

/**
 * Runs a write and turns a unique violation, a concurrent request having committed the same key first, into a
 * typed error (docs/data-contract.md §7): the one `losers` names for that index, else a generic 409. No SQL or
 * index name reaches the user.
 */
export async function mapUniqueRaces<T>(write: () => Promise<T>, losers: RaceLosers = {}): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const index = brokenUniqueIndex(error);
    if (index === null) throw error;
    const loser = losers[index];
    throw loser
      ? await loser()
      : new ConflictError('Someone else saved the same thing at the same moment. Reload the page and try again.');
  }
}
