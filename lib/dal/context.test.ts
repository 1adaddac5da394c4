import { beforeAll, describe, expect, it } from 'vitest';
import { companyInputSchema } from '@/lib/companies/schema';
import { companyFilterSchema } from '@/lib/companies/filter';
import type { Database } from '@/db/types';
import type { Actor } from '@/lib/domain/actor';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { listCompanies } from './companies';
import { createCompany } from './company-writes';

class RollBack extends Error {}

describe.each(TEST_DRIVERS)('a context with a transaction on %s', (driver) => {
  const database = useFreshDatabase(driver);
  let analyst: Actor;
  beforeAll(async () => {
    analyst = await makeUser('analyst');
  });

  const names = async (db?: Database) =>
    (await listCompanies({ actor: analyst, db }, companyFilterSchema.parse({}))).items.map((c) => c.name);

  it('makes the data layer work inside the caller’s transaction, so a rollback takes its writes back', async () => {
    const input = companyInputSchema.parse({ name: 'Rolled Back Co', exposures: [{ layer: 'chips', share: '1' }] });
    await expect(
      database.current().db.transaction(async (tx) => {
        const created = await createCompany({ actor: analyst, db: tx }, input);
        // Inside the transaction the company exists …
        expect(created.name).toBe('Rolled Back Co');
        expect(await names(tx)).toContain('Rolled Back Co');
        throw new RollBack();
      }),
    ).rejects.toBeInstanceOf(RollBack);
    // … and after the rollback nothing is left.
    expect(await names()).not.toContain('Rolled Back Co');
  });

  it('uses the process database when the context names none', async () => {
    const input = companyInputSchema.parse({ name: 'Kept Co', exposures: [{ layer: 'data', share: '0.5' }] });
    await createCompany({ actor: analyst }, input);
    expect(await names()).toContain('Kept Co');
  });
});
