import 'server-only';
import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/types';
import { env } from '../../env/index.js';
import { dbOf, type Ctx } from '../context';
import { readDataVersion, type DataVersion } from '../data-version';
import { assertRole } from '../guard';

/**
 * Analytics answers computed once per data version (docs/architecture.md, "The data version and the analytics
 * cache"). An answer depends only on its typed query and the data, and every write that changes the data bumps the
 * version, so an answer is kept under (endpoint, canonical query, version) and served again until the version moves
 * on.
 *
 * The one correctness rule: the version and the data an answer is computed from are read in one snapshot (a
 * `repeatable read, read only` transaction that reads the version first), so an answer is never stored under a
 * newer version than its data, whatever commits meanwhile.
 */

/** What one call returns: the answer and the time of the data version it was computed at. */
export interface Versioned<T> {
  value: T;
  /** ISO 8601: when the data the answer comes from was last written (`data_version.changed_at`). */
  asOf: string;
}

/** A version's identity: its number and time, so a database created again from scratch never matches an old entry. */
const stampOf = (version: DataVersion) => `${version.value}@${version.changedAt}`;

/**
 * A bounded least-recently-used map of answers (pending ones included, so requests that miss together compute once)
 * for one data version at a time: storing an answer of a newer version empties it, since no request can hit an older
 * version again, and an answer of an older version than the one held is not stored. What it holds is an answer
 * (`Versioned`) or, for `share`, what answers are computed from.
 */
export class AnswerCache<T = Versioned<unknown>> {
  private stamp: string | undefined;
  private version = -Infinity;
  private readonly entries = new Map<string, Promise<T>>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(version: DataVersion, key: string): Promise<T> | undefined {
    if (stampOf(version) !== this.stamp) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(version: DataVersion, key: string, answer: Promise<T>): void {
    if (this.capacity <= 0) return;
    const stamp = stampOf(version);
    if (stamp !== this.stamp) {
      if (version.value < this.version) return;
      this.entries.clear();
      this.stamp = stamp;
      this.version = version.value;
    }
    this.entries.delete(key);
    this.entries.set(key, answer);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets `answer` if it is still the entry under `key` (it failed: errors are not kept). */
  drop(key: string, answer: Promise<T>): void {
    if (this.entries.get(key) === answer) this.entries.delete(key);
  }
}

// One cache per database, on `globalThis` because Next evaluates this module once per route bundle: the API routes
// and the pages of one server share it. A test's fresh database gets its own.
const globalForCache = globalThis as unknown as {
  stacklensAnswerCaches?: WeakMap<Database, AnswerCache>;
  stacklensSharedReads?: WeakMap<Database, AnswerCache<unknown>>;
};

function cacheOf(db: Database): AnswerCache | undefined {
  const capacity = env().STACKLENS_ANALYTICS_CACHE;
  if (capacity <= 0) return undefined;
  const caches = (globalForCache.stacklensAnswerCaches ??= new WeakMap());
  let cache = caches.get(db);
  if (!cache || cache.capacity !== capacity) caches.set(db, (cache = new AnswerCache(capacity)));
  return cache;
}

/**
 * How many reads `share` holds per database, running or done, while their data version lasts. The dashboard starts
 * three distinct reads at once (the layers' year, profitability's three metrics, and the years its series and gap
 * share), so four hold them all until the gap asks; a read can be tens of megabytes at 50,000 companies, so no more
 * are kept. With the answer cache off (STACKLENS_ANALYTICS_CACHE=0) a read is shared only while it runs.
 */
const SHARED_READS = 4;

function sharedReadsOf(db: Database): AnswerCache<unknown> {
  const caches = (globalForCache.stacklensSharedReads ??= new WeakMap());
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new AnswerCache<unknown>(SHARED_READS)));
  return cache;
}

