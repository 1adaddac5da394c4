import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteThread } from './pglite-thread';

describe('PGlite on its own thread', () => {
  let pg: PgliteThread;
  beforeAll(async () => {
    pg = new PgliteThread(undefined);
    await pg.ready;
    await pg.query('create table t (k int primary key, v text)');
    // A deferred check, raised only at commit: `even` takes no odd key.
    await pg.query('create table even (k int)');
    await pg.query(`create function even_only() returns trigger language plpgsql as $$
      begin if new.k % 2 = 1 then raise exception 'odd key %', new.k using errcode = 'P0001'; end if; return null; end $$`);
    await pg.query(`create constraint trigger even_only after insert on even deferrable initially deferred
      for each row execute function even_only()`);
  }, 60_000);
  afterAll(() => pg.close());

  it('answers queries in both row modes, leaving the asked types as text', async () => {
    await pg.query('insert into t values ($1, $2), ($3, $4)', [1, 'one', 2, 'two']);
    const objects = await pg.query<{ k: number; v: string }>('select k, v from t order by k');
    expect(objects.rows).toEqual([
      { k: 1, v: 'one' },
      { k: 2, v: 'two' },
    ]);
    const arrays = await pg.query("select k, date '2024-02-29' as day from t order by k", [], {
      rowMode: 'array',
      parsers: { 1082: (text: string) => text },
    });
    expect(arrays.rows).toEqual([
      [1, '2024-02-29'],
      [2, '2024-02-29'],
    ]);
    await pg.query('delete from t');
  });

  it('refuses a parser it could not apply on the other thread', () => {
    expect(() => pg.query('select 1', [], { parsers: { 1082: (text: string) => new Date(text) } })).toThrow(
      /Unsupported parser for type 1082/,
    );
  });

  it('keeps a Postgres error’s fields, so a unique violation can be told apart', async () => {
    await pg.query('insert into t values (10, $1)', ['a']);
    const error = await pg.query('insert into t values (10, $1)', ['b']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect((error as Error).stack).toContain('pglite-thread.test.ts');
    await pg.query('delete from t');
  });

  it('commits a transaction whose work returns, and rolls back one whose work throws', async () => {
    const result = await pg.transaction(async (tx) => {
      await tx.query('insert into t values (1, $1)', ['kept']);
      return (await tx.query<{ n: number }>('select count(*)::int as n from t')).rows[0]!.n;
    });
    expect(result).toBe(1);
    await expect(
      pg.transaction(async (tx) => {
        await tx.query('insert into t values (2, $1)', ['dropped']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await pg.query('select k from t order by k')).rows).toEqual([{ k: 1 }]);
    await pg.query('delete from t');
  });

  it("reports an error raised at commit as the transaction's error, and writes nothing", async () => {
    const error = await pg
      .transaction(async (tx) => {
        await tx.query('insert into even values (2), (3)');
        return 'returned';
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'odd key 3', code: 'P0001' });
    expect((await pg.query('select count(*)::int as n from even')).rows).toEqual([{ n: 0 }]);
  });

  it('runs a query that waits for an open transaction after it, as PGlite itself does', async () => {
    const order: string[] = [];
    let outside: Promise<unknown> | undefined;
    await pg.transaction(async (tx) => {
      await tx.query('insert into t values (4, $1)', ['in']);
      outside = pg.query('select count(*)::int as n from t').then((r) => {
        order.push('outside');
        return r.rows;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('commit');
    });
    // The query outside saw the committed row: it ran after the transaction, not inside it.
    expect(await outside).toEqual([{ n: 1 }]);
    expect(order).toEqual(['commit', 'outside']);
    await pg.query('delete from t');
  });

  it('leaves this thread free while a long query runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    await pg.query('select count(*) from generate_series(1, 3000000) a join generate_series(1, 2) b on true');
    const elapsed = performance.now() - started;
    clearInterval(timer);
    // On the query's thread, no timer could fire until it was done; here they fire all along.
    expect(elapsed).toBeGreaterThan(50);
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4);
  });
});
