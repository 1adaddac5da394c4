import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { UnauthenticatedError } from '@/lib/errors';
import { companies, exposures } from '@/db/schema';
import { companyCountsByLayer, listLayers } from './layers';

describe.each(TEST_DRIVERS)('layers on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('are seeded by the migrations in stack order with what they hold and where they end', async () => {
    const viewer = await makeUser('viewer');
    const layers = await listLayers({ actor: viewer });
    expect(layers.map((l) => [l.position, l.key, l.name])).toEqual([
      [1, 'infrastructure', 'Infrastructure'],
      [2, 'chips', 'Chips'],
      [3, 'data', 'Data'],
      [4, 'models', 'Models'],
      [5, 'execution', 'Execution'],
      [6, 'application', 'Application'],
    ]);
    expect(layers[5]!.holds).toMatch(/all of the stack's revenue originates here/);
    expect(layers[0]!.ends).toBe('At the wafer: making chips is layer 2.');
    await expect(listLayers({ actor: undefined as never })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('count active companies with a share in each layer', async () => {
    const viewer = await makeUser('viewer');
    expect((await companyCountsByLayer({ actor: viewer })).every((c) => c.companies === 0)).toBe(true);
    const { db } = database.current();
    const [hyperscaler, archived] = await db
      .insert(companies)
      .values([
        { name: 'Hyperscaler', nameKey: 'hyperscaler' },
        { name: 'Gone', nameKey: 'gone', archived: true },
      ])
      .returning();
    await db.insert(exposures).values([
      { companyId: hyperscaler!.id, layerKey: 'infrastructure', share: '0.3' },
      { companyId: hyperscaler!.id, layerKey: 'application', share: '0.5' },
      { companyId: archived!.id, layerKey: 'application', share: '1' },
    ]);
    const counts = Object.fromEntries((await companyCountsByLayer({ actor: viewer })).map((c) => [c.key, c.companies]));
    expect(counts).toEqual({ infrastructure: 1, chips: 0, data: 0, models: 0, execution: 0, application: 1 });
  });

  it('refuse a share outside (0, 1] in the database itself', async () => {
    const { db } = database.current();
    const [c] = await db.insert(companies).values({ name: 'Bad share', nameKey: 'bad share' }).returning();
    await expect(db.insert(exposures).values({ companyId: c!.id, layerKey: 'chips', share: '1.5' })).rejects.toThrow();
    await expect(db.insert(exposures).values({ companyId: c!.id, layerKey: 'energy', share: '0.5' })).rejects.toThrow();
    const [row] = await db.select({ n: count() }).from(exposures).where(eq(exposures.companyId, c!.id));
    expect(row?.n).toBe(0);
  });
});
