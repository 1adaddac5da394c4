import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { selectPacked, selectRows } from './sql-helpers';

describe.each(TEST_DRIVERS)('rows read as JSON texts (selectPacked), on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('gives each row as its columns in the order named: text, integers, booleans, nulls, decimals as text to the digit', async () => {
    const rows = await selectPacked<[n: number, label: string | null, amount: string, flag: boolean]>(
      database.current().db,
      sql`select n, label, amount::text as amount, flag from (values
            (1, 'Alpha "A", Inc.', 0.123456789012345678901234567890::numeric, true),
            (2, null, -1e-20::numeric, false)) as t(n, label, amount, flag)`,
      ['n', 'label', 'amount', 'flag'],
    );
    expect(rows.sort((a, b) => a[0] - b[0])).toEqual([
      [1, 'Alpha "A", Inc.', '0.123456789012345678901234567890', true],
      [2, null, '-0.00000000000000000001', false],
    ]);
  });

  it('reads every row of a result that travels as several texts, and nothing for an empty one', async () => {
    const query = sql`select g as n, (g::numeric / 7)::text as seventh from generate_series(1, 2500) g`;
    const packed = await selectPacked<[n: number, seventh: string]>(database.current().db, query, ['n', 'seventh'], {
      chunk: 'n',
    });
    const plain = await selectRows<{ n: number; seventh: string }>(database.current().db, query);
    expect(packed.sort((a, b) => a[0] - b[0])).toEqual(plain.map((r) => [r.n, r.seventh]));
    expect(await selectPacked(database.current().db, sql`select 1 as n where false`, ['n'], { chunk: 'n' })).toEqual([]);
    expect(await selectPacked(database.current().db, sql`select 1 as n where false`, ['n'])).toEqual([]);
  });
});