/**
 * Runs `read` once for `key` among the answers computed at one data version, each in its own snapshot: a read is
 * a function of the data, so every snapshot of the same version reads the same, and concurrent answers that need it
 * wait for the one read (and, should it fail, read once more on their own). `read` must not keep its snapshot's
 * transaction beyond its own statements, and what it returns must be treated as read-only, since several answers
 * use it.
 */
export type Share = <R>(key: string, read: () => Promise<R>) => Promise<R>;

/** A `Share` that shares nothing: inside a caller's own transaction, which may hold writes no version counts. */
const unshared: Share = (_key, read) => read();

function shareAt(db: Database, version: DataVersion): Share {
  const reads = sharedReadsOf(db);
  return <R>(key: string, read: () => Promise<R>) => {
    const held = reads.get(version, key) as Promise<R> | undefined;
    // A read that fails fails the answer that ran it. One that waited on it reads once more, alone, in its own
    // snapshot: one request's trouble (a dropped connection, a cancelled statement) does not fail every other.
    if (held) return held.catch(() => read());
    const reading = read();
    reads.set(version, key, reading);
    const keep = env().STACKLENS_ANALYTICS_CACHE > 0;
    reading.then(
      () => (keep ? undefined : reads.drop(key, reading)),
      () => reads.drop(key, reading),
    );
    return reading;
  };
}

/** The cache key of a typed query: the endpoint and the query's fields in a fixed order (unset ones left out). */
export function answerKey(endpoint: string, query: object): string {
  const fields = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${endpoint} ${JSON.stringify(fields)}`;
}

/**
 * `compute`'s answer for `key` at the current data version: from the cache when this version's answer is there,
 * else computed in a snapshot that reads the version first. `compute` gets a context whose `db` is that snapshot's
 * transaction and must read through it alone. The caller has checked the actor's role.
 *
 * When the caller's context already carries a transaction, the answer is computed in it and never cached: that
 * transaction may hold writes that are not committed, which no version counts.
 */
export async function oncePerVersion<T>(
  ctx: Ctx,
  key: string,
  compute: (snapshot: Ctx, share: Share) => Promise<T>,
): Promise<Versioned<T>> {
  const db = await dbOf(ctx);
  if (is(db, PgTransaction)) {
    const version = await readDataVersion(db);
    return { value: await compute(ctx, unshared), asOf: version.changedAt };
  }
  const cache = cacheOf(db);
  if (cache) {
    const hit = cache.get(await readDataVersion(db), key);
    if (hit) return hit as Promise<Versioned<T>>;
  }
  const outcome = await db.transaction(
    async (tx): Promise<{ hit: Promise<Versioned<T>> } | { answer: Versioned<T> }> => {
      const version = await readDataVersion(tx);
      // Being computed or computed meanwhile by another request: waited for outside this transaction.
      const hit = cache?.get(version, key) as Promise<Versioned<T>> | undefined;
      if (hit) return { hit };
      const computing = compute({ ...ctx, db: tx }, shareAt(db, version)).then((value) => ({ value, asOf: version.changedAt }));
      cache?.set(version, key, computing);
      computing.catch(() => cache?.drop(key, computing));
      return { answer: await computing };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return 'hit' in outcome ? outcome.hit : outcome.answer;
}

/**
 * An analytics endpoint computed once per data version: checks the role on every call, before any cache hit, and
 * adds the version's time to the answer as `asOf` (docs/data-contract.md §7 allows an as-of time).
 */
export function answerOncePerVersion<Q extends object, A extends object>(
  endpoint: string,
  compute: (ctx: Ctx, query: Q, share: Share) => Promise<A>,
): (ctx: Ctx, query: Q) => Promise<A & { asOf: string }> {
  return async (ctx, query) => {
    assertRole(ctx.actor, 'viewer');
    const { value, asOf } = await oncePerVersion(ctx, answerKey(endpoint, query), (snapshot, share) =>
      compute(snapshot, query, share),
    );
    return { ...value, asOf };
  };
}
