import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { gapQuerySchema, layersQuerySchema, profitabilityQuerySchema, seriesQuerySchema } from '@/lib/analytics/schema';
import type { Actor } from '@/lib/domain/actor';
import type { LayerKey } from '@/lib/domain/layers';
import { ForbiddenError, UnauthenticatedError } from '@/lib/errors';
import { parseFigureBatch } from '@/lib/figures/schema';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { loadSmallStack } from '@/lib/testing/small-stack';
import type { Ctx } from '../context';
import { readDataVersion, type DataVersion } from '../data-version';
import { listFigures, putFigures } from '../figures';
import { createList } from '../lists';
import { selectRows } from '../sql-helpers';
import { AnswerCache, answerKey, oncePerVersion, type Versioned } from './answer-cache';
import { defaultAnalyticsYear, gapAnalytics, layerAnalytics, profitabilityAnalytics, seriesAnalytics } from '.';
import { layerDetailAnalytics } from './layer-detail';

// STACKLENS_ANALYTICS_CACHE as the tests set it (the process environment is parsed once).
const settings = vi.hoisted(() => ({ capacity: 256 }));
vi.mock('@/lib/env/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/env/index.js')>();
  return { ...original, env: () => ({ ...original.env(), STACKLENS_ANALYTICS_CACHE: settings.capacity }) };
});

const unique = () => Math.random().toString(36).slice(2, 8);
const at = (value: number, second = 0): DataVersion => ({
  value,
  changedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
});
const answer = (n: number) => Promise.resolve<Versioned<unknown>>({ value: n, asOf: '' });

describe('the answer cache', () => {
  it('keeps the most recently used answers of one version, up to its capacity', async () => {
    const cache = new AnswerCache(2);
    cache.set(at(1), 'a', answer(1));
    cache.set(at(1), 'b', answer(2));
    expect(await cache.get(at(1), 'a')).toMatchObject({ value: 1 }); // a is now the most recent
    cache.set(at(1), 'c', answer(3));
    expect(cache.size).toBe(2);
    expect(cache.get(at(1), 'b')).toBeUndefined();
    expect(await cache.get(at(1), 'c')).toMatchObject({ value: 3 });
    // Another version, or the same number with another time (a database created again), is not a hit.
    expect(cache.get(at(2), 'a')).toBeUndefined();
    expect(cache.get(at(1, 30), 'a')).toBeUndefined();
  });

  it('forgets every older answer when a newer version arrives, and does not store an older one', async () => {
    const cache = new AnswerCache(10);
    cache.set(at(1), 'a', answer(1));
    cache.set(at(2), 'b', answer(2));
    expect(cache.size).toBe(1);
    expect(cache.get(at(1), 'a')).toBeUndefined();
    cache.set(at(1), 'a', answer(1)); // a slow request that read version 1
    expect(cache.get(at(1), 'a')).toBeUndefined();
    expect(await cache.get(at(2), 'b')).toMatchObject({ value: 2 });
  });

  it('stores nothing at capacity 0, and drops a failed answer only if it is still the entry', () => {
    const off = new AnswerCache(0);
    off.set(at(1), 'a', answer(1));
    expect(off.size).toBe(0);
    const cache = new AnswerCache(5);
    const first = answer(1);
    const second = answer(2);
    cache.set(at(1), 'a', first);
    cache.set(at(1), 'a', second);
    cache.drop('a', first);
    expect(cache.get(at(1), 'a')).toBe(second);
    cache.drop('a', second);
    expect(cache.get(at(1), 'a')).toBeUndefined();
  });

  it('keys a query by its fields, whatever their order, leaving out unset ones', () => {
    expect(answerKey('layers', { year: 2024, metric: 'revenue', list: undefined })).toBe(
      answerKey('layers', { metric: 'revenue', year: 2024 }),
    );
    expect(answerKey('layers', { year: 2024 })).not.toBe(answerKey('series', { year: 2024 }));
    expect(answerKey('layers', { year: 2024 })).not.toBe(answerKey('layers', { year: 2025 }));
  });
});

