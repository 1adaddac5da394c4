import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { lists } from '@/db/schema';
import { ConflictError, RuleError } from '@/lib/errors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { brokenUniqueIndex, mapUniqueRaces } from './unique-races';

describe.each(TEST_DRIVERS)('unique violations on %s', (driver) => {
  const database = useFreshDatabase(driver);

  /** Inserts a list name twice, as two requests that both passed a check would. */
  async function insertTwice(): Promise<void> {
    const { db } = database.current();
    const row = { name: 'Twice', nameKey: `twice-${Math.random().toString(36).slice(2, 8)}` };
    await db.insert(lists).values(row);
    await db.insert(lists).values(row);
  }

  it('names the unique index the driver reports, through the error Drizzle wraps it in', async () => {
    const error = await insertTwice().catch((e: unknown) => e);
    expect(brokenUniqueIndex(error)).toBe('lists_name_key_key');
  });

  it('is null for an error that is not a unique violation', async () => {
    const error = await database
      .current()
      .db.execute(sql`select 1 / 0`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(brokenUniqueIndex(error)).toBeNull();
  });

  it('throws the error named for the index, a generic 409 for any other, and passes other errors through', async () => {
    const named = new RuleError('A list named Twice already exists.');
    await expect(mapUniqueRaces(insertTwice, { lists_name_key_key: async () => named })).rejects.toBe(named);

    const generic = await mapUniqueRaces(insertTwice, { companies_name_key_key: async () => named }).catch((e: unknown) => e);
    expect(generic).toBeInstanceOf(ConflictError);
    expect((generic as ConflictError).message).not.toMatch(/lists|name_key|duplicate|insert/i);

    const other = new Error('not a database error');
    await expect(
      mapUniqueRaces(async () => {
        throw other;
      }),
    ).rejects.toBe(other);
  });
});