describe.each(TEST_DRIVERS)('analytics answers once per data version on %s', (driver) => {
  const database = useFreshDatabase(driver);
  let viewer: Actor;
  let analyst: Actor;
  beforeAll(async () => {
    await loadSmallStack();
    viewer = await makeUser('viewer');
    analyst = await makeUser('analyst');
  });

  /**
   * Changes the data without moving the version (triggers off for one transaction): a change that only a recomputed
   * answer shows, so a test can tell a cached answer from a fresh one. The materialised company values, which
   * triggers keep too, are refreshed by hand.
   */
  const behindTheVersion = (statement: SQL) =>
    database.current().db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(statement);
      await tx.execute(sql`select refresh_company_values(array(select id from companies))`);
    });
  const chipco2024 = (metric = 'revenue') =>
    sql`fiscal_year = 2024 and metric = ${metric}::metric and kind = 'reported' and fiscal_quarter is null
        and company_id = (select id from companies where name = 'Chipco')`;
  /** Any write: it moves the version and changes no analytics number. */
  const bump = () => createList({ actor: analyst }, { name: `Bump ${unique()}` });

  const chips = <T extends { key: LayerKey }>(layers: readonly T[]) => layers.find((l) => l.key === 'chips')!;
  const endpoints = [
    {
      name: '/layers',
      ask: () => layerAnalytics({ actor: viewer }, layersQuerySchema.parse({ year: '2024' })),
      chipsRevenue: (a: { layers: { key: LayerKey; value: number }[] }) => chips(a.layers).value,
    },
    {
      name: '/series',
      ask: () => seriesAnalytics({ actor: viewer }, seriesQuerySchema.parse({ from: '2023', to: '2024' })),
      chipsRevenue: (a: { years: { layers: { key: LayerKey; value: number }[] }[] }) => chips(a.years[1]!.layers).value,
    },
    {
      name: '/profitability',
      ask: () => profitabilityAnalytics({ actor: viewer }, profitabilityQuerySchema.parse({ year: '2024' })),
      chipsRevenue: (a: { layers: { key: LayerKey; revenue: number }[] }) => chips(a.layers).revenue,
    },
    {
      name: '/gap',
      ask: () => gapAnalytics({ actor: viewer }, gapQuerySchema.parse({ year: '2024' })),
      chipsRevenue: (a: { years: { chips: number }[] }) => a.years[0]!.chips,
    },
    {
      name: '/layers/chips',
      ask: () => layerDetailAnalytics({ actor: viewer }, { ...layersQuerySchema.parse({ year: '2024' }), layer: 'chips' }),
      chipsRevenue: (a: { value: number }) => a.value,
    },
  ] as const;

  it.each(endpoints)('answers $name from the cache at the same version, and afresh after a write', async (endpoint) => {
    const ask = endpoint.ask as () => Promise<{ asOf: string }>;
    const chipsRevenue = endpoint.chipsRevenue as (a: unknown) => number;
    const version = await readDataVersion(database.current().db);
    const first = await ask();
    expect(first.asOf).toBe(version.changedAt);

    await behindTheVersion(sql`update figures set value = value + 50 where ${chipco2024()}`);
    const second = await ask();
    expect(second).toEqual(first); // the same version: the cached answer, not the +50
    await bump();
    const third = await ask();
    expect(chipsRevenue(third)).toBe(chipsRevenue(first) + 50);
    expect(Date.parse(third.asOf)).toBeGreaterThan(Date.parse(first.asOf));
  });

  describe('reads shared by the answers of one version (share)', () => {
    /** An answer under its own key whose read, shared under `readKey`, counts how often it runs. */
    const counted = (readKey: string) => {
      let reads = 0;
      const ask = () =>
        oncePerVersion({ actor: viewer }, answerKey('share test', { n: unique() }), (snapshot, share) =>
          share(readKey, async () => {
            reads += 1;
            const [row] = await selectRows<{ n: number }>(snapshot.db!, sql`select count(*)::int as n from figures`);
            return row!.n;
          }),
        );
      return { ask, reads: () => reads };
    };

    it('runs a read once for answers that ask together or one after the other, and again after a write', async () => {
      const { ask, reads } = counted(unique());
      const [a, b] = await Promise.all([ask(), ask()]);
      await ask();
      expect(reads()).toBe(1);
      expect(b.value).toBe(a.value);
      await bump();
      await ask();
      expect(reads()).toBe(2);
    });

    it('lets an answer that waited on a read that failed read once more on its own', async () => {
      const readKey = unique();
      let reads = 0;
      const ask = () =>
        oncePerVersion({ actor: viewer }, answerKey('share test', { n: unique() }), (_snapshot, share) =>
          share(readKey, async () => {
            reads += 1;
            const mine = reads;
            // Slow enough for the other answer to wait on it (on PostgreSQL; PGlite runs the two one after the other).
            await new Promise((resolve) => setTimeout(resolve, 300));
            if (mine === 1) throw new Error('the connection was dropped');
            return mine;
          }),
        );
      const [first, second] = await Promise.allSettled([ask(), ask()]);
      expect(first).toMatchObject({ status: 'rejected', reason: { message: 'the connection was dropped' } });
      expect(second).toMatchObject({ status: 'fulfilled', value: { value: 2 } });
      expect(reads).toBe(2);
    });

    it('keeps nothing with the answer cache off, and shares nothing inside a caller’s transaction', async () => {
      settings.capacity = 0;
      try {
        const { ask, reads } = counted(unique());
        await ask();
        await ask();
        expect(reads()).toBe(2);
      } finally {
        settings.capacity = 256;
      }
      const readKey = unique();
      let reads = 0;
      await database.current().db.transaction(async (tx) => {
        for (let i = 0; i < 2; i++)
          await oncePerVersion({ actor: viewer, db: tx }, answerKey('share test', { i }), (_snapshot, share) =>
            share(readKey, async () => (reads += 1)),
          );
      });
      expect(reads).toBe(2);
    });

    it('gives the dashboard’s series and gap, which share their revenue read, the answers each gives alone', async () => {
      const range = { from: '2023', to: '2024' };
      const series = () => seriesAnalytics({ actor: viewer }, seriesQuerySchema.parse(range));
      const gap = () => gapAnalytics({ actor: viewer }, gapQuerySchema.parse(range));
      const alone = { series: await series(), gap: (await bump(), await gap()) };
      await bump();
      const [together, gapTogether] = await Promise.all([series(), gap()]);
      expect({ ...together, asOf: '' }).toEqual({ ...alone.series, asOf: '' });
      expect({ ...gapTogether, asOf: '' }).toEqual({ ...alone.gap, asOf: '' });
    });
  });

  it('caches the default year the same way', async () => {
    const portfolio = { list: 'Portfolio' };
    expect(await defaultAnalyticsYear({ actor: viewer }, portfolio, { latest: 2026 })).toBe(2024);
    // Both Portfolio companies get 2025 revenue: 2025 qualifies, once the version says the data changed.
    await behindTheVersion(sql`insert into figures (company_id, fiscal_year, metric, kind, value, currency, updated_by)
      select id, 2025, 'revenue', 'reported', 1, 'USD', 'test' from companies where name in ('Chipco', 'Hyper')`);
    expect(await defaultAnalyticsYear({ actor: viewer }, portfolio, { latest: 2026 })).toBe(2024);
    // Another search is another entry.
    expect(await defaultAnalyticsYear({ actor: viewer }, portfolio, { latest: 2026, lookback: 3 })).toBe(2025);
    await bump();
    expect(await defaultAnalyticsYear({ actor: viewer }, portfolio, { latest: 2026 })).toBe(2025);
  });

  it('checks the role on every call, before a cached answer', async () => {
    const query = layersQuerySchema.parse({ year: '2024', metric: 'capex' });
    await layerAnalytics({ actor: viewer }, query);
    await expect(layerAnalytics({ actor: { ...viewer, role: 'none' as never } }, query)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(layerAnalytics({ actor: null as unknown as Actor }, query)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(defaultAnalyticsYear({ actor: null as unknown as Actor }, {})).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('never stores an answer under an older version than its data: the version and the data come from one snapshot', async () => {
    const db = database.current().db;
    const [stored] = await listFigures(
      { actor: viewer },
      { company: (await figureOwner('Chipco'))!, year: 2024, metric: 'revenue' },
    );
    const revenue = async (snapshot: Ctx) =>
      (await selectRows<{ value: string }>(snapshot.db!, sql`select value::text as value from figures where ${chipco2024()}`))[0]!
        .value;
    const before = await readDataVersion(db);
    let write: Promise<unknown> | undefined;
    const compute = async (snapshot: Ctx) => {
      if (!write) {
        // Another request saves the figure after this answer read the version and before it reads the data.
        write = putFigures(
          { actor: analyst },
          parseFigureBatch({ figures: [{ ...stored!, value: `${Number(stored!.value) + 1}`, version: stored!.version }] }),
        );
        // On PostgreSQL the save commits now, on another connection; PGlite has one connection, so it waits.
        if (driver === 'postgres') await write;
      }
      return revenue(snapshot);
    };
    const key = answerKey('snapshot test', { n: unique() });

    const first = await oncePerVersion({ actor: viewer }, key, compute);
    await write;
    // Computed at the version read first, from that version's data: the save is not in it …
    expect(first).toEqual({ value: stored!.value, asOf: before.changedAt });
    // … and the next call, at the save's version, computes it afresh.
    const second = await oncePerVersion({ actor: viewer }, key, compute);
    expect(Number(second.value)).toBe(Number(stored!.value) + 1);
    expect(Date.parse(second.asOf)).toBeGreaterThan(Date.parse(first.asOf));
  });

  it('answers inside a caller’s transaction from that transaction, and keeps nothing it computed there', async () => {
    const query = layersQuerySchema.parse({ year: '2024', metric: 'operating_income' });
    const before = await layerAnalytics({ actor: viewer }, query);
    class RollBack extends Error {}
    await database
      .current()
      .db.transaction(async (tx) => {
        await tx.execute(sql`update figures set value = value + 1000 where ${chipco2024('operating_income')}`);
        // company_values follows at commit; refresh it now, so the transaction sees its own change.
        await tx.execute(sql`select refresh_company_values(array(select id from companies))`);
        const inside = await layerAnalytics({ actor: viewer, db: tx }, query);
        expect(chips(inside.layers).value).toBe(chips(before.layers).value + 1000);
        throw new RollBack();
      })
      .catch((error: unknown) => expect(error).toBeInstanceOf(RollBack));
    // The uncommitted answer was not cached under the version it was computed at.
    expect(await layerAnalytics({ actor: viewer }, query)).toEqual(before);
  });

  it('computes every answer when the cache is off (STACKLENS_ANALYTICS_CACHE=0)', async () => {
    settings.capacity = 0;
    try {
      // A new version first: a test run before this one (in shuffled order) may have left this read shared at the
      // current version while the cache was on, and that read, not this test's, would answer both calls.
      await bump();
      const query = layersQuerySchema.parse({ year: '2024', metric: 'capex' });
      const first = await layerAnalytics({ actor: viewer }, query);
      await behindTheVersion(sql`update figures set value = value + 7 where ${chipco2024('capex')}`);
      const second = await layerAnalytics({ actor: viewer }, query);
      expect(chips(second.layers).value).toBe(chips(first.layers).value + 7);
      expect(second.asOf).toBe(first.asOf); // the same version: the cache, had it been on, would have kept the 7 out
    } finally {
      settings.capacity = 256;
    }
  });

  async function figureOwner(name: string): Promise<string | undefined> {
    const [row] = await selectRows<{ id: string }>(database.current().db, sql`select id from companies where name = ${name}`);
    return row?.id;
  }
});
